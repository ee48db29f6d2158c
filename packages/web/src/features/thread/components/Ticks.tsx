import { useI18n } from '../../../lib/i18n';
import { Icon } from '../../../components/Icon';
import type { DeliveryStatus } from './threadState';

export function Ticks({ status }: { status: DeliveryStatus | 'sending' }) {
  const { t } = useI18n();
  const label = {
    sending: t('thread.status.sending'),
    sent: t('thread.status.sent'),
    delivered: t('thread.status.delivered'),
    read: t('thread.status.read'),
  }[status];
  const icon = status === 'sending' ? 'clock' : status === 'sent' ? 'check' : 'checks';
  return (
    <span className={`ticks ticks-${status}`} data-status={status} role="img" aria-label={label} title={label}>
      <Icon name={icon} size={16} />
    </span>
  );
}
