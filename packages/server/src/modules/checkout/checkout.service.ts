import type { Checkout, Order, PayBody, PayResult, PriceLine, RequestedInfo, ShippingOption } from '@tijara/protocol';
import type { PaymentSummary } from '@tijara/protocol/messenger';
import { CheckoutUpdateReply, PreCheckoutReply } from '@tijara/protocol/messenger';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { Outbox } from '../../events/outbox.js';
import { badRequest, conflict, HttpError, notFound } from '../../http/errors.js';
import { newId } from '../../lib/ids.js';
import type { Outbound } from '../webhooks/webhooks.service.js';
import * as webhooks from '../webhooks/webhooks.service.js';
import * as messaging from '../messaging/messaging.service.js';
import type { ThreadsTable } from '../messaging/messaging.table.js';
import * as orders from '../orders/orders.service.js';
import * as pages from '../pages/pages.service.js';
import * as payments from '../payments/payments.service.js';
import * as wallet from '../wallet/wallet.service.js';
import * as repo from './checkout.repository.js';
import type { CheckoutSessionsTable } from './checkout.table.js';

export interface CheckoutDeps extends payments.PaymentsDeps {
  outbox: Outbox;
  outbound: Outbound;
  syncTimeoutMs: number;
}

const checkReply = TypeCompiler.Compile(CheckoutUpdateReply);
const checkPreCheckout = TypeCompiler.Compile(PreCheckoutReply);

interface StoredOptions {
  addressId: string;
  options: Array<{ id: string; title: string; lines: Array<{ label: string; amount: number }> }>;
}

const summaryOf = (session: CheckoutSessionsTable) => JSON.parse(session.summary) as PaymentSummary;
const optionsOf = (session: CheckoutSessionsTable) => (session.shipping_options ? (JSON.parse(session.shipping_options) as StoredOptions) : null);
const line = (label: string, amount: number, currency: string): PriceLine => ({ label, amount: orders.money(amount, currency) });

function baseLines(summary: PaymentSummary): Array<{ label: string; amount: number }> {
  return summary.price_list.map((entry, index) => ({ label: entry.label, amount: payments.toMinor(entry.amount, summary.currency, `payment_summary.price_list[${index}].amount`) }));
}

async function view(deps: CheckoutDeps, session: CheckoutSessionsTable, order: Order | null): Promise<Checkout> {
  const summary = summaryOf(session);
  const page = await pages.getPage(deps.db, session.page_id);
  const config = await payments.pagePaymentConfig(deps, session.page_id);
  const base = baseLines(summary);
  const stored = optionsOf(session);
  const failure = session.failure ? (JSON.parse(session.failure) as { code: string; message: string }) : null;
  return {
    id: session.id,
    status: session.status as Checkout['status'],
    merchantName: summary.merchant_name,
    pageName: page?.name ?? '',
    paymentType: summary.payment_type,
    isTest: summary.is_test_payment === true,
    privacyUrl: config.privacyUrl,
    requestedUserInfo: summary.requested_user_info as RequestedInfo[],
    priceList: base.map((entry) => line(entry.label, entry.amount, summary.currency)),
    shippingOptions: stored
      ? stored.options.map((option): ShippingOption => ({
          id: option.id,
          title: option.title,
          priceList: option.lines.map((entry) => line(entry.label, entry.amount, summary.currency)),
          total: orders.money(option.lines.reduce((sum, entry) => sum + entry.amount, 0), summary.currency),
        }))
      : null,
    shippingAddressId: stored?.addressId ?? null,
    subtotal: orders.money(base.reduce((sum, entry) => sum + entry.amount, 0), summary.currency),
    failure,
    order,
  };
}

async function orderView(deps: CheckoutDeps, orderId: string | null): Promise<Order | null> {
  if (!orderId) return null;
  const row = await orders.getOrderRow(deps.db, orderId);
  return row ? orders.view(deps.db, row, (ids) => payments.orderExtras(deps.db, ids)) : null;
}

async function requireSession(deps: CheckoutDeps, checkoutId: string, shopperId: string): Promise<CheckoutSessionsTable> {
  const session = await repo.find(deps.db, checkoutId);
  if (!session || session.shopper_id !== shopperId) throw notFound('checkout_not_found', `No checkout has the id ${checkoutId}`, 'checkoutId');
  return session;
}

