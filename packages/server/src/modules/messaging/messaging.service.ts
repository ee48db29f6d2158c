import type { Marks, Message, Page, SendMessageBody, Side, Thread, ThreadList } from '@tijara/protocol';
import { limits } from '@tijara/protocol';
import type { Db } from '../../db/database.js';
import type { Outbox } from '../../events/outbox.js';
import { badRequest, notFound } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { newId, newNumericId } from '../../lib/ids.js';
import type { SocketHub } from '../../realtime/hub.js';
import * as accounts from '../accounts/accounts.service.js';
import * as pages from '../pages/pages.service.js';
import * as repo from './messaging.repository.js';
import type { MessagesTable, ThreadsTable } from './messaging.table.js';

export type { Message, Thread };
export { buyButtonAt, checkBuyButtons } from './buy-button.js';

/** What a message carries besides its text; stored as JSON in messages.payload. */
export interface MessageExtras {
  attachment?: unknown;
  quickReplies?: unknown[];
  quickReply?: { payload: string };
  postback?: { title: string; payload: string; referral?: Referral };
  /** Only ever shown to the app, in the echo. */
  metadata?: string;
  appId?: string;
}

export interface Referral {
  ref: string;
  source: 'SHORTLINK';
  type: 'OPEN_THREAD';
}

export function parseExtras(row: Pick<MessagesTable, 'payload'>): MessageExtras {
  return row.payload ? (JSON.parse(row.payload) as MessageExtras) : {};
}

export function toMessage(row: MessagesTable): Message {
  const message: Message = { id: `m_${row.id}`, threadId: row.thread_id, seq: row.seq, side: row.side as Side, clientId: row.client_id, text: row.text, createdAt: row.created_at };
  const extras = parseExtras(row);
  if (extras.attachment !== undefined) message.attachment = extras.attachment;
  if (extras.quickReplies) message.quickReplies = extras.quickReplies;
  if (extras.quickReply) message.quickReply = extras.quickReply;
  if (extras.postback) message.postback = { title: extras.postback.title, payload: extras.postback.payload };
  if (extras.appId) message.appId = extras.appId;
  return message;
}

/** The message id as the Messenger dialect shows it (mid) back to the internal id. */
export const internalMessageId = (mid: string) => mid.replace(/^m_/, '');

function marksOf(row: ThreadsTable): Thread['marks'] {
  return {
    shopper: { deliveredSeq: row.shopper_delivered_seq, readSeq: row.shopper_read_seq },
    page: { deliveredSeq: row.page_delivered_seq, readSeq: row.page_read_seq },
  };
}

/** Builds the views of several threads with a fixed number of queries, whatever their count. */
async function toThreads(db: Db, rows: ThreadsTable[], viewer: Side): Promise<Thread[]> {
  const ids = rows.map((row) => row.id);
  const [pageById, names, lastMessages, unread] = await Promise.all([
    pages.getPages(db, rows.map((row) => row.page_id)),
    accounts.getAccountNames(db, rows.map((row) => row.shopper_id)),
    repo.findLastMessages(db, ids),
    repo.countUnread(db, ids, viewer),
  ]);
  const lastByThread = new Map(lastMessages.map((row) => [row.thread_id, toMessage(row)]));
  return rows.map((row) => ({
    id: row.id,
    page: pageById.get(row.page_id) as Page,
    shopper: { name: names.get(row.shopper_id) ?? '', psid: row.psid },
    lastMessage: lastByThread.get(row.id) ?? null,
    lastSeq: row.last_seq,
    unread: unread.get(row.id) ?? 0,
    marks: marksOf(row),
    createdAt: row.created_at,
  }));
}


/** Opens the shopper's conversation with a page, creating it (and its PSID) on the first visit. */
export async function openConversation(db: Db, outbox: Outbox, shopperId: string, input: { username: string; ref?: string; optin?: string }): Promise<{ thread: Thread; created: boolean }> {
  const page = await pages.getPageByUsername(db, input.username);
  const now = Date.now();
  const existing = await repo.findThreadByPair(db, page.id, shopperId);
  if (!existing) {
    await repo.insertThreadIfAbsent(db, {
      id: newId(now),
      page_id: page.id,
      shopper_id: shopperId,
      psid: newNumericId(),
      ref: input.ref ?? null,
      created_at: now,
      last_message_at: now,
      last_seq: 0,
      shopper_delivered_seq: 0,
      shopper_read_seq: 0,
      page_delivered_seq: 0,
      page_read_seq: 0,
      shopper_active_at: now,
    });
  }
  const row = existing ?? (await repo.findThreadByPair(db, page.id, shopperId))!;
  // A new thread keeps its ref for the Get Started postback; an existing one tells the bot now.
  if (existing && input.ref) {
    await outbox.record(db, { type: 'referral.received', threadId: row.id, pageId: page.id, shopperId, ref: input.ref, at: now });
  }
  if (input.optin) await outbox.record(db, { type: 'optin.received', threadId: row.id, pageId: page.id, shopperId, ref: input.optin, at: now });
  const [thread] = await toThreads(db, [row], 'shopper');
  return { thread: thread!, created: !existing };
}

