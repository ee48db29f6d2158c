import type { Db } from '../../db/database.js';
import type { MessagesTable, ThreadsTable } from './messaging.table.js';
import type { AttachmentsTable } from './attachments.table.js';

export function insertThreadIfAbsent(db: Db, row: ThreadsTable) {
  return db.insertInto('threads').values(row).onConflict((oc) => oc.columns(['page_id', 'shopper_id']).doNothing()).execute();
}

export function findThread(db: Db, id: string) {
  return db.selectFrom('threads').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findThreadByPair(db: Db, pageId: string, shopperId: string) {
  return db.selectFrom('threads').selectAll().where('page_id', '=', pageId).where('shopper_id', '=', shopperId).executeTakeFirst();
}

/** A no-op update: on PostgreSQL it takes the thread's row lock so concurrent sends queue up. */
export async function lockThread(db: Db, id: string): Promise<boolean> {
  const result = await db.updateTable('threads').set((eb) => ({ last_seq: eb.ref('last_seq') })).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function takeNextSeq(db: Db, id: string, now: number, byShopper: boolean): Promise<number> {
  const row = await db
    .updateTable('threads')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), last_message_at: now, ...(byShopper ? { shopper_active_at: now } : {}) }))
    .where('id', '=', id)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

export function findMessageByClientId(db: Db, threadId: string, side: string, clientId: string) {
  return db.selectFrom('messages').selectAll().where('thread_id', '=', threadId).where('side', '=', side).where('client_id', '=', clientId).executeTakeFirst();
}

export function insertMessage(db: Db, row: MessagesTable) {
  return db.insertInto('messages').values(row).execute();
}

export function findMessagesBefore(db: Db, threadId: string, beforeSeq: number | undefined, limit: number) {
  let query = db.selectFrom('messages').selectAll().where('thread_id', '=', threadId);
  if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
  return query.orderBy('seq', 'desc').limit(limit).execute();
}

export function findLastMessages(db: Db, threadIds: string[]) {
  if (threadIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('messages')
    .innerJoin('threads', (join) => join.onRef('threads.id', '=', 'messages.thread_id').onRef('threads.last_seq', '=', 'messages.seq'))
    .selectAll('messages')
    .where('threads.id', 'in', threadIds)
    .execute();
}

/** Messages of the other side newer than the viewer's read mark, per thread. */
export async function countUnread(db: Db, threadIds: string[], viewer: 'shopper' | 'page'): Promise<Map<string, number>> {
  if (threadIds.length === 0) return new Map();
  const readColumn = viewer === 'shopper' ? 'threads.shopper_read_seq' : 'threads.page_read_seq';
  const rows = await db
    .selectFrom('messages')
    .innerJoin('threads', 'threads.id', 'messages.thread_id')
    .select(['messages.thread_id', (eb) => eb.fn.countAll<number>().as('unread')])
    .where('threads.id', 'in', threadIds)
    .where('messages.side', '!=', viewer)
    .whereRef('messages.seq', '>', readColumn)
    .groupBy('messages.thread_id')
    .execute();
  return new Map(rows.map((row) => [row.thread_id, Number(row.unread)]));
}

export interface ThreadCursor {
  at: number;
  id: string;
}

export function findThreads(db: Db, filter: { shopperId: string } | { pageId: string }, after: ThreadCursor | undefined, limit: number) {
  let query = db.selectFrom('threads').selectAll();
  query = 'shopperId' in filter ? query.where('shopper_id', '=', filter.shopperId) : query.where('page_id', '=', filter.pageId);
  if (after) {
    query = query.where((eb) => eb.or([eb('last_message_at', '<', after.at), eb.and([eb('last_message_at', '=', after.at), eb('id', '<', after.id)])]));
  }
  return query.orderBy('last_message_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function updateMarks(db: Db, id: string, changes: Partial<Pick<ThreadsTable, 'shopper_delivered_seq' | 'shopper_read_seq' | 'page_delivered_seq' | 'page_read_seq'>>) {
  return db.updateTable('threads').set(changes).where('id', '=', id).execute();
}

export function findThreadsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('threads').selectAll().where('id', 'in', ids).execute();
}

export function findThreadByPsid(db: Db, psid: string) {
  return db.selectFrom('threads').selectAll().where('psid', '=', psid).executeTakeFirst();
}

export function findMessagesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('messages').selectAll().where('id', 'in', ids).execute();
}

export function findMessagesInRange(db: Db, threadId: string, side: string, afterSeq: number, upToSeq: number) {
  return db
    .selectFrom('messages')
    .select(['id', 'seq', 'created_at'])
    .where('thread_id', '=', threadId)
    .where('side', '=', side)
    .where('seq', '>', afterSeq)
    .where('seq', '<=', upToSeq)
    .orderBy('seq')
    .execute();
}

export function insertAttachment(db: Db, row: AttachmentsTable) {
  return db.insertInto('attachments').values(row).execute();
}

export function findAttachment(db: Db, id: string) {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}
