import type { Db } from '../../db/database.js';
import type { CheckoutSessionsTable } from './checkout.table.js';

export function insertIfAbsent(db: Db, row: CheckoutSessionsTable) {
  return db.insertInto('checkout_sessions').values(row).onConflict((oc) => oc.columns(['shopper_id', 'message_id', 'button_path']).doNothing()).execute();
}

export function findByButton(db: Db, shopperId: string, messageId: string, buttonPath: string) {
  return db.selectFrom('checkout_sessions').selectAll().where('shopper_id', '=', shopperId).where('message_id', '=', messageId).where('button_path', '=', buttonPath).executeTakeFirst();
}

export function find(db: Db, id: string) {
  return db.selectFrom('checkout_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function update(db: Db, id: string, changes: Partial<CheckoutSessionsTable>) {
  return db.updateTable('checkout_sessions').set({ ...changes, updated_at: Date.now() }).where('id', '=', id).execute();
}

/** open → paying, for one payer at a time. */
export async function claim(db: Db, id: string): Promise<boolean> {
  const result = await db.updateTable('checkout_sessions').set({ status: 'paying', updated_at: Date.now() }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
