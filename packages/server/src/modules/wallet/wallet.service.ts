import type { AddCardBody, Address, AddressBody, Card, Contact, ContactBody, Wallet } from '@tijara/protocol';
import type { Db } from '../../db/database.js';
import { badRequest, HttpError, notFound } from '../../http/errors.js';
import { newId, newToken } from '../../lib/ids.js';
import type { Vault } from '../payments/vault.js';
import { checkCard } from './cards.js';
import * as repo from './wallet.repository.js';
import type { AddressesTable, CardsTable } from './wallet.table.js';

export type { Address, Card, Contact, Wallet };

const toCard = (row: CardsTable, defaultId: string | undefined): Card => ({
  id: row.id,
  brand: row.brand,
  last4: row.last4,
  expMonth: row.exp_month,
  expYear: row.exp_year,
  holderName: row.holder_name,
  postalCode: row.postal_code,
  isDefault: row.id === defaultId,
  createdAt: row.created_at,
});

const toAddress = (row: AddressesTable, defaultId: string | undefined): Address => ({
  id: row.id,
  name: row.name,
  street1: row.street1,
  street2: row.street2,
  city: row.city,
  state: row.state,
  postalCode: row.postal_code,
  country: row.country,
  isDefault: row.id === defaultId,
  createdAt: row.created_at,
});

/**
 * The default is the one picked last; with none picked (the picked one was removed), the oldest.
 * A card added later, even at checkout, never takes over on its own.
 */
function defaultOf<T extends { id: string; default_at: number | null; created_at: number }>(rows: T[]): string | undefined {
  const picked = rows.filter((row) => row.default_at !== null).sort((a, b) => b.default_at! - a.default_at!)[0];
  return (picked ?? [...rows].sort((a, b) => a.created_at - b.created_at)[0])?.id;
}

export async function listCards(db: Db, accountId: string): Promise<Card[]> {
  const rows = await repo.findLiveCards(db, accountId);
  const defaultId = defaultOf(rows);
  return rows.map((row) => toCard(row, defaultId));
}

export async function getWallet(db: Db, accountId: string): Promise<Wallet> {
  const [cards, addresses, contact] = await Promise.all([listCards(db, accountId), listAddresses(db, accountId), getContact(db, accountId)]);
  return { cards, addresses, contact };
}

/** Checks and saves a card. The number is sealed in the vault; the CVC is checked and dropped. */
export async function addCard(db: Db, vault: Vault, accountId: string, input: AddCardBody): Promise<Card> {
  const checked = checkCard(input);
  if ('code' in checked) throw new HttpError(400, checked.code, checked.message, `body.${checked.field}`);
  const fingerprint = vault.fingerprint(checked.digits);
  const now = Date.now();
  const existing = await repo.findCardByFingerprint(db, accountId, fingerprint);
  if (existing) {
    // The same card again (a new expiry after renewal, say): update it rather than list it twice.
    await repo.updateCard(db, existing.id, { exp_month: input.expMonth, exp_year: input.expYear, holder_name: input.holderName.trim(), postal_code: input.postalCode.trim() });
    if (input.makeDefault) await setDefaultCard(db, accountId, existing.id);
    return (await listCards(db, accountId)).find((card) => card.id === existing.id)!;
  }
  const row: CardsTable = {
    id: `card_${newToken(12)}`,
    account_id: accountId,
    brand: checked.brand,
    last4: checked.digits.slice(-4),
    exp_month: input.expMonth,
    exp_year: input.expYear,
    holder_name: input.holderName.trim(),
    postal_code: input.postalCode.trim(),
    pan_ciphertext: vault.seal(checked.digits),
    fingerprint,
    default_at: input.makeDefault ? now : null,
    created_at: now,
    removed_at: null,
  };
  if (input.makeDefault) await repo.clearDefaultCard(db, accountId);
  await repo.insertCard(db, row);
  return (await listCards(db, accountId)).find((card) => card.id === row.id)!;
}

export async function removeCard(db: Db, accountId: string, cardId: string): Promise<void> {
  if (!(await repo.findLiveCard(db, accountId, cardId))) throw notFound('card_not_found', `No saved card has the id ${cardId}`, 'cardId');
  // The sealed number is wiped, not just hidden: a removed card can never be charged again.
  await repo.updateCard(db, cardId, { removed_at: Date.now(), pan_ciphertext: '', default_at: null });
}

