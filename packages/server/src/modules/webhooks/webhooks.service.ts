import type { WebhookDelivery, WebhookDeliveryList } from '@tijara/protocol';
import { limits } from '@tijara/protocol';
import type { Db } from '../../db/database.js';
import { badRequest, notFound } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { newToken } from '../../lib/ids.js';
import { newDelivery } from './deliveries.js';
import { callBot, type Outbound } from './outbound.js';
import * as repo from './webhooks.repository.js';
import type { WebhookDeliveriesTable } from './webhooks.table.js';
import { parkedUntil } from './webhooks.worker.js';
import * as apps from '../apps/apps.service.js';
import type { WebhookField } from '@tijara/protocol';
import { envelope, type MessagingItem } from './webhooks.events.js';
import { asciiJson, signatureHeaders } from './signing.js';

export { createOutbound, type Outbound } from './outbound.js';
export { createWebhookWorker, type WebhookWorker } from './webhooks.worker.js';
export { asciiJson, signatureHeaders };

/**
 * The subscription handshake: GET callback?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…
 * must answer 200 with the challenge as its body before a callback URL is saved.
 */
export async function verifyCallback(outbound: Outbound, callbackUrl: string, verifyToken: string, timeoutMs: number): Promise<void> {
  const field = 'body.callbackUrl';
  let url: URL;
  try {
    url = outbound.checkUrl(callbackUrl);
  } catch (error) {
    throw badRequest('invalid_callback_url', `body.callbackUrl ${(error as Error).message}`, field);
  }
  const challenge = newToken(12);
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.verify_token', verifyToken);
  url.searchParams.set('hub.challenge', challenge);
  const result = await callBot(outbound, { method: 'GET', url: url.toString(), timeoutMs: Math.min(timeoutMs, 10_000) });
  if (result.error) throw badRequest('callback_unreachable', `The callback URL could not be verified: ${result.error}`, field);
  if (result.statusCode !== 200) throw badRequest('callback_rejected', `The callback answered HTTP ${result.statusCode} to the verification request; check that it accepts the verify token`, field);
  if (result.body.trim() !== challenge) throw badRequest('callback_rejected', 'The callback answered 200 but did not echo hub.challenge as the response body', field);
}

function toDelivery(row: WebhookDeliveriesTable): WebhookDelivery {
  return {
    id: row.id,
    field: row.field,
    pageId: row.page_id,
    status: row.status as WebhookDelivery['status'],
    attempts: row.attempts,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    nextAttemptAt: row.status === 'pending' && row.next_attempt_at !== parkedUntil ? row.next_attempt_at : null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    lastLatencyMs: row.last_latency_ms,
    lastResponse: row.last_response,
    body: row.body,
  };
}

export async function listDeliveries(db: Db, appId: string, options: { cursor?: string; limit?: number }): Promise<WebhookDeliveryList> {
  const limit = options.limit ?? limits.pageSize;
  const rows = await repo.findDeliveriesOfApp(db, appId, decodeCursor(options.cursor), limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { data: page.map(toDelivery), nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null };
}

/** Sends the same body again, as a new delivery behind everything already queued for that conversation. */
export async function resend(db: Db, appId: string, deliveryId: string): Promise<WebhookDelivery> {
  const original = await repo.findDelivery(db, deliveryId);
  if (!original || original.app_id !== appId) throw notFound('delivery_not_found', `No delivery has the id ${deliveryId}`, 'deliveryId');
  const copy = newDelivery({ app_id: original.app_id, page_id: original.page_id, ordering_key: original.ordering_key, field: original.field, body: original.body });
  await repo.insertDeliveries(db, [copy]);
  return toDelivery(copy);
}

/** After the webhook is saved again: parked and backed-off deliveries go out now, in their order. */
export async function resumeDeliveries(db: Db, appId: string): Promise<void> {
  await repo.rescheduleApp(db, appId, Date.now());
}

export type SyncAnswer = { kind: 'answer'; body: unknown } | { kind: 'not_subscribed' } | { kind: 'failed'; reason: string };

/**
 * A callback that needs an answer (checkout_update, pre_checkout): sent alone to one app, signed,
 * bounded in time; the response body is the answer. Logged like any delivery.
 */
export async function callSync(db: Db, outbound: Outbound, input: { appId: string; pageId: string; psid: string; field: WebhookField; item: MessagingItem; timeoutMs: number }): Promise<SyncAnswer> {
  const target = (await apps.deliveryTargets(db, input.pageId, input.field)).find((candidate) => candidate.appId === input.appId);
  if (!target) return { kind: 'not_subscribed' };
  const body = asciiJson(envelope(input.pageId, input.item));
  const result = await callBot(outbound, {
    method: 'POST',
    url: target.callbackUrl,
    headers: { 'content-type': 'application/json', 'user-agent': 'Tijara-Webhooks/1.0', ...signatureHeaders(target.appSecret, body) },
    body,
    timeoutMs: input.timeoutMs,
  });
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  await repo.insertDeliveries(db, [
    newDelivery(
      { app_id: input.appId, page_id: input.pageId, ordering_key: `sync:${input.appId}:${input.pageId}:${input.psid}`, field: input.field, body },
      { status: ok ? 'delivered' : 'failed', attempts: 1, delivered_at: ok ? Date.now() : null, last_status_code: result.statusCode, last_error: result.error, last_latency_ms: result.latencyMs, last_response: result.excerpt },
    ),
  ]);
  if (!ok) return { kind: 'failed', reason: result.error ?? `the bot answered HTTP ${result.statusCode}` };
  try {
    return { kind: 'answer', body: JSON.parse(result.body) };
  } catch {
    return { kind: 'failed', reason: 'the bot\'s answer is not JSON' };
  }
}
