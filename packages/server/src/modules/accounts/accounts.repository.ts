import type { Db } from '../../db/database.js';
import type { AccountsTable, SessionsTable } from './accounts.table.js';

export function insertAccount(db: Db, row: AccountsTable) {
  return db.insertInto('accounts').values(row).execute();
}

export function findAccountByEmail(db: Db, email: string) {
  return db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findAccountById(db: Db, id: string) {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAccountsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('accounts').selectAll().where('id', 'in', ids).execute();
}


export function insertSession(db: Db, row: SessionsTable) {
  return db.insertInto('sessions').values(row).execute();
}

export function findLiveSession(db: Db, tokenHash: string, now: number) {
  return db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select([
      'sessions.csrf_token',
      'accounts.id',
      'accounts.email',
      'accounts.name',
      'accounts.role',
      'accounts.locale',
      'accounts.created_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
}

export function deleteSession(db: Db, tokenHash: string) {
  return db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export function deleteExpiredSessions(db: Db, now: number) {
  return db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export function updateAccountRole(db: Db, id: string, role: string) {
  return db.updateTable('accounts').set({ role }).where('id', '=', id).execute();
}

export function updateAccountLocale(db: Db, id: string, locale: string) {
  return db.updateTable('accounts').set({ locale }).where('id', '=', id).execute();
}
