import { sql } from 'kysely';
import type { SocketEvent, StoredEvent } from '@tijara/protocol';
import type { Db, Engine } from '../db/database.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewEvent = DistributiveOmit<StoredEvent, 'id'> & { shopperId: string };

/** Arbitrary constant naming the advisory lock that serializes event ids on PostgreSQL. */
const eventOrderLock = 0x7e1a_0001;

export interface Outbox {
  /** Writes the event inside the caller's transaction; it is dispatched only once that commits. */
  record(trx: Db, event: NewEvent): Promise<number>;
  /** Called after a commit that recorded events, to wake the dispatcher without waiting for its poll. */
  committed(): void;
  onCommitted(listener: () => void): void;
}

export function createOutbox(engine: Engine): Outbox {
  const listeners: Array<() => void> = [];
  return {
    async record(trx, event) {
      if (engine === 'postgres') {
        // A bigserial id is taken at insert but becomes visible at commit; without this lock a reader
        // could see id 11 before id 10 commits and skip 10 for good. Held until commit, it makes ids
        // commit in order. SQLite already serializes writers.
        await sql`select pg_advisory_xact_lock(${eventOrderLock})`.execute(trx);
      }
      const { shopperId, ...frame } = event;
      const row = await trx
        .insertInto('events')
        .values({
          type: frame.type,
          page_id: frame.pageId,
          thread_id: frame.threadId,
          shopper_id: shopperId,
          payload: JSON.stringify(frame),
          created_at: Date.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },
    committed() {
      for (const listener of listeners) listener();
    },
    onCommitted(listener) {
      listeners.push(listener);
    },
  };
}

export interface EventRow {
  id: number;
  page_id: string;
  shopper_id: string;
  payload: string;
}

/** Events that only bots hear about; the socket hub never sees them. */
export function isSocketEvent(event: StoredEvent): event is SocketEvent {
  return event.type === 'message.created' || event.type === 'marks.changed';
}

export function toFrame(row: EventRow): StoredEvent {
  return { ...(JSON.parse(row.payload) as Omit<StoredEvent, 'id'>), id: Number(row.id) } as StoredEvent;
}

export async function lastEventId(db: Db): Promise<number> {
  const row = await db.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

export function eventsAfter(db: Db, afterId: number, limit: number) {
  return db.selectFrom('events').select(['id', 'page_id', 'shopper_id', 'payload']).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

/** Events one account may see: as the shopper of the thread or as a member of the page. */
export function eventsForAccount(db: Db, accountId: string, pageIds: string[], afterId: number, limit: number) {
  return db
    .selectFrom('events')
    .select(['id', 'page_id', 'shopper_id', 'payload'])
    .where('id', '>', afterId)
    .where((eb) => (pageIds.length > 0 ? eb.or([eb('shopper_id', '=', accountId), eb('page_id', 'in', pageIds)]) : eb('shopper_id', '=', accountId)))
    .orderBy('id')
    .limit(limit)
    .execute();
}
