import type { Db } from '../../db/database.js';
import type { AddressesTable, CardsTable, ContactsTable } from './wallet.table.js';

export function insertCard(db: Db, row: CardsTable) {
  return db.insertInto('cards').values(row).execute();
}

export function findLiveCards(db: Db, accountId: string) {
  return db.selectFrom('cards').selectAll().where('account_id', '=', accountId).where('removed_at', 'is', null).orderBy('created_at').execute();
}

export function findLiveCard(db: Db, accountId: string, cardId: string) {
  return db.selectFrom('cards').selectAll().where('account_id', '=', accountId).where('id', '=', cardId).where('removed_at', 'is', null).executeTakeFirst();
}

export function findCardByFingerprint(db: Db, accountId: string, fingerprint: string) {
  return db.selectFrom('cards').selectAll().where('account_id', '=', accountId).where('fingerprint', '=', fingerprint).where('removed_at', 'is', null).executeTakeFirst();
}

export function updateCard(db: Db, cardId: string, changes: Partial<CardsTable>) {
  return db.updateTable('cards').set(changes).where('id', '=', cardId).execute();
}

export function clearDefaultCard(db: Db, accountId: string) {
  return db.updateTable('cards').set({ default_at: null }).where('account_id', '=', accountId).execute();
}

export function insertAddress(db: Db, row: AddressesTable) {
  return db.insertInto('addresses').values(row).execute();
}

export function findLiveAddresses(db: Db, accountId: string) {
  return db.selectFrom('addresses').selectAll().where('account_id', '=', accountId).where('removed_at', 'is', null).orderBy('created_at').execute();
}

export function findLiveAddress(db: Db, accountId: string, addressId: string) {
  return db.selectFrom('addresses').selectAll().where('account_id', '=', accountId).where('id', '=', addressId).where('removed_at', 'is', null).executeTakeFirst();
}

export function updateAddress(db: Db, addressId: string, changes: Partial<AddressesTable>) {
  return db.updateTable('addresses').set(changes).where('id', '=', addressId).execute();
}

export function clearDefaultAddress(db: Db, accountId: string) {
  return db.updateTable('addresses').set({ default_at: null }).where('account_id', '=', accountId).execute();
}

export function findContact(db: Db, accountId: string) {
  return db.selectFrom('contacts').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

export function upsertContact(db: Db, row: ContactsTable) {
  return db
    .insertInto('contacts')
    .values(row)
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ name: row.name, email: row.email, phone: row.phone, updated_at: row.updated_at }))
    .execute();
}