export interface ThreadAccess {
  thread: ThreadsTable;
  side: Side;
}

/** The shopper's own thread; another shopper's thread is reported as unknown, never as forbidden. */
export async function requireShopperThread(db: Db, threadId: string, accountId: string): Promise<ThreadAccess> {
  const thread = await repo.findThread(db, threadId);
  if (!thread || thread.shopper_id !== accountId) throw notFound('thread_not_found', `No conversation has the id ${threadId}`, 'threadId');
  return { thread, side: 'shopper' };
}

export async function requirePageThread(db: Db, pageId: string, threadId: string, accountId: string): Promise<ThreadAccess> {
  await pages.requireMember(db, pageId, accountId);
  const thread = await repo.findThread(db, threadId);
  if (!thread || thread.page_id !== pageId) throw notFound('thread_not_found', `No conversation has the id ${threadId}`, 'threadId');
  return { thread, side: 'page' };
}

export async function getThread(db: Db, access: ThreadAccess): Promise<Thread> {
  const [thread] = await toThreads(db, [access.thread], access.side);
  return thread!;
}

export async function listThreads(db: Db, filter: { shopperId: string } | { pageId: string }, options: { cursor?: string; limit?: number }): Promise<ThreadList> {
  const limit = options.limit ?? limits.pageSize;
  const rows = await repo.findThreads(db, filter, decodeCursor(options.cursor), limit + 1);
  const page = rows.slice(0, limit);
  return {
    data: await toThreads(db, page, 'shopperId' in filter ? 'shopper' : 'page'),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!.last_message_at, page[page.length - 1]!.id) : null,
  };
}

export async function history(db: Db, threadId: string, options: { before?: string; limit?: number }) {
  const limit = options.limit ?? limits.pageSize;
  let before: number | undefined;
  if (options.before !== undefined) {
    if (!/^\d{1,15}$/.test(options.before)) throw badRequest('invalid_field', 'query.before must be a message seq from nextCursor', 'query.before');
    before = Number(options.before);
  }
  const rows = await repo.findMessagesBefore(db, threadId, before, limit);
  const oldest = rows[rows.length - 1];
  return { data: rows.reverse().map(toMessage), nextCursor: rows.length === limit && oldest && oldest.seq > 1 ? String(oldest.seq) : null };
}

function extrasJson(input: NewMessage): string | null {
  const { clientId: _clientId, text: _text, ...extras } = input;
  const present = Object.fromEntries(Object.entries(extras).filter(([, value]) => value !== undefined));
  return Object.keys(present).length > 0 ? JSON.stringify(present) : null;
}

/** The shopper's own text message from the chat app. */
export async function sendTextAsPerson(trx: Db, outbox: Outbox, access: ThreadAccess, senderAccountId: string, input: SendMessageBody): Promise<SendResult> {
  if (!input.text.trim()) throw badRequest('invalid_field', 'body.text must not be blank', 'body.text');
  if (input.quickReply && access.side !== 'shopper') throw badRequest('invalid_field', 'body.quickReply is for shoppers tapping a quick reply', 'body.quickReply');
  return sendMessage(trx, outbox, access, senderAccountId, { clientId: input.clientId, text: input.text, quickReply: input.quickReply });
}

/**
 * A tap on a postback button, menu item or Get Started. It shows in the thread under its title and
 * reaches bots as messaging_postbacks; the first one of a thread opened by a link carries its ref.
 */
export async function sendPostback(trx: Db, outbox: Outbox, access: ThreadAccess, senderAccountId: string, input: { clientId: string; title: string; payload: string }): Promise<SendResult> {
  const referral: Referral | undefined = access.thread.last_seq === 0 && access.thread.ref ? { ref: access.thread.ref, source: 'SHORTLINK', type: 'OPEN_THREAD' } : undefined;
  return sendMessage(trx, outbox, access, senderAccountId, { clientId: input.clientId, text: input.title, postback: { title: input.title, payload: input.payload, ...(referral ? { referral } : {}) } });
}

export interface SendResult {
  message: Message;
  /** False when the client id was seen before: the first message is returned and nothing is written. */
  created: boolean;
}

/**
 * Appends a message and its event in one transaction; the caller opens it and calls
 * outbox.committed() after the commit.
 */
export interface NewMessage extends MessageExtras {
  /** Makes a resend idempotent; null when the sender has no retry to protect against. */
  clientId: string | null;
  text: string | null;
}

