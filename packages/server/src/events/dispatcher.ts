import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import type { SocketHub } from '../realtime/hub.js';
import { eventsAfter, isSocketEvent, lastEventId, toFrame, type Outbox } from './outbox.js';

export interface Dispatcher {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once every event committed before the call has been handed to the hub. */
  drain(): Promise<void>;
}

export interface DispatcherOptions {
  db: Db;
  outbox: Outbox;
  hub: SocketHub;
  log: FastifyBaseLogger;
  /** Account ids that administer each page: the page side of the audience. */
  pageMembers(db: Db, pageIds: string[]): Promise<Map<string, string[]>>;
  /** Catches events committed by other processes sharing the database; local commits wake it at once. */
  pollIntervalMs: number;
}

const batchSize = 500;

/** Feeds the socket hub from committed events only, in id order. */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, outbox, hub, log } = options;
  let cursor = 0;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> = Promise.resolve();
  let again = false;

  const dispatchOnce = async (): Promise<number> => {
    const rows = await eventsAfter(db, cursor, batchSize);
    if (rows.length === 0) return 0;
    const members = await options.pageMembers(db, [...new Set(rows.map((row) => row.page_id))]);
    for (const row of rows) {
      const event = toFrame(row);
      if (isSocketEvent(event)) hub.publish(event, [row.shopper_id, ...(members.get(row.page_id) ?? [])]);
      cursor = Number(row.id);
    }
    return rows.length;
  };

  let queued: Promise<void> | null = null;

  /** At most one pass waits behind the running one: a burst of commits costs one pass, not one each. */
  const run = (): Promise<void> => {
    if (!running) return pass;
    again = true;
    if (queued) return queued;
    queued = pass = pass.then(async () => {
      queued = null;
      while (again && running) {
        again = false;
        try {
          let dispatched: number;
          do dispatched = await dispatchOnce();
          while (dispatched === batchSize);
        } catch (error) {
          log.error({ err: error }, 'event dispatch failed; retrying on the next poll');
        }
      }
    });
    return queued;
  };

  const schedule = () => {
    timer = setTimeout(() => {
      void run().finally(() => running && schedule());
    }, options.pollIntervalMs);
    timer.unref();
  };

  return {
    async start() {
      cursor = await lastEventId(db);
      running = true;
      outbox.onCommitted(() => void run());
      schedule();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await pass;
    },
    drain: () => run(),
  };
}
