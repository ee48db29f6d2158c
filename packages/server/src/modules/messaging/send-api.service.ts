import type { Db } from '../../db/database.js';
import type { Outbox } from '../../events/outbox.js';
import { GraphFailure, invalidParam } from '../../http/graph.js';
import { newNumericId } from '../../lib/ids.js';
import type { SocketHub } from '../../realtime/hub.js';
import type { MessageTag, MessagingType, OutgoingMessage, SenderAction } from '@tijara/protocol/messenger';
import { messengerLimits } from '@tijara/protocol/messenger';
import * as repo from './messaging.repository.js';
import { advanceMarks, sendMessage, setTyping, type ThreadAccess } from './messaging.service.js';
import type { ThreadsTable } from './messaging.table.js';

/** The thread a PSID names, if it belongs to the caller's page; another page's PSID is as unknown as a made-up one. */
export async function resolvePsid(db: Db, pageId: string, psid: string): Promise<ThreadsTable> {
  const thread = await repo.findThreadByPsid(db, psid);
  if (!thread || thread.page_id !== pageId) throw new GraphFailure('noMatchingUser', 'No matching user found');
  return thread;
}

/** The 24-hour rule: outside the window only a tagged message may go out. */
export function checkWindow(thread: ThreadsTable, messagingType: MessagingType | undefined, tag: MessageTag | undefined, now = Date.now()): void {
  if (tag !== undefined && messagingType !== 'MESSAGE_TAG') throw invalidParam('param tag can only be used with messaging_type MESSAGE_TAG');
  if (messagingType === 'MESSAGE_TAG') {
    if (tag === undefined) throw invalidParam('param tag is required when messaging_type is MESSAGE_TAG');
    return;
  }
  const lastAction = thread.shopper_active_at ?? thread.created_at;
  if (now - lastAction > messengerLimits.messagingWindowMs) {
    throw new GraphFailure('outsideWindow', 'This message is sent outside of allowed window. Use a message tag to reach this person more than 24 hours after their last message.');
  }
}

export interface ResolvedAttachment {
  attachment: unknown;
  /** Set when the caller asked for is_reusable, or reused one. */
  attachmentId?: string;
}

/** Media by URL (optionally kept for reuse), by attachment_id (this page's only), or uploaded bytes. */
export async function resolveAttachment(
  db: Db,
  pageId: string,
  publicUrl: string,
  attachment: { type: string; payload: Record<string, unknown> },
  upload?: { bytes: Buffer; contentType: string },
): Promise<ResolvedAttachment> {
  if (attachment.type === 'template') return { attachment: await resolveMediaTemplate(db, pageId, attachment) };
  const payload = attachment.payload;
  if (typeof payload.attachment_id === 'string') {
    const stored = await repo.findAttachment(db, payload.attachment_id);
    if (!stored || stored.page_id !== pageId) throw invalidParam('param message.attachment.payload.attachment_id is not an attachment of this page');
    return { attachment: { type: attachment.type, payload: { url: stored.url, attachment_id: stored.id } }, attachmentId: stored.id };
  }
  const keep = payload.is_reusable === true || upload !== undefined;
  if (!keep) return { attachment: { type: attachment.type, payload: { url: payload.url } } };
  const id = newNumericId();
  const url = upload ? `${publicUrl}/attachments/${id}` : String(payload.url);
  await repo.insertAttachment(db, {
    id,
    page_id: pageId,
    type: attachment.type,
    url,
    content_type: upload?.contentType ?? null,
    size: upload?.bytes.length ?? null,
    bytes: upload?.bytes ?? null,
    created_at: Date.now(),
  });
  return { attachment: { type: attachment.type, payload: { url, attachment_id: id } }, attachmentId: payload.is_reusable === true ? id : undefined };
}

export async function getAttachmentBytes(db: Db, id: string) {
  const row = await repo.findAttachment(db, id);
  return row?.bytes ? { contentType: row.content_type ?? 'application/octet-stream', bytes: Buffer.from(row.bytes), type: row.type } : undefined;
}

export interface PageSend {
  thread: ThreadsTable;
  appId: string;
  message: OutgoingMessage;
  attachment?: ResolvedAttachment;
}

/** A bot's message, as the page, in the caller's transaction. */
export async function sendAsPage(trx: Db, outbox: Outbox, input: PageSend) {
  const access: ThreadAccess = { thread: input.thread, side: 'page' };
  const { message } = input;
  return sendMessage(trx, outbox, access, null, {
    clientId: null,
    text: 'text' in message && message.text !== undefined ? message.text : null,
    attachment: input.attachment?.attachment,
    quickReplies: message.quick_replies,
    metadata: message.metadata,
    appId: input.appId,
  });
}

/** typing_on / typing_off reach the shopper's sockets; mark_seen moves the page's read mark. */
export async function applySenderAction(db: Db, outbox: Outbox, hub: SocketHub, thread: ThreadsTable, action: SenderAction): Promise<void> {
  const access: ThreadAccess = { thread, side: 'page' };
  if (action === 'mark_seen') {
    await db.transaction().execute((trx) => advanceMarks(trx, outbox, access, 'read'));
    outbox.committed();
    return;
  }
  await setTyping(db, hub, access, action === 'typing_on');
}

export async function resolvePsidAnyPage(db: Db, psid: string): Promise<ThreadsTable | undefined> {
  return repo.findThreadByPsid(db, psid);
}

/** A media template may name its picture or video by attachment_id: only this page's, resolved to its URL. */
async function resolveMediaTemplate(db: Db, pageId: string, attachment: { type: string; payload: Record<string, unknown> }) {
  if (attachment.payload.template_type !== 'media') return attachment;
  const elements = (attachment.payload.elements ?? []) as Array<Record<string, unknown>>;
  const resolved = [];
  for (const [index, element] of elements.entries()) {
    if (typeof element.attachment_id !== 'string') {
      resolved.push(element);
      continue;
    }
    const stored = await repo.findAttachment(db, element.attachment_id);
    if (!stored || stored.page_id !== pageId) throw invalidParam(`param message.attachment.payload.elements[${index}].attachment_id is not an attachment of this page`);
    resolved.push({ ...element, url: stored.url });
  }
  return { ...attachment, payload: { ...attachment.payload, elements: resolved } };
}
