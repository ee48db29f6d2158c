import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { WebhookDeliveriesTable } from './webhooks.table.js';

export async function readCursor(db: Db, name: string, lock: boolean): Promise<number | undefined> {
  // On PostgreSQL the row lock makes one process at a time turn events into deliveries.
  const row = lock
    ? await sql<{ position: number }>`select position from worker_cursors where name = ${name} for update`.execute(db).then((r) => r.rows[0])
    : await db.selectFrom('worker_cursors').select('position').where('name', '=', name).executeTakeFirst();
  return row ? Number(row.position) : undefined;
}

export function initCursor(db: Db, name: string, position: number) {
  return db.insertInto('worker_cursors').values({ name, position }).onConflict((oc) => oc.column('name').doNothing()).execute();
}

export function writeCursor(db: Db, name: string, position: number) {
  return db.updateTable('worker_cursors').set({ position }).where('name', '=', name).execute();
}

export function insertDeliveries(db: Db, rows: WebhookDeliveriesTable[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('webhook_deliveries').values(rows).execute();
}

/**
 * Pending deliveries that are due and first in line for their ordering key: a later event of the same
 * conversation never overtakes an earlier one that is still failing.
 */
export function findDue(db: Db, now: number, limit: number) {
  return db
    .selectFrom('webhook_deliveries as d')
    .selectAll('d')
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('d.claimed_until', 'is', null), eb('d.claimed_until', '<', now)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('webhook_deliveries as e')
            .select('e.id')
            .whereRef('e.ordering_key', '=', 'd.ordering_key')
            .where('e.status', '=', 'pending')
            .where((eb) => eb.or([eb('e.created_at', '<', eb.ref('d.created_at')), eb.and([eb('e.created_at', '=', eb.ref('d.created_at')), eb('e.id', '<', eb.ref('d.id'))])])),
        ),
      ),
    )
    .orderBy('d.created_at')
    .orderBy('d.id')
    .limit(limit)
    .execute();
}

/** Claims a delivery for one attempt; false when another worker got it first. */
export async function claim(db: Db, id: string, now: number, until: number): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ claimed_until: until })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function recordAttempt(db: Db, id: string, changes: Partial<WebhookDeliveriesTable>) {
  return db.updateTable('webhook_deliveries').set(changes).where('id', '=', id).execute();
}

export function findDeliveriesOfApp(db: Db, appId: string, before: { at: number; id: string } | undefined, limit: number) {
  let query = db.selectFrom('webhook_deliveries').selectAll().where('app_id', '=', appId);
  if (before) query = query.where((eb) => eb.or([eb('created_at', '<', before.at), eb.and([eb('created_at', '=', before.at), eb('id', '<', before.id)])]));
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function findDelivery(db: Db, id: string) {
  return db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function nextDueAt(db: Db): Promise<number | null> {
  const row = await db.selectFrom('webhook_deliveries').select((eb) => eb.fn.min('next_attempt_at').as('at')).where('status', '=', 'pending').executeTakeFirst();
  return row?.at === null || row?.at === undefined ? null : Number(row.at);
}

export function rescheduleApp(db: Db, appId: string, at: number) {
  return db.updateTable('webhook_deliveries').set({ next_attempt_at: at }).where('app_id', '=', appId).where('status', '=', 'pending').execute();
}
