import type { StoredEvent, WebhookField } from '@tijara/protocol';
import type { Db } from '../../db/database.js';
import * as messaging from '../messaging/messaging.service.js';

/** One item of an entry's `messaging` array, in the Messenger webhook shape. */
export type MessagingItem = Record<string, unknown> & { timestamp: number };

export interface WebhookItem {
  field: WebhookField;
  pageId: string;
  /** The PSID: events of one conversation are delivered in order. */
  psid: string;
  item: MessagingItem;
}

/** Turns committed platform events into the Messenger webhook items they mean for bots. */
export async function toWebhookItems(db: Db, events: StoredEvent[]): Promise<WebhookItem[]> {
  const threads = await messaging.threadsById(db, events.map((event) => event.threadId));
  const mids = events.flatMap((event) => (event.type === 'message.created' ? [event.message.id] : []));
  const stored = await messaging.messagesByMid(db, mids);
  const items: WebhookItem[] = [];

  for (const event of events) {
    const thread = threads.get(event.threadId);
    if (!thread) continue;
    const shopper = { id: thread.psid };
    const page = { id: thread.page_id };
    const push = (field: WebhookField, item: MessagingItem) => items.push({ field, pageId: thread.page_id, psid: thread.psid, item });

    if (event.type === 'message.created') {
      const row = stored.get(event.message.id);
      if (!row) continue;
      const extras = messaging.parseExtras(row);
      const mid = event.message.id;
      if (row.side === 'shopper' && extras.postback) {
        const postback: Record<string, unknown> = { title: extras.postback.title, payload: extras.postback.payload, mid };
        if (extras.postback.referral) postback.referral = extras.postback.referral;
        push('messaging_postbacks', { sender: shopper, recipient: page, timestamp: row.created_at, postback });
      } else if (row.side === 'shopper') {
        const message: Record<string, unknown> = { mid, seq: row.seq };
        if (row.text !== null) message.text = row.text;
        if (extras.quickReply) message.quick_reply = extras.quickReply;
        if (extras.attachment !== undefined) message.attachments = [extras.attachment];
        push('messages', { sender: shopper, recipient: page, timestamp: row.created_at, message });
      } else {
        const message: Record<string, unknown> = { is_echo: true, mid, seq: row.seq };
        if (extras.appId) message.app_id = Number(extras.appId);
        if (extras.metadata !== undefined) message.metadata = extras.metadata;
        if (row.text !== null) message.text = row.text;
        if (extras.attachment !== undefined) message.attachments = [extras.attachment];
        if (extras.quickReplies) message.quick_replies = extras.quickReplies;
        push('message_echoes', { sender: page, recipient: shopper, timestamp: row.created_at, message });
      }
    } else if (event.type === 'marks.changed' && event.side === 'shopper') {
      const previous = event.previous ?? { deliveredSeq: 0, readSeq: 0 };
      const now = Date.now();
      if (event.marks.deliveredSeq > previous.deliveredSeq) {
        const covered = await messaging.messagesCoveredByMark(db, thread.id, previous.deliveredSeq, event.marks.deliveredSeq);
        if (covered.watermark !== null) push('message_deliveries', { sender: shopper, recipient: page, timestamp: now, delivery: { mids: covered.mids, watermark: covered.watermark } });
      }
      if (event.marks.readSeq > previous.readSeq) {
        const covered = await messaging.messagesCoveredByMark(db, thread.id, previous.readSeq, event.marks.readSeq);
        if (covered.watermark !== null) push('message_reads', { sender: shopper, recipient: page, timestamp: now, read: { watermark: covered.watermark } });
      }
    } else if (event.type === 'payment.completed') {
      push('messaging_payments', { sender: shopper, recipient: page, timestamp: event.at, payment: event.payment });
    } else if (event.type === 'optin.received') {
      push('messaging_optins', { sender: shopper, recipient: page, timestamp: event.at, optin: { ref: event.ref } });
    } else if (event.type === 'referral.received') {
      push('messaging_referrals', { sender: shopper, recipient: page, timestamp: event.at, referral: { ref: event.ref, source: 'SHORTLINK', type: 'OPEN_THREAD' } });
    }
  }
  return items;
}

/** The POST body for one item: each entry carries exactly one messaging item, as many bots read only the first. */
export function envelope(pageId: string, item: MessagingItem): unknown {
  return { object: 'page', entry: [{ id: pageId, time: Date.now(), messaging: [item] }] };
}
