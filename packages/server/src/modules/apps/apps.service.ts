import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { ConnectedPage, CreateAppBody, DeveloperApp, PageTokenView, UpdateAppBody, WebhookField } from '@tijara/protocol';
import { webhookFields } from '@tijara/protocol';
import type { Db } from '../../db/database.js';
import { badRequest, notFound } from '../../http/errors.js';
import { newId, newNumericId, newToken } from '../../lib/ids.js';
import * as pages from '../pages/pages.service.js';
import * as repo from './apps.repository.js';
import type { AppsTable, WebhookSubscriptionsTable } from './apps.table.js';

export type { DeveloperApp };

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const newSecret = () => createHash('md5').update(newToken(32)).digest('hex');
const parseFields = (json: string) => JSON.parse(json) as WebhookField[];

async function toDeveloperApp(db: Db, app: AppsTable): Promise<DeveloperApp> {
  const [tokens, subscriptions, webhook] = await Promise.all([repo.findTokensOfApp(db, app.id), repo.findSubscriptionsOfApp(db, app.id), repo.findWebhook(db, app.id)]);
  const pageIds = [...new Set([...tokens.map((t) => t.page_id), ...subscriptions.map((s) => s.page_id)])];
  const pageById = await pages.getPages(db, pageIds);
  const subscribed = new Set(subscriptions.map((s) => s.page_id));
  const connected: ConnectedPage[] = pageIds.map((pageId) => ({
    pageId,
    pageName: pageById.get(pageId)?.name ?? '',
    username: pageById.get(pageId)?.username ?? '',
    subscribed: subscribed.has(pageId),
    tokens: tokens.filter((t) => t.page_id === pageId).map((t): PageTokenView => ({ id: t.id, hint: t.hint, createdAt: t.created_at, revokedAt: t.revoked_at })),
  }));
  return {
    id: app.id,
    name: app.name,
    requireAppSecretProof: app.require_proof_at !== null,
    secretRotatedAt: app.secret_rotated_at,
    createdAt: app.created_at,
    webhook: webhook
      ? {
          callbackUrl: webhook.callback_url,
          fields: parseFields(webhook.fields),
          failingSince: webhook.failing_since,
          warnedAt: webhook.warned_at,
          disabledAt: webhook.disabled_at,
          disabledReason: webhook.disabled_reason,
        }
      : null,
    pages: connected,
  };
}

export async function createApp(db: Db, ownerId: string, input: CreateAppBody): Promise<{ app: DeveloperApp; appSecret: string }> {
  const name = input.name.trim();
  if (!name) throw badRequest('invalid_field', 'body.name must not be empty', 'body.name');
  const now = Date.now();
  const row: AppsTable = { id: newNumericId(), name, owner_account_id: ownerId, secret: newSecret(), secret_rotated_at: now, require_proof_at: null, created_at: now };
  await repo.insertApp(db, row);
  return { app: await toDeveloperApp(db, row), appSecret: row.secret };
}

/** The app, if the account owns it; 404 otherwise (another developer's app id reveals nothing). */
export async function requireOwnedApp(db: Db, appId: string, accountId: string): Promise<AppsTable> {
  const app = await repo.findApp(db, appId);
  if (!app || app.owner_account_id !== accountId) throw notFound('app_not_found', `You have no app with the id ${appId}`, 'appId');
  return app;
}

export async function listApps(db: Db, ownerId: string): Promise<DeveloperApp[]> {
  const rows = await repo.findAppsOfOwner(db, ownerId);
  return Promise.all(rows.map((row) => toDeveloperApp(db, row)));
}

export async function getApp(db: Db, appId: string, accountId: string): Promise<DeveloperApp> {
  return toDeveloperApp(db, await requireOwnedApp(db, appId, accountId));
}

export async function updateApp(db: Db, appId: string, accountId: string, input: UpdateAppBody): Promise<DeveloperApp> {
  const app = await requireOwnedApp(db, appId, accountId);
  const changes: Partial<AppsTable> = {};
  if (input.name !== undefined) changes.name = input.name.trim();
  if (input.requireAppSecretProof !== undefined) changes.require_proof_at = input.requireAppSecretProof ? (app.require_proof_at ?? Date.now()) : null;
  if (Object.keys(changes).length > 0) await repo.updateApp(db, appId, changes);
  return getApp(db, appId, accountId);
}

export async function rotateSecret(db: Db, appId: string, accountId: string): Promise<{ app: DeveloperApp; appSecret: string }> {
  await requireOwnedApp(db, appId, accountId);
  const secret = newSecret();
  await repo.updateApp(db, appId, { secret, secret_rotated_at: Date.now() });
  return { app: await getApp(db, appId, accountId), appSecret: secret };
}

/**
 * Issues a page access token for a page the developer manages, and subscribes the app to the page's
 * webhooks (as the Messenger dashboard does when a page is connected).
 */