export async function sendMessage(trx: Db, outbox: Outbox, access: ThreadAccess, senderAccountId: string | null, input: NewMessage): Promise<SendResult> {
  const { thread, side } = access;
  if (input.clientId !== null) {
    // Taken before the duplicate check, so two sends of one client id queue up on PostgreSQL
    // and the second finds the first. Without a client id there is nothing to find.
    if (!(await repo.lockThread(trx, thread.id))) throw notFound('thread_not_found', `No conversation has the id ${thread.id}`, 'threadId');
    const previous = await repo.findMessageByClientId(trx, thread.id, side, input.clientId);
    if (previous) return { message: toMessage(previous), created: false };
  }
  const now = Date.now();
  const seq = await repo.takeNextSeq(trx, thread.id, now, side === 'shopper');
  const row: MessagesTable = {
    id: newId(now),
    thread_id: thread.id,
    seq,
    side,
    sender_account_id: senderAccountId,
    client_id: input.clientId,
    text: input.text,
    payload: extrasJson(input),
    created_at: now,
  };
  await repo.insertMessage(trx, row);
  const message = toMessage(row);
  await outbox.record(trx, { type: 'message.created', threadId: thread.id, pageId: thread.page_id, shopperId: thread.shopper_id, message });
  return { message, created: true };
}

/**
 * Moves one side's delivery or read mark forward (never back). Reading implies delivery.
 * Returns the marks, and whether anything changed (then an event was recorded).
 */
export async function advanceMarks(trx: Db, outbox: Outbox, access: ThreadAccess, kind: 'delivered' | 'read', seq?: number): Promise<Marks> {
  const thread = await repo.findThread(trx, access.thread.id);
  if (!thread) throw notFound('thread_not_found', `No conversation has the id ${access.thread.id}`, 'threadId');
  const target = Math.min(seq ?? thread.last_seq, thread.last_seq);
  const side = access.side;
  const current = marksOf(thread)[side];
  const next: Marks = {
    deliveredSeq: Math.max(current.deliveredSeq, target),
    readSeq: kind === 'read' ? Math.max(current.readSeq, target) : current.readSeq,
  };
  next.deliveredSeq = Math.max(next.deliveredSeq, next.readSeq);
  if (next.deliveredSeq === current.deliveredSeq && next.readSeq === current.readSeq) return current;
  await repo.updateMarks(trx, thread.id, side === 'shopper' ? { shopper_delivered_seq: next.deliveredSeq, shopper_read_seq: next.readSeq } : { page_delivered_seq: next.deliveredSeq, page_read_seq: next.readSeq });
  await outbox.record(trx, { type: 'marks.changed', threadId: thread.id, pageId: thread.page_id, shopperId: thread.shopper_id, side, marks: next, previous: current });
  return next;
}

/** Typing is ephemeral: pushed to the other side's open sockets, never stored or replayed. */
export async function setTyping(db: Db, hub: SocketHub, access: ThreadAccess, on: boolean): Promise<void> {
  const { thread, side } = access;
  const members = await pages.pageMembers(db, [thread.page_id]);
  const audience = side === 'shopper' ? (members.get(thread.page_id) ?? []) : [thread.shopper_id];
  hub.publishEphemeral({ type: 'typing.changed', threadId: thread.id, pageId: thread.page_id, side, on }, audience);
}

export async function requirePageAccess(db: Db, pageId: string, accountId: string): Promise<void> {
  await pages.requireMember(db, pageId, accountId);
}

/** What the webhook builder needs to address an event: the shopper's PSID on the page. */
export async function threadsById(db: Db, threadIds: string[]): Promise<Map<string, ThreadsTable>> {
  const rows = await repo.findThreadsByIds(db, [...new Set(threadIds)]);
  return new Map(rows.map((row) => [row.id, row]));
}


/** Full stored messages (with metadata) by their Messenger ids. */
export async function messagesByMid(db: Db, mids: string[]): Promise<Map<string, MessagesTable>> {
  const rows = await repo.findMessagesByIds(db, mids.map(internalMessageId));
  return new Map(rows.map((row) => [`m_${row.id}`, row]));
}

/** The page's messages a shopper's mark newly covers: their mids, and the newest one's time (the watermark). */
export async function messagesCoveredByMark(db: Db, threadId: string, from: number, to: number): Promise<{ mids: string[]; watermark: number | null }> {
  const rows = await repo.findMessagesInRange(db, threadId, 'page', from, to);
  return { mids: rows.map((row) => `m_${row.id}`), watermark: rows.length > 0 ? rows[rows.length - 1]!.created_at : null };
}

/** A message of the page in this thread, with everything it carries (for the Buy button behind a checkout). */
export async function pageMessage(db: Db, threadId: string, mid: string): Promise<{ row: MessagesTable; extras: MessageExtras } | undefined> {
  const row = (await messagesByMid(db, [mid])).get(mid);
  if (!row || row.thread_id !== threadId || row.side !== 'page') return undefined;
  return { row, extras: parseExtras(row) };
}

/** A line from the platform in the conversation, as the page (order and refund notes). */
export async function postNotice(trx: Db, outbox: Outbox, thread: ThreadsTable, text: string): Promise<void> {
  await sendMessage(trx, outbox, { thread, side: 'page' }, null, { clientId: null, text });
}
