import type { Db } from '../../db/database.js';
import type { OrderEventsTable, OrderLinesTable, OrdersTable } from './orders.table.js';

export async function insertOrder(db: Db, row: OrdersTable, lines: OrderLinesTable[], event: OrderEventsTable): Promise<void> {
  await db.insertInto('orders').values(row).execute();
  if (lines.length > 0) await db.insertInto('order_lines').values(lines).execute();
  await db.insertInto('order_events').values(event).execute();
}

export function findOrder(db: Db, id: string) {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
}


export function findOrders(db: Db, filter: { shopperId: string } | { pageId: string }, before: { at: number; id: string } | undefined, limit: number) {
  let query = db.selectFrom('orders').selectAll();
  query = 'shopperId' in filter ? query.where('shopper_id', '=', filter.shopperId) : query.where('page_id', '=', filter.pageId);
  if (before) query = query.where((eb) => eb.or([eb('created_at', '<', before.at), eb.and([eb('created_at', '=', before.at), eb('id', '<', before.id)])]));
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function findLines(db: Db, orderIds: string[]) {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('order_lines').selectAll().where('order_id', 'in', orderIds).orderBy('position').execute();
}

export function findEvents(db: Db, orderIds: string[]) {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('order_events').selectAll().where('order_id', 'in', orderIds).orderBy('created_at').orderBy('id').execute();
}

/** Moves the status only if it is still the one the caller read: two concurrent moves cannot both win. */
export async function updateStatus(db: Db, id: string, from: string, changes: Partial<OrdersTable>, event: OrderEventsTable): Promise<boolean> {
  const result = await db.updateTable('orders').set(changes).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await db.insertInto('order_events').values(event).execute();
  return true;
}

export async function addRefunded(db: Db, id: string, expected: number, amount: number): Promise<boolean> {
  const result = await db.updateTable('orders').set((eb) => ({ refunded: eb('refunded', '+', amount) })).where('id', '=', id).where('refunded', '=', expected).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function subtractRefunded(db: Db, id: string, amount: number) {
  return db.updateTable('orders').set((eb) => ({ refunded: eb('refunded', '-', amount) })).where('id', '=', id).execute();
}

export function findTotals(db: Db) {
  return db.selectFrom('orders').select(['id', 'number', 'total', 'refunded']).execute();
}

export function insertEvent(db: Db, event: OrderEventsTable) {
  return db.insertInto('order_events').values(event).execute();
}
