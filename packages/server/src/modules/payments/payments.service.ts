import type { BetaApplication, PaymentSettingsBody, PaymentSettingsView } from '@tijara/protocol';
import type { Db } from '../../db/database.js';
import { badRequest, conflict, HttpError, notFound } from '../../http/errors.js';
import { newId } from '../../lib/ids.js';
import * as orders from '../orders/orders.service.js';
import type { OrdersTable } from '../orders/orders.table.js';
import * as profiles from '../pages/messenger-profile.service.js';
import type { RevealedCard } from '../wallet/wallet.service.js';
import { toDecimal } from './money.js';
import * as repo from './payments.repository.js';
import type { LedgerEntriesTable, PaymentsTable } from './payments.table.js';
import type { ChargeOutcome, PaymentProvider, ProviderType } from './providers/provider.js';
import { createTestProcessor } from './providers/test-processor.js';
import { readPaymentPublicKey } from './providers/token.js';
import type { Vault } from './vault.js';

export { toDecimal, toMinor, MoneyError, isCurrency } from './money.js';
export type { PaymentProvider, ChargeOutcome, ProviderType } from './providers/provider.js';
export { declineMessages } from './providers/provider.js';

/** How to build the non-test providers; platform.ts supplies the real ones, tests may supply others. */
export interface ProviderFactories {
  stripe(secretKey: string): PaymentProvider;
  token(publicKeyArmored: string): Promise<PaymentProvider>;
}

export interface PaymentsDeps {
  db: Db;
  vault: Vault;
  providers: ProviderFactories;
}

export interface PagePaymentConfig {
  provider: ProviderType;
  privacyUrl: string | null;
  publicKey: string | null;
  testers: string[];
  stripeKey: string | null;
}

export async function pagePaymentConfig(deps: PaymentsDeps, pageId: string): Promise<PagePaymentConfig> {
  const [settings, profile] = await Promise.all([repo.findSettings(deps.db, pageId), profiles.getProfile(deps.db, pageId, ['payment_settings'])]);
  const payment = (profile.payment_settings ?? {}) as { privacy_url?: string; public_key?: string; testers?: string[] };
  return {
    provider: (settings?.provider as ProviderType | undefined) ?? 'test',
    privacyUrl: payment.privacy_url ?? null,
    publicKey: payment.public_key ?? null,
    testers: payment.testers ?? [],
    stripeKey: settings?.stripe_key_ciphertext ? deps.vault.open(settings.stripe_key_ciphertext) : null,
  };
}

export async function settingsView(deps: PaymentsDeps, pageId: string): Promise<PaymentSettingsView> {
  const config = await pagePaymentConfig(deps, pageId);
  return { provider: config.provider, stripeKeyHint: config.stripeKey ? `…${config.stripeKey.slice(-4)}` : null, privacyUrl: config.privacyUrl, publicKey: config.publicKey !== null, testers: config.testers };
}

export async function updateSettings(deps: PaymentsDeps, pageId: string, input: PaymentSettingsBody): Promise<PaymentSettingsView> {
  const current = await pagePaymentConfig(deps, pageId);
  const key = input.stripeSecretKey ?? current.stripeKey;
  if (input.provider === 'stripe' && !key) throw badRequest('invalid_field', 'body.stripeSecretKey is required to charge through Stripe', 'body.stripeSecretKey');
  if (input.provider === 'token' && !current.publicKey) {
    throw badRequest('invalid_field', 'Tokenized payments need a PGP public key: set payment_settings.public_key through the Messenger Profile API first', 'body.provider');
  }
  if (input.provider === 'token') {
    await readPaymentPublicKey(current.publicKey ?? '').catch((error: Error) => {
      throw badRequest('invalid_field', `payment_settings.public_key cannot be used: ${error.message}`, 'payment_settings.public_key');
    });
  }
  await repo.upsertSettings(deps.db, pageId, input.provider, key ? deps.vault.seal(key) : null, Date.now());
  return settingsView(deps, pageId);
}

