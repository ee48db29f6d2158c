import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database, Engine } from '../../db/database.js';
import { eventsAfter, lastEventId, toFrame, type Outbox } from '../../events/outbox.js';
import { newDelivery } from './deliveries.js';
import * as apps from '../apps/apps.service.js';
import type { Outbound } from './outbound.js';
import { callBot } from './outbound.js';
import * as repo from './webhooks.repository.js';
import { asciiJson, signatureHeaders } from './signing.js';
import type { WebhookDeliveriesTable } from './webhooks.table.js';
import { envelope, toWebhookItems } from './webhooks.events.js';

export const cursorName = 'webhooks';
const eventBatch = 200;
const dueBatch = 50;
/** A broken bot may hold this many slots; the rest stay free for everyone else's bots. */
const perAppConcurrency = 4;
const totalConcurrency = 32;
const pollMs = 1000;
/** Held by disabled subscriptions' deliveries until the developer saves the webhook again. */
export const parkedUntil = Number.MAX_SAFE_INTEGER;

export interface WebhookWorker {
  start(): Promise<void>;
  stop(): Promise<void>;
  wake(due?: boolean): void;
  /** Resolves when every committed event has become deliveries and nothing due is left to try. */
  idle(): Promise<void>;
}

export interface WebhookWorkerOptions {
  db: Kysely<Database>;
  engine: Engine;
  outbox: Outbox;
  outbound: Outbound;
  config: Config['webhooks'];
  log: FastifyBaseLogger;
}