/** Tapping Buy: the checkout of that button for this shopper, created on the first tap. */
export async function openCheckout(deps: CheckoutDeps, shopperId: string, threadId: string, input: { messageId: string; buttonPath: string }): Promise<Checkout> {
  const { thread } = await messaging.requireShopperThread(deps.db, threadId, shopperId);
  const message = await messaging.pageMessage(deps.db, thread.id, input.messageId);
  if (!message) throw notFound('message_not_found', 'No message of this conversation has that id', 'body.messageId');
  const button = messaging.buyButtonAt(message.extras.attachment, input.buttonPath);
  if (!button) throw badRequest('invalid_field', 'body.buttonPath does not point at a Buy button of that message', 'body.buttonPath');
  const now = Date.now();
  await repo.insertIfAbsent(deps.db, {
    id: newId(now),
    page_id: thread.page_id,
    thread_id: thread.id,
    shopper_id: shopperId,
    app_id: message.extras.appId ?? null,
    message_id: input.messageId,
    button_path: input.buttonPath,
    payload: button.payload,
    summary: JSON.stringify(button.payment_summary),
    shipping_options: null,
    status: 'open',
    order_id: null,
    failure: null,
    created_at: now,
    updated_at: now,
  });
  const session = (await repo.findByButton(deps.db, shopperId, input.messageId, input.buttonPath))!;
  return view(deps, session, await orderView(deps, session.order_id));
}

export async function getCheckout(deps: CheckoutDeps, shopperId: string, checkoutId: string): Promise<Checkout> {
  const session = await requireSession(deps, checkoutId, shopperId);
  return view(deps, session, await orderView(deps, session.order_id));
}

const webhookAddress = (address: wallet.Address) => ({
  name: address.name,
  street1: address.street1,
  street2: address.street2,
  city: address.city,
  state: address.state,
  country: address.country,
  postal_code: address.postalCode,
});

/**
 * FLEXIBLE_AMOUNT: the bot is asked, synchronously, which shipping options it offers for the
 * chosen address (checkout_update); its answer is checked and kept for Pay.
 */
export async function chooseAddress(deps: CheckoutDeps, shopperId: string, checkoutId: string, addressId: string): Promise<Checkout> {
  const session = await requireSession(deps, checkoutId, shopperId);
  if (session.status !== 'open') throw conflict('checkout_closed', 'This checkout is already paid or being paid');
  const summary = summaryOf(session);
  if (summary.payment_type !== 'FLEXIBLE_AMOUNT') throw badRequest('invalid_field', 'This Buy button has a fixed amount: there are no shipping options to choose', 'body.addressId');
  const address = await wallet.getAddress(deps.db, shopperId, addressId);
  const thread = await threadOf(deps, session);
  const answer = session.app_id
    ? await webhooks.callSync(deps.db, deps.outbound, {
        appId: session.app_id,
        pageId: session.page_id,
        psid: thread.psid,
        field: 'messaging_checkout_updates',
        item: { sender: { id: thread.psid }, recipient: { id: session.page_id }, timestamp: Date.now(), checkout_update: { payload: session.payload, shipping_address: { id: address.id, ...webhookAddress(address) } } },
        timeoutMs: deps.syncTimeoutMs,
      })
    : ({ kind: 'not_subscribed' } as const);
  if (answer.kind !== 'answer') {
    throw new HttpError(502, 'shop_unavailable', answer.kind === 'not_subscribed' ? 'This shop does not offer shipping options for this item.' : `The shop did not answer with shipping options (${answer.reason}). Try again in a moment.`);
  }
  if (!checkReply.Check(answer.body)) throw new HttpError(502, 'shop_unavailable', 'The shop answered with shipping options Tijara cannot read. Try again later.');
  let options: StoredOptions['options'];
  try {
    options = answer.body.shipping.map((option) => ({
      id: option.option_id,
      title: option.option_title,
      lines: option.price_list.map((entry) => ({ label: entry.label, amount: payments.toMinor(entry.amount, summary.currency) })),
    }));
  } catch {
    throw new HttpError(502, 'shop_unavailable', `The shop answered with a shipping price that is not an exact ${summary.currency} amount.`);
  }
  await repo.update(deps.db, session.id, { shipping_options: JSON.stringify({ addressId: address.id, options } satisfies StoredOptions), failure: null });
  return getCheckout(deps, shopperId, checkoutId);
}

