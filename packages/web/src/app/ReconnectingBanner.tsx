import { useI18n } from '../lib/i18n';
import { useSocketStatus } from '../lib/realtime-context';

export function ReconnectingBanner() {
  const { t } = useI18n();
  const status = useSocketStatus();
  if (status !== 'reconnecting') return null;
  return (
    <div className="banner" role="status">
      <span className="spinner spinner-small" aria-hidden="true" />
      {t('app.reconnecting')}
    </div>
  );
}