export function createWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { db, engine, outbound, config, log } = options;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let tick: Promise<void> = Promise.resolve();
  let again = false;
  let checkDue = true;
  const inFlight = new Map<string, Promise<void>>();
  const perApp = new Map<string, number>();

  /** Turns committed events into delivery rows, moving the cursor in the same transaction. */
  const enqueue = async (): Promise<boolean> =>
    db.transaction().execute(async (trx) => {
      const position = await repo.readCursor(trx, cursorName, engine === 'postgres');
      if (position === undefined) return false;
      const rows = await eventsAfter(trx, position, eventBatch);
      if (rows.length === 0) return false;
      const items = await toWebhookItems(trx, rows.map(toFrame));
      const deliveries: WebhookDeliveriesTable[] = [];
      const targets = new Map<string, Promise<apps.DeliveryTarget[]>>();
      for (const { field, pageId, psid, item } of items) {
        const key = `${pageId}:${field}`;
        if (!targets.has(key)) targets.set(key, apps.deliveryTargets(trx, pageId, field));
        for (const target of await targets.get(key)!) {
          deliveries.push(newDelivery({ app_id: target.appId, page_id: pageId, ordering_key: `${target.appId}:${pageId}:${psid}`, field, body: asciiJson(envelope(pageId, item)) }));
        }
      }
      await repo.insertDeliveries(trx, deliveries);
      await repo.writeCursor(trx, cursorName, Number(rows[rows.length - 1]!.id));
      if (deliveries.length > 0) checkDue = true;
      return rows.length === eventBatch;
    });

  const backoff = (attempts: number) => {
    const ceiling = Math.min(config.retryBaseMs * 2 ** (attempts - 1), config.retryMaxMs);
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  };

  const attempt = async (delivery: WebhookDeliveriesTable): Promise<void> => {
    const webhook = await apps.getWebhookRow(db, delivery.app_id);
    const now = Date.now();
    if (!webhook) {
      await repo.recordAttempt(db, delivery.id, { status: 'failed', claimed_until: null, last_error: 'the app has no webhook subscription any more' });
      return;
    }
    if (webhook.disabled_at !== null) {
      await repo.recordAttempt(db, delivery.id, { claimed_until: null, next_attempt_at: parkedUntil });
      return;
    }
    const secret = (await apps.getAppSecret(db, delivery.app_id)) ?? '';
    const result = await callBot(outbound, {
      method: 'POST',
      url: webhook.callback_url,
      headers: { 'content-type': 'application/json', 'user-agent': 'Tijara-Webhooks/1.0', ...signatureHeaders(secret, delivery.body) },
      body: delivery.body,
      timeoutMs: config.timeoutMs,
    });
    const attempts = delivery.attempts + 1;
    const common = { attempts, claimed_until: null, last_status_code: result.statusCode, last_error: result.error, last_latency_ms: result.latencyMs, last_response: result.excerpt };
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    if (ok) {
      await repo.recordAttempt(db, delivery.id, { ...common, status: 'delivered', delivered_at: Date.now() });
      if (webhook.failing_since !== null) await apps.recordWebhookHealth(db, delivery.app_id, { failing_since: null, warned_at: null });
      return;
    }
    await repo.recordAttempt(db, delivery.id, { ...common, next_attempt_at: Date.now() + backoff(attempts) });
    const failingSince = webhook.failing_since ?? now;
    const failingFor = Date.now() - failingSince;
    const reason = result.error ?? `HTTP ${result.statusCode}`;
    if (failingFor >= config.disableAfterMs) {
      // A disable always comes with the warning, even when no attempt fell inside the warning window.
      await apps.recordWebhookHealth(db, delivery.app_id, { failing_since: failingSince, warned_at: webhook.warned_at ?? Date.now(), disabled_at: Date.now(), disabled_reason: `Deliveries failed for ${Math.round(failingFor / 60_000)} minutes (last: ${reason}); save the webhook again to resume` });
      log.warn({ appId: delivery.app_id, reason }, 'webhook subscription disabled after failing too long');
    } else if (failingFor >= config.warnAfterMs && webhook.warned_at === null) {
      await apps.recordWebhookHealth(db, delivery.app_id, { failing_since: failingSince, warned_at: Date.now() });
      log.warn({ appId: delivery.app_id, reason }, 'webhook deliveries have been failing for over 15 minutes');
    } else if (webhook.failing_since === null) {
      await apps.recordWebhookHealth(db, delivery.app_id, { failing_since: failingSince });
    }
  };

  const launch = async (delivery: WebhookDeliveriesTable) => {
    const now = Date.now();
    if (!(await repo.claim(db, delivery.id, now, now + config.timeoutMs + 10_000))) return;
    perApp.set(delivery.app_id, (perApp.get(delivery.app_id) ?? 0) + 1);
    const run = attempt(delivery)
      .catch((error: unknown) => log.error({ err: error, deliveryId: delivery.id }, 'webhook attempt failed unexpectedly'))
      .finally(() => {
        inFlight.delete(delivery.ordering_key);
        perApp.set(delivery.app_id, (perApp.get(delivery.app_id) ?? 1) - 1);
        if (running) wake(true);
      });
    inFlight.set(delivery.ordering_key, run);
  };

  const dispatchDue = async () => {
    const due = await repo.findDue(db, Date.now(), dueBatch);
    for (const delivery of due) {
      if (inFlight.size >= totalConcurrency) break;
      if (inFlight.has(delivery.ordering_key)) continue;
      if ((perApp.get(delivery.app_id) ?? 0) >= perAppConcurrency) continue;
      await launch(delivery);
    }
  };

  const runTick = async () => {
    while (again && running) {
      again = false;
      try {
        let more = true;
        while (more) more = await enqueue();
        // Most commits queue nothing (no app listens); then there is nothing new to look for.
        if (checkDue) {
          checkDue = false;
          await dispatchDue();
        }
      } catch (error) {
        log.error({ err: error }, 'webhook worker tick failed; retrying on the next poll');
      }
    }
  };

  let queuedTick: Promise<void> | null = null;
  /** At most one tick waits behind the running one. `due` also looks for deliveries that fell due. */
  const wake = (due = false) => {
    if (!running) return;
    again = true;
    if (due) checkDue = true;
    if (queuedTick) return;
    queuedTick = tick = tick.then(async () => {
      queuedTick = null;
      await runTick();
    });
  };

  /** Sleeps until the next retry falls due, or the poll interval (other processes' events), whichever is sooner. */
  const schedule = async () => {
    const next = await repo.nextDueAt(db).catch(() => null);
    const delay = next === null ? pollMs : Math.max(10, Math.min(pollMs, next - Date.now()));
    if (!running) return;
    timer = setTimeout(() => {
      wake(true);
      void tick.finally(() => running && schedule());
    }, delay);
    timer.unref();
  };

  return {
    async start() {
      // A new installation starts from now: bots are not flooded with history.
      await repo.initCursor(db, cursorName, await lastEventId(db));
      running = true;
      options.outbox.onCommitted(() => wake());
      wake(true);
      await schedule();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await tick;
      await Promise.all(inFlight.values());
    },
    wake,
    async idle() {
      for (;;) {
        wake(true);
        await tick;
        if (inFlight.size === 0) {
          const next = await repo.nextDueAt(db);
          const position = await repo.readCursor(db, cursorName, false);
          const last = await lastEventId(db);
          if ((next === null || next > Date.now()) && position === last) return;
        }
        await Promise.race([...inFlight.values(), new Promise((resolve) => setTimeout(resolve, 20))]);
      }
    },
  };
}