export async function connectPage(db: Db, appId: string, pageId: string, accountId: string): Promise<{ app: DeveloperApp; pageAccessToken: string }> {
  await requireOwnedApp(db, appId, accountId);
  await pages.requireMember(db, pageId, accountId);
  const token = `EAA${newToken(48)}`;
  const now = Date.now();
  await repo.insertPageToken(db, { id: newId(now), app_id: appId, page_id: pageId, token_hash: hashToken(token), hint: token.slice(-6), created_at: now, revoked_at: null });
  await repo.upsertPageSubscription(db, { page_id: pageId, app_id: appId, fields: JSON.stringify(webhookFields), created_at: now });
  return { app: await getApp(db, appId, accountId), pageAccessToken: token };
}

export async function revokeToken(db: Db, appId: string, tokenId: string, accountId: string): Promise<DeveloperApp> {
  await requireOwnedApp(db, appId, accountId);
  const result = await repo.revokePageToken(db, appId, tokenId, Date.now());
  if (Number(result.numUpdatedRows) === 0) throw notFound('token_not_found', `No live token has the id ${tokenId}`, 'tokenId');
  return getApp(db, appId, accountId);
}

export interface PageCaller {
  appId: string;
  pageId: string;
  appSecret: string;
  requireProof: boolean;
}

export async function authenticatePageToken(db: Db, token: string): Promise<PageCaller | null> {
  const row = await repo.findLivePageToken(db, hashToken(token));
  return row ? { appId: row.app_id, pageId: row.page_id, appSecret: row.secret, requireProof: row.require_proof_at !== null } : null;
}

/** An app access token is `app_id|app_secret`. */
export async function authenticateAppToken(db: Db, token: string): Promise<AppsTable | null> {
  const [appId, secret] = token.split('|');
  if (!appId || !secret) return null;
  const app = await repo.findApp(db, appId);
  if (!app || app.secret.length !== secret.length || !timingSafeEqual(Buffer.from(app.secret), Buffer.from(secret))) return null;
  return app;
}

export function appSecretProof(appSecret: string, accessToken: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

export async function setWebhook(db: Db, appId: string, input: { callbackUrl: string; verifyToken: string; fields: WebhookField[] }): Promise<void> {
  const now = Date.now();
  const row: WebhookSubscriptionsTable = {
    app_id: appId,
    callback_url: input.callbackUrl,
    verify_token: input.verifyToken,
    fields: JSON.stringify(input.fields),
    created_at: now,
    updated_at: now,
    failing_since: null,
    warned_at: null,
    disabled_at: null,
    disabled_reason: null,
  };
  await repo.upsertWebhook(db, row);
}

export async function removeWebhook(db: Db, appId: string): Promise<void> {
  await repo.deleteWebhook(db, appId);
}

export async function getWebhookRow(db: Db, appId: string) {
  return repo.findWebhook(db, appId);
}

export async function subscribePage(db: Db, pageId: string, appId: string, fields: WebhookField[]): Promise<void> {
  await repo.upsertPageSubscription(db, { page_id: pageId, app_id: appId, fields: JSON.stringify(fields), created_at: Date.now() });
}

export async function unsubscribePage(db: Db, pageId: string, appId: string): Promise<void> {
  await repo.deletePageSubscription(db, pageId, appId);
}

export async function subscribedApps(db: Db, pageId: string): Promise<Array<{ appId: string; name: string; fields: WebhookField[] }>> {
  return (await repo.findPageSubscriptions(db, pageId)).map((row) => ({ appId: row.app_id, name: row.name, fields: parseFields(row.fields) }));
}

export interface DeliveryTarget {
  appId: string;
  appSecret: string;
  callbackUrl: string;
}

/** Apps that should receive this page's event of this field: subscribed to the page, webhook on and listening to the field. */
export async function deliveryTargets(db: Db, pageId: string, field: WebhookField): Promise<DeliveryTarget[]> {
  const subscriptions = (await repo.findPageSubscriptions(db, pageId)).filter((row) => parseFields(row.fields).includes(field));
  const webhooks = await repo.findWebhooks(db, subscriptions.map((row) => row.app_id));
  const secretOf = new Map(subscriptions.map((row) => [row.app_id, row.secret]));
  return webhooks
    .filter((hook) => hook.disabled_at === null && parseFields(hook.fields).includes(field))
    .map((hook) => ({ appId: hook.app_id, appSecret: secretOf.get(hook.app_id)!, callbackUrl: hook.callback_url }));
}

export async function getAppSecret(db: Db, appId: string): Promise<string | undefined> {
  return (await repo.findApp(db, appId))?.secret;
}

export async function recordWebhookHealth(db: Db, appId: string, changes: Parameters<typeof repo.updateWebhookHealth>[2]): Promise<void> {
  await repo.updateWebhookHealth(db, appId, changes);
}
