import type { Db } from '../../db/database.js';
import type { AppsTable, PageSubscribedAppsTable, PageTokensTable, WebhookSubscriptionsTable } from './apps.table.js';

export function insertApp(db: Db, row: AppsTable) {
  return db.insertInto('apps').values(row).execute();
}

export function findApp(db: Db, id: string) {
  return db.selectFrom('apps').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAppsOfOwner(db: Db, ownerId: string) {
  return db.selectFrom('apps').selectAll().where('owner_account_id', '=', ownerId).orderBy('created_at').execute();
}

export function updateApp(db: Db, id: string, changes: Partial<Omit<AppsTable, 'id' | 'owner_account_id' | 'created_at'>>) {
  return db.updateTable('apps').set(changes).where('id', '=', id).execute();
}

export function insertPageToken(db: Db, row: PageTokensTable) {
  return db.insertInto('page_tokens').values(row).execute();
}

export function findTokensOfApp(db: Db, appId: string) {
  return db.selectFrom('page_tokens').selectAll().where('app_id', '=', appId).orderBy('created_at').execute();
}

export function revokePageToken(db: Db, appId: string, tokenId: string, now: number) {
  return db.updateTable('page_tokens').set({ revoked_at: now }).where('id', '=', tokenId).where('app_id', '=', appId).where('revoked_at', 'is', null).executeTakeFirst();
}

export function findLivePageToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('page_tokens')
    .innerJoin('apps', 'apps.id', 'page_tokens.app_id')
    .select(['page_tokens.id as token_id', 'page_tokens.page_id', 'apps.id as app_id', 'apps.secret', 'apps.require_proof_at'])
    .where('page_tokens.token_hash', '=', tokenHash)
    .where('page_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
}

export function upsertWebhook(db: Db, row: WebhookSubscriptionsTable) {
  return db
    .insertInto('webhook_subscriptions')
    .values(row)
    .onConflict((oc) =>
      oc.column('app_id').doUpdateSet({
        callback_url: row.callback_url,
        verify_token: row.verify_token,
        fields: row.fields,
        updated_at: row.updated_at,
        failing_since: null,
        warned_at: null,
        disabled_at: null,
        disabled_reason: null,
      }),
    )
    .execute();
}

export function findWebhook(db: Db, appId: string) {
  return db.selectFrom('webhook_subscriptions').selectAll().where('app_id', '=', appId).executeTakeFirst();
}

export function findWebhooks(db: Db, appIds: string[]) {
  if (appIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('webhook_subscriptions').selectAll().where('app_id', 'in', appIds).execute();
}

export function deleteWebhook(db: Db, appId: string) {
  return db.deleteFrom('webhook_subscriptions').where('app_id', '=', appId).execute();
}

export function updateWebhookHealth(db: Db, appId: string, changes: Partial<Pick<WebhookSubscriptionsTable, 'failing_since' | 'warned_at' | 'disabled_at' | 'disabled_reason'>>) {
  return db.updateTable('webhook_subscriptions').set(changes).where('app_id', '=', appId).execute();
}

export function upsertPageSubscription(db: Db, row: PageSubscribedAppsTable) {
  return db
    .insertInto('page_subscribed_apps')
    .values(row)
    .onConflict((oc) => oc.columns(['page_id', 'app_id']).doUpdateSet({ fields: row.fields }))
    .execute();
}

export function deletePageSubscription(db: Db, pageId: string, appId: string) {
  return db.deleteFrom('page_subscribed_apps').where('page_id', '=', pageId).where('app_id', '=', appId).execute();
}

export function findPageSubscriptions(db: Db, pageId: string) {
  return db.selectFrom('page_subscribed_apps').innerJoin('apps', 'apps.id', 'page_subscribed_apps.app_id').select(['page_subscribed_apps.app_id', 'page_subscribed_apps.fields', 'apps.name', 'apps.secret']).where('page_subscribed_apps.page_id', '=', pageId).execute();
}

export function findSubscriptionsOfApp(db: Db, appId: string) {
  return db.selectFrom('page_subscribed_apps').select(['page_id', 'fields']).where('app_id', '=', appId).execute();
}
