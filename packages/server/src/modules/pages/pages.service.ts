import type { CreatePageBody, Page, UpdatePageBody } from '@tijara/protocol';
import { limits } from '@tijara/protocol';
import type { Db } from '../../db/database.js';
import { badRequest, conflict, forbidden, HttpError, notFound } from '../../http/errors.js';
import { newId, newNumericId } from '../../lib/ids.js';
import * as repo from './pages.repository.js';
import type { PagesTable } from './pages.table.js';

export type { Page };

/** Paths of the web app and words that would confuse people if a page took them. */
const reservedUsernames = new Set(['admin', 'business', 'developers', 'support', 'tijara', 'settings', 'signin', 'signup']);

const imageSignatures: Record<string, (bytes: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};
export const avatarContentTypes = Object.keys(imageSignatures);

export function toPage(row: PagesTable): Page {
  return {
    id: row.id,
    name: row.name,
    username: row.username,
    about: row.about,
    greeting: row.greeting,
    avatarUrl: row.avatar_media_id ? `/media/${row.avatar_media_id}` : null,
    createdAt: row.created_at,
  };
}

function normalizeUsername(username: string): string {
  const value = username.trim().toLowerCase();
  if (reservedUsernames.has(value)) throw conflict('username_taken', `The username "${value}" is reserved; choose another`, 'body.username');
  if (value.includes('..')) throw badRequest('invalid_field', 'body.username must not contain two dots in a row', 'body.username');
  return value;
}

async function assertUsernameFree(db: Db, username: string, exceptPageId?: string): Promise<void> {
  const existing = await repo.findPageByUsername(db, username);
  if (existing && existing.id !== exceptPageId) throw conflict('username_taken', `The username "${username}" is taken; choose another`, 'body.username');
}

/** Creates the page with its owner as admin. The caller runs this inside a transaction. */
export async function createPage(db: Db, ownerId: string, input: CreatePageBody): Promise<Page> {
  const username = normalizeUsername(input.username);
  const name = input.name.trim();
  if (!name) throw badRequest('invalid_field', 'body.name must not be empty', 'body.name');
  await assertUsernameFree(db, username);
  const now = Date.now();
  const row: PagesTable = {
    id: newNumericId(),
    username,
    name,
    about: input.about?.trim() ?? '',
    greeting: input.greeting?.trim() ?? '',
    avatar_media_id: null,
    owner_account_id: ownerId,
    created_at: now,
    updated_at: now,
  };
  await repo.insertPage(db, row);
  await repo.insertMember(db, { page_id: row.id, account_id: ownerId, role: 'admin', created_at: now });
  return toPage(row);
}

export async function updatePage(db: Db, pageId: string, accountId: string, input: UpdatePageBody): Promise<Page> {
  await requireMember(db, pageId, accountId);
  const changes: Partial<PagesTable> = { updated_at: Date.now() };
  if (input.username !== undefined) {
    changes.username = normalizeUsername(input.username);
    await assertUsernameFree(db, changes.username, pageId);
  }
  if (input.name !== undefined) {
    changes.name = input.name.trim();
    if (!changes.name) throw badRequest('invalid_field', 'body.name must not be empty', 'body.name');
  }
  if (input.about !== undefined) changes.about = input.about.trim();
  if (input.greeting !== undefined) changes.greeting = input.greeting.trim();
  await repo.updatePage(db, pageId, changes);
  return toPage((await repo.findPageById(db, pageId))!);
}

export async function setAvatar(db: Db, pageId: string, accountId: string, contentType: string, bytes: Buffer): Promise<Page> {
  await requireMember(db, pageId, accountId);
  const matches = imageSignatures[contentType];
  if (!matches) throw new HttpError(415, 'unsupported_media_type', `The avatar must be one of ${avatarContentTypes.join(', ')}`, 'body');
  if (bytes.length === 0 || bytes.length > limits.avatarBytes) throw badRequest('invalid_field', 'The avatar must be between 1 byte and 1 MiB', 'body');
  if (!matches(bytes)) throw badRequest('invalid_field', `The avatar's bytes are not a ${contentType} image`, 'body');
  const mediaId = newId();
  const now = Date.now();
  await repo.insertMedia(db, { id: mediaId, owner_account_id: accountId, content_type: contentType, size: bytes.length, bytes, created_at: now });
  await repo.updatePage(db, pageId, { avatar_media_id: mediaId, updated_at: now });
  return toPage((await repo.findPageById(db, pageId))!);
}

export async function getPage(db: Db, pageId: string): Promise<Page | undefined> {
  const row = await repo.findPageById(db, pageId);
  return row ? toPage(row) : undefined;
}

export async function getPages(db: Db, pageIds: string[]): Promise<Map<string, Page>> {
  const rows = await repo.findPagesByIds(db, [...new Set(pageIds)]);
  return new Map(rows.map((row) => [row.id, toPage(row)]));
}

export async function getPageByUsername(db: Db, username: string): Promise<Page> {
  const row = await repo.findPageByUsername(db, username.trim().toLowerCase());
  if (!row) throw notFound('page_not_found', `No page has the username "${username}"`, 'username');
  return toPage(row);
}

export async function listPagesOf(db: Db, accountId: string): Promise<Page[]> {
  return (await repo.findPagesOfMember(db, accountId)).map(toPage);
}

export async function pageIdsOf(db: Db, accountId: string): Promise<string[]> {
  return (await repo.findPagesOfMember(db, accountId)).map((row) => row.id);
}

/** Throws 404 for an unknown page and 403 when the account is not one of its people. */
export async function requireMember(db: Db, pageId: string, accountId: string): Promise<Page> {
  const row = await repo.findPageById(db, pageId);
  if (!row) throw notFound('page_not_found', `No page has the id ${pageId}`, 'pageId');
  if (!(await repo.findMember(db, pageId, accountId))) throw forbidden('not_page_member', 'You do not manage this page');
  return toPage(row);
}

export async function pageMembers(db: Db, pageIds: string[]): Promise<Map<string, string[]>> {
  const members = new Map<string, string[]>();
  for (const row of await repo.findMembersOfPages(db, pageIds)) {
    const list = members.get(row.page_id) ?? [];
    list.push(row.account_id);
    members.set(row.page_id, list);
  }
  return members;
}

export async function getMedia(db: Db, mediaId: string) {
  return repo.findMedia(db, mediaId);
}
