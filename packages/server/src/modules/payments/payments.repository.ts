import type { Db } from '../../db/database.js';
import type { LedgerEntriesTable, PaymentBetaApplicationsTable, PaymentsTable, RefundsTable } from './payments.table.js';

export function findSettings(db: Db, pageId: string) {
  return db.selectFrom('page_payment_settings').selectAll().where('page_id', '=', pageId).executeTakeFirst();
}

export function upsertSettings(db: Db, pageId: string, provider: string, stripeKey: string | null, now: number) {
  return db
    .insertInto('page_payment_settings')
    .values({ page_id: pageId, provider, stripe_key_ciphertext: stripeKey, updated_at: now })
    .onConflict((oc) => oc.column('page_id').doUpdateSet({ provider, stripe_key_ciphertext: stripeKey, updated_at: now }))
    .execute();
}

export function insertPayment(db: Db, row: PaymentsTable) {
  return db.insertInto('payments').values(row).execute();
}

export function findPaymentByKey(db: Db, key: string) {
  return db.selectFrom('payments').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

export function findCapturedPayment(db: Db, orderId: string) {
  return db.selectFrom('payments').selectAll().where('order_id', '=', orderId).where('status', '=', 'captured').executeTakeFirst();
}

export function findPaymentsOfOrders(db: Db, orderIds: string[]) {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('payments').select(['order_id', 'provider']).where('order_id', 'in', orderIds).where('status', '=', 'captured').execute();
}

export function updatePayment(db: Db, id: string, changes: Partial<PaymentsTable>) {
  return db.updateTable('payments').set(changes).where('id', '=', id).execute();
}

export function insertRefund(db: Db, row: RefundsTable) {
  return db.insertInto('refunds').values(row).execute();
}

export function findRefundByKey(db: Db, key: string) {
  return db.selectFrom('refunds').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

export function updateRefund(db: Db, id: string, changes: Partial<RefundsTable>) {
  return db.updateTable('refunds').set(changes).where('id', '=', id).execute();
}

export function findRefundsOfOrders(db: Db, orderIds: string[]) {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('refunds').selectAll().where('order_id', 'in', orderIds).orderBy('created_at').execute();
}

export function insertLedger(db: Db, rows: LedgerEntriesTable[]) {
  return db.insertInto('ledger_entries').values(rows).execute();
}

/** Every journal's sum: a balanced ledger answers nothing. */
export function unbalancedJournals(db: Db) {
  return db
    .selectFrom('ledger_entries')
    .select(['journal_id', (eb) => eb.fn.sum<number>('amount').as('total')])
    .groupBy('journal_id')
    .having((eb) => eb.fn.sum('amount'), '!=', 0)
    .execute();
}

export function merchantBalances(db: Db) {
  return db
    .selectFrom('ledger_entries')
    .select(['order_id', (eb) => eb.fn.sum<number>('amount').as('total')])
    .where('account', 'like', 'merchant:%')
    .groupBy('order_id')
    .execute();
}

export function capturedByOrder(db: Db) {
  return db.selectFrom('payments').select(['order_id', 'amount']).where('status', '=', 'captured').execute();
}

export function refundedByOrder(db: Db) {
  return db
    .selectFrom('refunds')
    .select(['order_id', (eb) => eb.fn.sum<number>('amount').as('total')])
    .where('status', '=', 'succeeded')
    .groupBy('order_id')
    .execute();
}

export function findApplication(db: Db, appId: string) {
  return db.selectFrom('payment_beta_applications').selectAll().where('app_id', '=', appId).executeTakeFirst();
}

export function upsertApplication(db: Db, row: PaymentBetaApplicationsTable) {
  return db
    .insertInto('payment_beta_applications')
    .values(row)
    .onConflict((oc) => oc.column('app_id').doUpdateSet({ status: row.status, use_case: row.use_case, applied_at: row.applied_at, decided_at: null, decided_by: null, note: null }))
    .execute();
}

export function findApplications(db: Db, status: string | undefined) {
  let query = db.selectFrom('payment_beta_applications').innerJoin('apps', 'apps.id', 'payment_beta_applications.app_id').selectAll('payment_beta_applications').select('apps.name as app_name');
  if (status) query = query.where('payment_beta_applications.status', '=', status);
  return query.orderBy('payment_beta_applications.applied_at', 'desc').execute();
}

export function decideApplication(db: Db, appId: string, status: string, note: string | null, operatorId: string, now: number) {
  return db.updateTable('payment_beta_applications').set({ status, note, decided_at: now, decided_by: operatorId }).where('app_id', '=', appId).executeTakeFirst();
}
