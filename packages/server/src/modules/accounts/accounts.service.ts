import { createHash } from 'node:crypto';
import type { Account, AccountRole, SignInBody, SignUpBody } from '@tijara/protocol';
import type { Db } from '../../db/database.js';
import { conflict, HttpError } from '../../http/errors.js';
import { newId, newToken } from '../../lib/ids.js';
import * as repo from './accounts.repository.js';
import type { AccountsTable } from './accounts.table.js';
import { decoyHash, hashPassword, verifyPassword } from './password.js';

export type { Account };

export const sessionLifetimeMs = 30 * 24 * 60 * 60 * 1000;

export interface IssuedSession {
  account: Account;
  /** The cookie value; only its hash is stored. */
  token: string;
  csrfToken: string;
}

export interface AuthenticatedSession {
  account: Account;
  csrfToken: string;
  tokenHash: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const normalizeEmail = (email: string) => email.trim().toLowerCase();

function toAccount(row: Pick<AccountsTable, 'id' | 'email' | 'name' | 'role' | 'locale' | 'created_at'>): Account {
  return { id: row.id, email: row.email, name: row.name, role: row.role as AccountRole, locale: row.locale, createdAt: row.created_at };
}

async function issueSession(db: Db, account: Account): Promise<IssuedSession> {
  const token = newToken();
  const csrfToken = newToken(24);
  const now = Date.now();
  await repo.insertSession(db, { token_hash: hashToken(token), account_id: account.id, csrf_token: csrfToken, created_at: now, expires_at: now + sessionLifetimeMs });
  return { account, token, csrfToken };
}

export async function signUp(db: Db, input: SignUpBody | (Omit<SignUpBody, 'role'> & { role: AccountRole })): Promise<IssuedSession> {
  const email = normalizeEmail(input.email);
  const name = input.name.trim();
  if (!name) throw new HttpError(400, 'invalid_field', 'body.name must not be empty', 'body.name');
  if (await repo.findAccountByEmail(db, email)) {
    throw conflict('email_taken', 'An account with this email already exists; sign in instead', 'body.email');
  }
  const row: AccountsTable = {
    id: newId(),
    email,
    name,
    role: input.role ?? 'shopper',
    password_hash: await hashPassword(input.password),
    locale: null,
    created_at: Date.now(),
  };
  await repo.insertAccount(db, row);
  return issueSession(db, toAccount(row));
}

/** Fails with one message whether the email is unknown or the password wrong: no account enumeration. */
export async function signIn(db: Db, input: SignInBody): Promise<IssuedSession> {
  const row = await repo.findAccountByEmail(db, normalizeEmail(input.email));
  const valid = await verifyPassword(input.password, row?.password_hash ?? (await decoyHash));
  if (!row || !valid) throw new HttpError(401, 'invalid_credentials', 'The email or the password is wrong');
  return issueSession(db, toAccount(row));
}

export async function signOut(db: Db, token: string): Promise<void> {
  await repo.deleteSession(db, hashToken(token));
}

export async function authenticate(db: Db, token: string): Promise<AuthenticatedSession | null> {
  const tokenHash = hashToken(token);
  const row = await repo.findLiveSession(db, tokenHash, Date.now());
  return row ? { account: toAccount(row), csrfToken: row.csrf_token, tokenHash } : null;
}

export async function getAccount(db: Db, id: string): Promise<Account | undefined> {
  const row = await repo.findAccountById(db, id);
  return row ? toAccount(row) : undefined;
}

export async function findAccountByEmail(db: Db, email: string): Promise<Account | undefined> {
  const row = await repo.findAccountByEmail(db, normalizeEmail(email));
  return row ? toAccount(row) : undefined;
}


export async function pruneExpiredSessions(db: Db): Promise<void> {
  await repo.deleteExpiredSessions(db, Date.now());
}

/** Display names by account id, for lists that show who is on the other side. */
export async function getAccountNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const rows = await repo.findAccountsByIds(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** `tijara create-operator`: an operator account, or the existing account promoted to operator. */
export async function createOperator(db: Db, input: { email: string; password: string; name: string }): Promise<{ account: Account; created: boolean }> {
  if (input.password.length < 8) throw new HttpError(400, 'invalid_field', 'The password must be at least 8 characters', 'password');
  const existing = await repo.findAccountByEmail(db, normalizeEmail(input.email));
  if (existing) {
    await repo.updateAccountRole(db, existing.id, 'operator');
    return { account: toAccount({ ...existing, role: 'operator' }), created: false };
  }
  const { account } = await signUp(db, { ...input, role: 'operator' });
  return { account, created: true };
}

/** Stores the language the person chose in the app (bots read it as the profile's locale). */
export async function setLocale(db: Db, id: string, locale: string): Promise<Account> {
  await repo.updateAccountLocale(db, id, locale.replace('-', '_'));
  return (await getAccount(db, id))!;
}
