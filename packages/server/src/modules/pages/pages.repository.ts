import type { Db } from '../../db/database.js';
import type { MediaTable, PageMembersTable, PagesTable } from './pages.table.js';

export function insertPage(db: Db, row: PagesTable) {
  return db.insertInto('pages').values(row).execute();
}

export function updatePage(db: Db, id: string, changes: Partial<Omit<PagesTable, 'id' | 'owner_account_id' | 'created_at'>>) {
  return db.updateTable('pages').set(changes).where('id', '=', id).execute();
}

export function findPageById(db: Db, id: string) {
  return db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPagesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('pages').selectAll().where('id', 'in', ids).execute();
}

export function findPageByUsername(db: Db, username: string) {
  return db.selectFrom('pages').selectAll().where('username', '=', username).executeTakeFirst();
}

export function insertMember(db: Db, row: PageMembersTable) {
  return db.insertInto('page_members').values(row).execute();
}

export function findMember(db: Db, pageId: string, accountId: string) {
  return db.selectFrom('page_members').selectAll().where('page_id', '=', pageId).where('account_id', '=', accountId).executeTakeFirst();
}

export function findPagesOfMember(db: Db, accountId: string) {
  return db
    .selectFrom('pages')
    .innerJoin('page_members', 'page_members.page_id', 'pages.id')
    .selectAll('pages')
    .where('page_members.account_id', '=', accountId)
    .orderBy('pages.created_at')
    .execute();
}

export function findMembersOfPages(db: Db, pageIds: string[]) {
  if (pageIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('page_members').select(['page_id', 'account_id']).where('page_id', 'in', pageIds).execute();
}

export function insertMedia(db: Db, row: MediaTable) {
  return db.insertInto('media').values(row).execute();
}

export function findMedia(db: Db, id: string) {
  return db.selectFrom('media').select(['content_type', 'bytes', 'size', 'created_at']).where('id', '=', id).executeTakeFirst();
}

export function findProfileFields(db: Db, pageId: string, fields?: string[]) {
  let query = db.selectFrom('messenger_profiles').select(['field', 'value']).where('page_id', '=', pageId);
  if (fields) query = query.where('field', 'in', fields);
  return query.execute();
}

export function upsertProfileField(db: Db, pageId: string, field: string, value: string, now: number) {
  return db
    .insertInto('messenger_profiles')
    .values({ page_id: pageId, field, value, updated_at: now })
    .onConflict((oc) => oc.columns(['page_id', 'field']).doUpdateSet({ value, updated_at: now }))
    .execute();
}

export function deleteProfileFields(db: Db, pageId: string, fields: string[]) {
  return db.deleteFrom('messenger_profiles').where('page_id', '=', pageId).where('field', 'in', fields).execute();
}
