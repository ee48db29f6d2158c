import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError, Checkout, ListQuery, OpenCheckoutBody, Order, OrderList, OrderStatusBody, PayBody, PayResult, PaymentSettingsBody, PaymentSettingsView, RefundBody, ShippingAddressBody } from '@tijara/protocol';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { requireAccount, sessionAuth } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import * as messaging from '../messaging/messaging.service.js';
import * as orders from '../orders/orders.service.js';
import * as pages from '../pages/pages.service.js';
import * as payments from '../payments/payments.service.js';
import * as checkout from './checkout.service.js';
import { checkoutDeps, paymentsDeps, refundOrder } from './checkout.deps.js';

const errors = { 400: AppError, 401: AppError, 403: AppError, 404: AppError, 409: AppError, 502: AppError };
const CheckoutParams = Type.Object({ checkoutId: Type.String({ maxLength: 40 }) });
const PageParams = Type.Object({ pageId: Type.String({ pattern: '^[0-9]{1,20}$' }) });
const PageOrderParams = Type.Object({ pageId: Type.String({ pattern: '^[0-9]{1,20}$' }), orderId: Type.String({ maxLength: 40 }) });

/** Checkout sheets and orders: the shopper's side and the merchant's. */
export function checkoutRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('preHandler', sessionAuth(deps.db, { required: true }));
    const me = (request: FastifyRequest) => requireAccount(request).id;
    const extras = (ids: string[]) => payments.orderExtras(deps.db, ids);
    const cdeps = checkoutDeps(deps);

    app.post(
      '/api/threads/:threadId/checkouts',
      { schema: { tags: ['checkout'], summary: 'Tap Buy: open the checkout sheet of a Buy button (the same one on every tap)', params: Type.Object({ threadId: Type.String({ maxLength: 40 }) }), body: OpenCheckoutBody, response: { 200: Checkout, ...errors } } },
      async (request) => checkout.openCheckout(cdeps, me(request), request.params.threadId, request.body),
    );
    app.get('/api/checkouts/:checkoutId', { schema: { tags: ['checkout'], summary: 'A checkout sheet', params: CheckoutParams, response: { 200: Checkout, ...errors } } }, async (request) =>
      checkout.getCheckout(cdeps, me(request), request.params.checkoutId),
    );
    app.post(
      '/api/checkouts/:checkoutId/shipping-address',
      { schema: { tags: ['checkout'], summary: 'Choose the shipping address; for flexible amounts the shop answers with shipping options', params: CheckoutParams, body: ShippingAddressBody, response: { 200: Checkout, ...errors } } },
      async (request) => checkout.chooseAddress(cdeps, me(request), request.params.checkoutId, request.body.addressId),
    );
    app.post(
      '/api/checkouts/:checkoutId/pay',
      { schema: { tags: ['checkout'], summary: 'Pay. A decline or a refusal by the shop is an answer with status "failed", not an error; the same idempotencyKey never charges twice', params: CheckoutParams, body: PayBody, response: { 200: PayResult, ...errors } } },
      async (request) => checkout.pay(cdeps, me(request), request.params.checkoutId, request.body),
    );

    app.get('/api/orders', { schema: { tags: ['orders'], summary: 'The shopper\'s orders, newest first', querystring: ListQuery, response: { 200: OrderList, ...errors } } }, async (request) =>
      orders.list(deps.db, { shopperId: me(request) }, request.query, extras),
    );
    app.get('/api/orders/:orderId', { schema: { tags: ['orders'], summary: 'One of the shopper\'s orders', params: Type.Object({ orderId: Type.String({ maxLength: 40 }) }), response: { 200: Order, ...errors } } }, async (request) => {
      const row = await orders.getOrderRow(deps.db, request.params.orderId);
      if (!row || row.shopper_id !== me(request)) throw notFound('order_not_found', `No order has the id ${request.params.orderId}`, 'orderId');
      return orders.view(deps.db, row, extras);
    });

    const pageOrder = async (request: FastifyRequest) => {
      const params = request.params as { pageId: string; orderId: string };
      await pages.requireMember(deps.db, params.pageId, me(request));
      const row = await orders.getOrderRow(deps.db, params.orderId);
      if (!row || row.page_id !== params.pageId) throw notFound('order_not_found', `No order has the id ${params.orderId}`, 'orderId');
      return row;
    };

    app.get('/api/pages/:pageId/orders', { schema: { tags: ['orders'], summary: 'A page\'s orders, newest first', params: PageParams, querystring: ListQuery, response: { 200: OrderList, ...errors } } }, async (request) => {
      await pages.requireMember(deps.db, request.params.pageId, me(request));
      return orders.list(deps.db, { pageId: request.params.pageId }, request.query, extras);
    });
    app.get('/api/pages/:pageId/orders/:orderId', { schema: { tags: ['orders'], summary: 'One order of the page', params: PageOrderParams, response: { 200: Order, ...errors } } }, async (request) =>
      orders.view(deps.db, await pageOrder(request), extras),
    );
    app.post(
      '/api/pages/:pageId/orders/:orderId/status',
      { schema: { tags: ['orders'], summary: 'Mark shipped or delivered, or cancel (a cancel refunds the whole order)', params: PageOrderParams, body: OrderStatusBody, response: { 200: Order, ...errors } } },
      async (request) => {
        const row = await pageOrder(request);
        const actor = `merchant:${me(request)}`;
        if (request.body.status === 'cancelled') {
          await refundOrder(deps, { orderId: row.id, idempotencyKey: `cancel-${row.id}`, reason: request.body.note ?? 'Order cancelled', actor, cancel: true });
        } else {
          const thread = (await messaging.threadsById(deps.db, [row.thread_id])).get(row.thread_id)!;
          await deps.db.transaction().execute(async (trx) => {
            await orders.move(trx, row.id, request.body.status, actor, request.body.note);
            await messaging.postNotice(trx, deps.outbox, thread, `Order ${row.number} is ${request.body.status}.`);
          });
          deps.outbox.committed();
        }
        return orders.view(deps.db, (await orders.getOrderRow(deps.db, row.id))!, extras);
      },
    );
    app.post(
      '/api/pages/:pageId/orders/:orderId/refunds',
      { schema: { tags: ['orders'], summary: 'Refund all or part of an order (idempotent by idempotencyKey); noted in the conversation', params: PageOrderParams, body: RefundBody, response: { 200: Order, 201: Order, ...errors } } },
      async (request, reply) => {
        const row = await pageOrder(request);
        const result = await refundOrder(deps, { orderId: row.id, idempotencyKey: request.body.idempotencyKey, amount: request.body.amount, reason: request.body.reason, actor: `merchant:${me(request)}` });
        return reply.status(result.created ? 201 : 200).send(await orders.view(deps.db, result.order, extras));
      },
    );

    app.get('/api/pages/:pageId/payment-settings', { schema: { tags: ['payments'], summary: 'Who charges for the page, and its Messenger payment settings', params: PageParams, response: { 200: PaymentSettingsView, ...errors } } }, async (request) => {
      await pages.requireMember(deps.db, request.params.pageId, me(request));
      return payments.settingsView(paymentsDeps(deps), request.params.pageId);
    });
    app.put(
      '/api/pages/:pageId/payment-settings',
      { schema: { tags: ['payments'], summary: 'Choose the provider: the test processor, Stripe (with the page\'s secret key, kept encrypted) or tokenized cards', params: PageParams, body: PaymentSettingsBody, response: { 200: PaymentSettingsView, ...errors } } },
      async (request) => {
        await pages.requireMember(deps.db, request.params.pageId, me(request));
        return payments.updateSettings(paymentsDeps(deps), request.params.pageId, request.body);
      },
    );
  };
}