async function threadOf(deps: CheckoutDeps, session: CheckoutSessionsTable): Promise<ThreadsTable> {
  return (await messaging.threadsById(deps.db, [session.thread_id])).get(session.thread_id)!;
}

const failed = (code: string, message: string, field?: string): PayResult => ({ status: 'failed', code, message, ...(field ? { field } : {}) });

/**
 * Pay: requested info → the payments beta gate → pre_checkout (the bot may refuse) → the charge
 * → the order → the messaging_payments webhook. One Pay tap carries one idempotency key; a retry
 * with it, or a second tap on a paid checkout, never charges twice.
 */
export async function pay(deps: CheckoutDeps, shopperId: string, checkoutId: string, input: PayBody): Promise<PayResult> {
  let session = await requireSession(deps, checkoutId, shopperId);
  const key = `checkout:${session.id}:${input.idempotencyKey}`;
  if (session.status === 'paid') return { status: 'paid', order: (await orderView(deps, session.order_id))! };

  const summary = summaryOf(session);
  const thread = await threadOf(deps, session);
  const lines = baseLines(summary);
  const requested = new Set(summary.requested_user_info);

  let address: wallet.Address | null = null;
  let option: StoredOptions['options'][number] | null = null;
  if (requested.has('shipping_address') || summary.payment_type === 'FLEXIBLE_AMOUNT') {
    if (!input.addressId) return failed('missing_info', 'Choose a shipping address.', 'body.addressId');
    address = await wallet.getAddress(deps.db, shopperId, input.addressId);
  }
  if (summary.payment_type === 'FLEXIBLE_AMOUNT') {
    const stored = optionsOf(session);
    if (!stored || stored.addressId !== input.addressId) return failed('missing_info', 'Choose the shipping address again to see its shipping options.', 'body.addressId');
    option = stored.options.find((candidate) => candidate.id === input.shippingOptionId) ?? null;
    if (!option) return failed('missing_info', stored.options.length === 0 ? 'This shop does not ship to that address.' : 'Choose a shipping option.', 'body.shippingOptionId');
    lines.push(...option.lines);
  }
  const saved = await wallet.getContact(deps.db, shopperId);
  const contact = { name: input.contact?.name ?? saved?.name ?? '', email: input.contact?.email ?? saved?.email ?? '', phone: input.contact?.phone ?? saved?.phone ?? '' };
  for (const [info, value, label] of [['contact_name', contact.name, 'your name'], ['contact_email', contact.email, 'an email address'], ['contact_phone', contact.phone, 'a phone number']] as const) {
    if (requested.has(info) && !value.trim()) return failed('missing_info', `The shop needs ${label}.`, `body.contact.${info.replace('contact_', '')}`);
  }
  const amount = payments.toMinor(payments.toDecimal(lines.reduce((sum, entry) => sum + entry.amount, 0), summary.currency), summary.currency);
  if (amount <= 0) return failed('invalid_amount', 'The total must be more than zero.');

  const config = await payments.pagePaymentConfig(deps, session.page_id);
  const isTest = summary.is_test_payment === true;
  const gate = await payments.paymentsAllowed(deps.db, session.app_id, { isTest, psid: thread.psid, testers: config.testers });
  if (!gate.ok) return failed('payments_not_enabled', gate.message);
  const card = await wallet.revealCard(deps.db, deps.vault, shopperId, input.cardId);

  const requestedInfo: Record<string, unknown> = {};
  if (requested.has('shipping_address') && address) requestedInfo.shipping_address = webhookAddress(address);
  if (requested.has('contact_name')) requestedInfo.contact_name = contact.name;
  if (requested.has('contact_email')) requestedInfo.contact_email = contact.email;
  if (requested.has('contact_phone')) requestedInfo.contact_phone = contact.phone;
  const decimalAmount = { currency: summary.currency, amount: payments.toDecimal(amount, summary.currency) };

  if (!(await repo.claim(deps.db, session.id))) {
    session = (await repo.find(deps.db, session.id))!;
    if (session.status === 'paid') return { status: 'paid', order: (await orderView(deps, session.order_id))! };
    throw conflict('payment_in_progress', 'A payment for this checkout is already in progress');
  }
  const release = async (code: string, message: string) => {
    await repo.update(deps.db, session.id, { status: 'open', failure: JSON.stringify({ code, message }) });
    return failed(code, message);
  };

  try {
    // A retry of a Pay that already charged (a lost answer, a crash before the order) goes straight to the order.
    const previous = await payments.paymentByKey(deps.db, key);
    let charged: payments.ChargeResult;
    if (previous?.status === 'captured') {
      charged = { payment: previous, outcome: { ok: true, reference: previous.provider_reference ?? '', providerType: previous.provider as payments.ProviderType } };
    } else if (previous?.status === 'failed') {
      return await release(previous.failure_code ?? 'card_declined', payments.declineMessages[(previous.failure_code ?? 'card_declined') as keyof typeof payments.declineMessages]);
    } else {
      if (session.app_id) {
        const answer = await webhooks.callSync(deps.db, deps.outbound, {
          appId: session.app_id,
          pageId: session.page_id,
          psid: thread.psid,
          field: 'messaging_pre_checkouts',
          item: { sender: { id: thread.psid }, recipient: { id: session.page_id }, timestamp: Date.now(), pre_checkout: { payload: session.payload, requested_user_info: requestedInfo, amount: decimalAmount } },
          timeoutMs: deps.syncTimeoutMs,
        });
        if (answer.kind === 'failed') return await release('shop_unavailable', `The shop did not confirm the order (${answer.reason}). You were not charged.`);
        if (answer.kind === 'answer' && !checkPreCheckout.Check(answer.body)) return await release('shop_unavailable', 'The shop gave an answer Tijara cannot read. You were not charged.');
        if (answer.kind === 'answer' && !(answer.body as { success: boolean }).success) {
          return await release('refused_by_shop', 'The shop could not accept this order right now (an item may have just sold out). You were not charged.');
        }
      }
      const provider = await payments.providerFor(deps, config, isTest).catch(() => null);
      if (!provider) return await release('processing_error', 'This shop\'s payment settings are incomplete, so it cannot take payments right now. You were not charged.');
      charged = await payments.charge(deps, { checkoutId: session.id, idempotencyKey: key, amount, currency: summary.currency, card, provider, isTest, description: `${summary.merchant_name}: ${session.payload}` });
      if (!charged.outcome.ok) return await release(charged.outcome.code, payments.declineMessages[charged.outcome.code]);
    }
    const outcome = charged.outcome as Extract<payments.ChargeOutcome, { ok: true }>;
    const now = Date.now();
    const order = await deps.db.transaction().execute(async (trx) => {
      const row = await orders.createOrder(trx, {
        pageId: session.page_id,
        shopperId,
        threadId: session.thread_id,
        checkoutId: session.id,
        currency: summary.currency,
        lines,
        payload: session.payload,
        shippingOption: option ? { id: option.id, title: option.title } : null,
        shippingAddress: address ? { name: address.name, street1: address.street1, street2: address.street2, city: address.city, state: address.state, postalCode: address.postalCode, country: address.country } : null,
        contact: requested.has('contact_name') || requested.has('contact_email') || requested.has('contact_phone') ? contact : null,
        paymentMethod: `${card.brand[0]!.toUpperCase()}${card.brand.slice(1)} •••• ${card.last4}`,
        isTest,
      });
      await payments.bookCharge(trx, charged.payment, row);
      // fb_payment_id is the order number: the receipt a bot builds from it matches what the shopper sees.
      const credential = outcome.credential
        ? { ...outcome.credential, fb_payment_id: row.number }
        : { provider_type: charged.payment.provider, charge_id: outcome.reference, fb_payment_id: row.number };
      await repo.update(trx, session.id, { status: 'paid', order_id: row.id, failure: null });
      await deps.outbox.record(trx, {
        type: 'payment.completed',
        threadId: session.thread_id,
        pageId: session.page_id,
        shopperId,
        at: now,
        payment: {
          payload: session.payload,
          requested_user_info: requestedInfo,
          payment_credential: credential,
          amount: decimalAmount,
          ...(option ? { shipping_option_id: option.id } : {}),
        },
      });
      return row;
    });
    deps.outbox.committed();
    return { status: 'paid', order: await orders.view(deps.db, order, (ids) => payments.orderExtras(deps.db, ids)) };
  } catch (error) {
    await repo.update(deps.db, session.id, { status: 'open' }).catch(() => undefined);
    throw error;
  }
}