/** The provider that charges for this page; a test payment always goes to the test processor. */
export async function providerFor(deps: PaymentsDeps, config: PagePaymentConfig, isTest: boolean): Promise<PaymentProvider> {
  if (isTest || config.provider === 'test') return createTestProcessor(deps.db);
  if (config.provider === 'stripe') return deps.providers.stripe(config.stripeKey ?? '');
  return deps.providers.token(config.publicKey ?? '');
}

export async function paymentByKey(db: Db, key: string): Promise<PaymentsTable | undefined> {
  return repo.findPaymentByKey(db, key);
}

export interface ChargeResult {
  payment: PaymentsTable;
  outcome: ChargeOutcome;
}

/**
 * Charges once per idempotency key: a replay returns the first outcome, and a pending record left
 * by a crash is settled by asking the provider again with the same key (it will not charge twice).
 */
export async function charge(
  deps: PaymentsDeps,
  input: { checkoutId: string; idempotencyKey: string; amount: number; currency: string; card: RevealedCard; provider: PaymentProvider; isTest: boolean; description: string },
): Promise<ChargeResult> {
  let payment = await repo.findPaymentByKey(deps.db, input.idempotencyKey);
  if (payment && payment.status === 'captured') return { payment, outcome: { ok: true, reference: payment.provider_reference ?? '', providerType: payment.provider as ProviderType } };
  if (payment && payment.status === 'failed') return { payment, outcome: { ok: false, code: payment.failure_code as never, message: payment.failure_message ?? '' } };
  const now = Date.now();
  if (!payment) {
    payment = {
      id: newId(now),
      checkout_id: input.checkoutId,
      order_id: null,
      provider: input.provider.type,
      provider_reference: null,
      idempotency_key: input.idempotencyKey,
      amount: input.amount,
      currency: input.currency,
      status: 'pending',
      failure_code: null,
      failure_message: null,
      card_id: input.card.id,
      test_at: input.isTest ? now : null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertPayment(deps.db, payment);
  }
  const outcome = await input.provider.charge({ idempotencyKey: input.idempotencyKey, amount: input.amount, currency: input.currency, card: input.card, description: input.description });
  const changes: Partial<PaymentsTable> = outcome.ok
    ? { status: 'captured', provider_reference: outcome.reference, updated_at: Date.now() }
    : { status: 'failed', failure_code: outcome.code, failure_message: outcome.message, updated_at: Date.now() };
  await repo.updatePayment(deps.db, payment.id, changes);
  return { payment: { ...payment, ...changes }, outcome };
}

/** Ties the captured payment to its order and books it: the customer's card pays the page. */
export async function bookCharge(db: Db, payment: PaymentsTable, order: OrdersTable): Promise<void> {
  await repo.updatePayment(db, payment.id, { order_id: order.id, updated_at: Date.now() });
  await journal(db, `charge:${payment.id}`, order, payment.amount, { payment_id: payment.id, refund_id: null });
}

async function journal(db: Db, journalId: string, order: OrdersTable, amount: number, link: Pick<LedgerEntriesTable, 'payment_id' | 'refund_id'>) {
  const now = Date.now();
  const entry = (account: string, signed: number): LedgerEntriesTable => ({ id: newId(now), journal_id: journalId, account, amount: signed, currency: order.currency, order_id: order.id, created_at: now, ...link });
  await repo.insertLedger(db, [entry(`customer:${order.shopper_id}`, -amount), entry(`merchant:${order.page_id}`, amount)]);
}

export async function orderExtras(db: Db, orderIds: string[]): Promise<orders.OrderExtras> {
  const [refunds, payments] = await Promise.all([repo.findRefundsOfOrders(db, orderIds), repo.findPaymentsOfOrders(db, orderIds)]);
  const byOrder = new Map<string, orders.RefundRecord[]>();
  for (const row of refunds) {
    const list = byOrder.get(row.order_id) ?? [];
    list.push({ id: row.id, amount: Number(row.amount), reason: row.reason, status: row.status, createdAt: row.created_at });
    byOrder.set(row.order_id, list);
  }
  return { refunds: byOrder, providers: new Map(payments.map((row) => [row.order_id!, row.provider])) };
}

export interface RefundRequest {
  orderId: string;
  idempotencyKey: string;
  amount?: number;
  reason?: string;
  actor: string;
  /** Set by a cancellation: the order ends cancelled rather than refunded. */
  cancel?: boolean;
}

/**
 * Refunds all or part of an order, idempotently. The amount is reserved on the order first, so
 * two refunds at once can never return more than was paid; a refund the provider refuses is
 * released again. Returns the order after the move and whether this call made the refund.
 */
export async function refund(deps: PaymentsDeps & { providerOf(order: OrdersTable, payment: PaymentsTable): Promise<PaymentProvider> }, request: RefundRequest) {
  const key = `${request.orderId}:${request.idempotencyKey}`;
  const previous = await repo.findRefundByKey(deps.db, key);
  if (previous) return { order: (await orders.getOrderRow(deps.db, request.orderId))!, refundId: previous.id, created: false };
  const order = await orders.getOrderRow(deps.db, request.orderId);
  if (!order) throw notFound('order_not_found', `No order has the id ${request.orderId}`, 'orderId');
  const payment = await repo.findCapturedPayment(deps.db, order.id);
  if (!payment) throw conflict('not_refundable', 'This order has no captured payment to refund');
  const remaining = Number(order.total) - Number(order.refunded);
  const amount = request.amount ?? remaining;
  if (remaining <= 0) throw conflict('not_refundable', 'This order has been refunded in full already', 'body.amount');
  if (amount > remaining) throw badRequest('invalid_field', `body.amount is more than what is left to refund (${toDecimal(remaining, order.currency)} ${order.currency})`, 'body.amount');
  // A partial refund of an order that has shipped keeps it shipped (or delivered): the refund is
  // recorded as an event, so fulfilment is never lost to the refund.
  const keepsStatus = !request.cancel && amount < remaining && (order.status === 'shipped' || order.status === 'delivered');
  const target = request.cancel ? 'cancelled' : amount === remaining ? 'refunded' : keepsStatus ? (order.status as 'shipped' | 'delivered') : 'partially_refunded';
  if (!keepsStatus && !orders.canMove(order.status as never, target)) throw conflict('invalid_transition', `An order that is ${order.status.replace('_', ' ')} cannot be ${request.cancel ? 'cancelled' : 'refunded'}`, 'body.status');

  const refundId = newId();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await orders.reserveRefund(trx, order, amount))) throw conflict('order_changed', 'Another refund of this order is in progress; reload and try again');
    await repo.insertRefund(trx, { id: refundId, payment_id: payment.id, order_id: order.id, idempotency_key: key, amount, reason: request.reason ?? null, provider_reference: null, status: 'pending', created_at: Date.now() });
  });

  const provider = await deps.providerOf(order, payment);
  const outcome = await provider.refund({ idempotencyKey: key, reference: payment.provider_reference ?? '', amount, currency: order.currency });
  if (!outcome.ok) {
    await deps.db.transaction().execute(async (trx) => {
      await repo.updateRefund(trx, refundId, { status: 'failed' });
      await orders.releaseRefund(trx, order.id, amount);
    });
    throw new HttpError(502, outcome.code, `The refund did not go through: ${outcome.message}`);
  }
  const moved = await deps.db.transaction().execute(async (trx) => {
    await repo.updateRefund(trx, refundId, { status: 'succeeded', provider_reference: outcome.reference });
    await journal(trx, `refund:${refundId}`, order, -amount, { payment_id: payment.id, refund_id: refundId });
    const note = `Refund of ${toDecimal(amount, order.currency)} ${order.currency}${request.reason ? `: ${request.reason}` : ''}`;
    return keepsStatus ? orders.recordEvent(trx, order.id, 'partially_refunded', request.actor, note) : orders.move(trx, order.id, target, request.actor, note);
  });
  return { order: moved, refundId, created: true, amount };
}