export async function setDefaultCard(db: Db, accountId: string, cardId: string): Promise<void> {
  if (!(await repo.findLiveCard(db, accountId, cardId))) throw notFound('card_not_found', `No saved card has the id ${cardId}`, 'cardId');
  await repo.clearDefaultCard(db, accountId);
  await repo.updateCard(db, cardId, { default_at: Date.now() });
}

export interface RevealedCard {
  id: string;
  number: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  holderName: string;
  postalCode: string;
}

/** For the payment provider call only: the card's number, out of the vault. */
export async function revealCard(db: Db, vault: Vault, accountId: string, cardId: string): Promise<RevealedCard> {
  const row = await repo.findLiveCard(db, accountId, cardId);
  if (!row) throw notFound('card_not_found', 'This card is no longer saved; choose another', 'cardId');
  return { id: row.id, number: vault.open(row.pan_ciphertext), brand: row.brand, last4: row.last4, expMonth: row.exp_month, expYear: row.exp_year, holderName: row.holder_name, postalCode: row.postal_code };
}

export async function listAddresses(db: Db, accountId: string): Promise<Address[]> {
  const rows = await repo.findLiveAddresses(db, accountId);
  const defaultId = defaultOf(rows);
  return rows.map((row) => toAddress(row, defaultId));
}

export async function addAddress(db: Db, accountId: string, input: AddressBody): Promise<Address> {
  const now = Date.now();
  const row: AddressesTable = {
    id: newId(now),
    account_id: accountId,
    name: input.name.trim(),
    street1: input.street1.trim(),
    street2: input.street2?.trim() ?? '',
    city: input.city.trim(),
    state: input.state?.trim() ?? '',
    postal_code: input.postalCode.trim(),
    country: input.country.toUpperCase(),
    default_at: input.makeDefault ? now : null,
    created_at: now,
    removed_at: null,
  };
  for (const field of ['name', 'street1', 'city', 'postal_code'] as const) {
    if (!row[field]) throw badRequest('invalid_field', `body.${field === 'postal_code' ? 'postalCode' : field} must not be blank`, `body.${field === 'postal_code' ? 'postalCode' : field}`);
  }
  if (input.makeDefault) await repo.clearDefaultAddress(db, accountId);
  await repo.insertAddress(db, row);
  return (await listAddresses(db, accountId)).find((address) => address.id === row.id)!;
}

export async function getAddress(db: Db, accountId: string, addressId: string): Promise<Address> {
  const row = await repo.findLiveAddress(db, accountId, addressId);
  if (!row) throw notFound('address_not_found', `No saved address has the id ${addressId}`, 'addressId');
  return toAddress(row, undefined);
}

export async function removeAddress(db: Db, accountId: string, addressId: string): Promise<void> {
  await getAddress(db, accountId, addressId);
  await repo.updateAddress(db, addressId, { removed_at: Date.now(), default_at: null });
}

export async function setDefaultAddress(db: Db, accountId: string, addressId: string): Promise<void> {
  await getAddress(db, accountId, addressId);
  await repo.clearDefaultAddress(db, accountId);
  await repo.updateAddress(db, addressId, { default_at: Date.now() });
}

export async function getContact(db: Db, accountId: string): Promise<Contact | null> {
  const row = await repo.findContact(db, accountId);
  return row ? { name: row.name, email: row.email, phone: row.phone } : null;
}

export async function setContact(db: Db, accountId: string, input: ContactBody): Promise<Contact> {
  const contact = { name: input.name.trim(), email: input.email.trim().toLowerCase(), phone: input.phone.replace(/[\s()-]/g, '') };
  if (contact.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.email)) throw badRequest('invalid_field', 'body.email is not an email address', 'body.email');
  if (contact.phone && !/^\+[1-9]\d{6,14}$/.test(contact.phone)) throw badRequest('invalid_field', 'body.phone must be in international form, e.g. +21655123456', 'body.phone');
  await repo.upsertContact(db, { account_id: accountId, ...contact, updated_at: Date.now() });
  return contact;
}
