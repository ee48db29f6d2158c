import type { AppDeps } from '../../deps.js';
import * as messaging from '../messaging/messaging.service.js';
import type { OrdersTable } from '../orders/orders.table.js';
import * as payments from '../payments/payments.service.js';
import type { CheckoutDeps } from './checkout.service.js';

export const paymentsDeps = (deps: AppDeps): payments.PaymentsDeps => ({ db: deps.db, vault: deps.vault, providers: deps.providers });

export const checkoutDeps = (deps: AppDeps): CheckoutDeps => ({ ...paymentsDeps(deps), outbox: deps.outbox, outbound: deps.outbound, syncTimeoutMs: deps.config.webhooks.syncTimeoutMs });

/** A refund (or a cancellation) through the provider that took the payment, noted in the conversation. */
export async function refundOrder(deps: AppDeps, request: payments.RefundRequest) {
  const pdeps = paymentsDeps(deps);
  const result = await payments.refund(
    {
      ...pdeps,
      async providerOf(order: OrdersTable, payment) {
        const config = await payments.pagePaymentConfig(pdeps, order.page_id);
        return payments.providerFor(pdeps, { ...config, provider: payment.provider as payments.ProviderType }, payment.provider === 'test');
      },
    },
    request,
  );
  if (result.created) {
    const order = result.order;
    const thread = (await messaging.threadsById(deps.db, [order.thread_id])).get(order.thread_id)!;
    const text = request.cancel
      ? `Order ${order.number} was cancelled and ${payments.toDecimal(result.amount ?? 0, order.currency)} ${order.currency} refunded.`
      : `A refund of ${payments.toDecimal(result.amount ?? 0, order.currency)} ${order.currency} was issued for order ${order.number}.`;
    await deps.db.transaction().execute((trx) => messaging.postNotice(trx, deps.outbox, thread, text));
    deps.outbox.committed();
  }
  return result;
}