/** Orders, payments, refunds and the ledger must tell one story; this lists where they do not. */
export async function checkLedger(db: Db): Promise<{ ok: boolean; problems: string[] }> {
  const problems: string[] = [];
  for (const row of await repo.unbalancedJournals(db)) problems.push(`journal ${row.journal_id} does not balance (off by ${row.total})`);
  const [balances, captured, refunded, orderRows] = await Promise.all([
    repo.merchantBalances(db),
    repo.capturedByOrder(db),
    repo.refundedByOrder(db),
    orders.totals(db),
  ]);
  const balanceOf = new Map(balances.map((row) => [row.order_id, Number(row.total)]));
  const capturedOf = new Map(captured.filter((row) => row.order_id).map((row) => [row.order_id!, Number(row.amount)]));
  const refundedOf = new Map(refunded.map((row) => [row.order_id, Number(row.total)]));
  for (const order of orderRows) {
    const total = Number(order.total);
    const refundedTotal = refundedOf.get(order.id) ?? 0;
    if ((capturedOf.get(order.id) ?? 0) !== total) problems.push(`order ${order.number}: captured ${capturedOf.get(order.id) ?? 0} but the order total is ${total}`);
    if (refundedTotal !== Number(order.refunded)) problems.push(`order ${order.number}: refunds add up to ${refundedTotal} but the order says ${order.refunded}`);
    if ((balanceOf.get(order.id) ?? 0) !== total - refundedTotal) problems.push(`order ${order.number}: the ledger holds ${balanceOf.get(order.id) ?? 0} for the merchant, expected ${total - refundedTotal}`);
  }
  return { ok: problems.length === 0, problems };
}

