import { useState } from 'react';
import type { Order, OrderStatusBody } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { formatMinorLike } from '../../../lib/money';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { Icon } from '../../../components/Icon';
import { canRefund, remainingMinor } from '../../../components/order/OrderParts';
import { setOrderStatus } from '../api/orders';
import { RefundForm } from './RefundForm';

/** What the merchant can do next with an order: only the moves `nextStatuses` allows, and refunds. */
export function OrderActions({ pageId, order, onChanged }: { pageId: string; order: Order; onChanged(order: Order): void }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refunding, setRefunding] = useState(false);
  const next = new Set(order.nextStatuses);
  const refundable = canRefund(order);
  if (next.size === 0 && !refundable) return null;

  const move = async (status: OrderStatusBody['status']) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await setOrderStatus(pageId, order.id, { status }));
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card order-section order-actions" aria-label={t('merchantOrders.actions')}>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="order-action-row">
        {next.has('shipped') && (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => move('shipped')}>
            <Icon name="truck" size={18} />
            {t('merchantOrders.markShipped')}
          </button>
        )}
        {next.has('delivered') && (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => move('delivered')}>
            <Icon name="check" size={18} />
            {t('merchantOrders.markDelivered')}
          </button>
        )}
        {refundable && !refunding && (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => setRefunding(true)}>
            {t('merchantOrders.refund')}
          </button>
        )}
        {next.has('cancelled') && (
          <ConfirmAction
            label={t('merchantOrders.cancel')}
            question={t('merchantOrders.cancelConfirm', { amount: formatMinorLike(remainingMinor(order), order.total, locale) })}
            confirmLabel={t('merchantOrders.cancelNow')}
            onConfirm={() => move('cancelled')}
          />
        )}
      </div>
      {refunding && (
        <RefundForm
          pageId={pageId}
          order={order}
          onDone={(refunded) => {
            setRefunding(false);
            onChanged(refunded);
          }}
          onCancel={() => setRefunding(false)}
        />
      )}
    </section>
  );
}
