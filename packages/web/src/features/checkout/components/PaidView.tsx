import { useEffect } from 'react';
import type { Order } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { formatAmount } from '../../../lib/money';
import { Link } from '../../../lib/router';
import { Icon } from '../../../components/Icon';
import { TestBadge } from '../../../components/order/OrderParts';

/** How long the success state stays before the sheet gives the thread (and the bot's receipt) back. */
export const paidShownMs = 2500;

/** The payment went through: the order number, then back to the conversation, where the receipt arrives. */
export function PaidView({ order, merchant, justPaid, onDone }: { order: Order; merchant: string; justPaid: boolean; onDone(): void }) {
  const { t, locale } = useI18n();
  useEffect(() => {
    if (!justPaid) return;
    const timer = window.setTimeout(onDone, paidShownMs);
    return () => window.clearTimeout(timer);
  }, [justPaid, onDone]);
  return (
    <div className="pay-done" role="status">
      <span className="pay-done-icon">
        <Icon name="done" size={56} />
      </span>
      <h2>{justPaid ? t('pay.paidTitle') : t('pay.alreadyPaid')}</h2>
      <p className="pay-done-number">
        {t('pay.orderNumber')} <bdi dir="ltr">{order.number}</bdi>
      </p>
      <p className="pay-done-total">{formatAmount(order.total, locale)}</p>
      {order.isTest && <TestBadge />}
      <p className="muted">{t('pay.receiptComing', { merchant })}</p>
      <div className="pay-done-actions">
        <button type="button" className="button button-primary" onClick={onDone}>
          {t('pay.backToChat')}
        </button>
        <Link to={`/orders/${encodeURIComponent(order.id)}`} className="button button-ghost">
          {t('pay.viewOrder')}
        </Link>
      </div>
    </div>
  );
}