export async function applyForPayments(db: Db, appId: string, useCase: string): Promise<BetaApplication> {
  const existing = await repo.findApplication(db, appId);
  if (existing?.status === 'approved') throw conflict('already_approved', 'This app is already in the payments beta');
  if (existing?.status === 'pending') throw conflict('already_applied', 'This app\'s application is waiting for an operator');
  await repo.upsertApplication(db, { app_id: appId, status: 'pending', use_case: useCase.trim(), note: null, applied_at: Date.now(), decided_at: null, decided_by: null });
  return (await getApplication(db, appId))!;
}

export async function getApplication(db: Db, appId: string): Promise<BetaApplication | null> {
  const rows = await repo.findApplications(db, undefined);
  const row = rows.find((candidate) => candidate.app_id === appId);
  return row ? toApplication(row) : null;
}

const toApplication = (row: Awaited<ReturnType<typeof repo.findApplications>>[number]): BetaApplication => ({
  appId: row.app_id,
  appName: row.app_name,
  status: row.status as BetaApplication['status'],
  useCase: row.use_case,
  note: row.note,
  appliedAt: row.applied_at,
  decidedAt: row.decided_at,
});

export async function listApplications(db: Db, status?: string): Promise<BetaApplication[]> {
  return (await repo.findApplications(db, status)).map(toApplication);
}

export async function decide(db: Db, appId: string, approve: boolean, note: string | undefined, operatorId: string): Promise<BetaApplication> {
  const existing = await repo.findApplication(db, appId);
  if (!existing) throw notFound('application_not_found', `App ${appId} has not applied for payments`, 'appId');
  await repo.decideApplication(db, appId, approve ? 'approved' : 'rejected', note ?? null, operatorId, Date.now());
  return (await getApplication(db, appId))!;
}

/**
 * The payments beta: an approved app may take real payments; before approval only test payments
 * by the page's testers (PSIDs in payment_settings.testers) go through.
 */
export async function paymentsAllowed(db: Db, appId: string | null, input: { isTest: boolean; psid: string; testers: string[] }): Promise<{ ok: true } | { ok: false; message: string }> {
  const application = appId ? await repo.findApplication(db, appId) : undefined;
  if (application?.status === 'approved') return { ok: true };
  if (input.isTest && input.testers.includes(input.psid)) return { ok: true };
  return {
    ok: false,
    message: input.isTest
      ? 'This shop is still testing payments and you are not one of its testers.'
      : 'This shop cannot take payments yet: its app is waiting for approval in the payments beta.',
  };
}
