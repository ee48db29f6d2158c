import type { Marks, Message, MessageList, Side, Thread } from '@tijara/protocol';

/** A message written here and not yet confirmed; it keeps its clientId so a retry cannot duplicate it. */
export interface PendingMessage {
  clientId: string;
  /** What the bubble shows: the text, or the title of the tapped button or quick reply. */
  text: string;
  createdAt: number;
  failed: boolean;
  /** A tapped postback button, menu item or Get Started: sent to the postback route. */
  postback?: { payload: string };
  /** A tapped quick reply: sent as text with its payload. */
  quickReply?: { payload: string };
}

export interface ThreadState {
  thread: Thread | null;
  /** Confirmed messages, unique by id, in seq order. */
  messages: Message[];
  pending: PendingMessage[];
  olderCursor: string | null;
  loadingOlder: boolean;
  error: unknown;
  otherTyping: boolean;
  /** Kept apart from `thread` so a frame that beats the first load is not lost. */
  marks: Record<Side, Marks>;
}

export type ThreadAction =
  | { type: 'loaded'; thread: Thread; list: MessageList }
  | { type: 'failed'; error: unknown }
  | { type: 'loadingOlder' }
  | { type: 'older'; list: MessageList | null }
  | { type: 'message'; message: Message }
  | { type: 'queued'; pending: PendingMessage }
  | { type: 'sendFailed'; clientId: string }
  | { type: 'retrying'; clientId: string }
  | { type: 'marks'; side: Side; marks: Marks }
  | { type: 'typing'; on: boolean };

export const initialThreadState: ThreadState = {
  thread: null,
  messages: [],
  pending: [],
  olderCursor: null,
  loadingOlder: false,
  error: null,
  otherTyping: false,
  marks: { shopper: { deliveredSeq: 0, readSeq: 0 }, page: { deliveredSeq: 0, readSeq: 0 } },
};

/** The same message can come from history, the POST answer and the socket (twice after a replay). */
function mergeMessages(current: Message[], incoming: Message[]): Message[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** Marks only move forward; a late frame must not undo a newer one. */
function maxMarks(a: Marks, b: Marks): Marks {
  return { deliveredSeq: Math.max(a.deliveredSeq, b.deliveredSeq), readSeq: Math.max(a.readSeq, b.readSeq) };
}

function withMessages(state: ThreadState, incoming: Message[]): ThreadState {
  const confirmed = new Set(incoming.map((m) => m.clientId).filter((id) => id !== null));
  const lastSeq = Math.max(state.thread?.lastSeq ?? 0, ...incoming.map((m) => m.seq));
  return {
    ...state,
    messages: mergeMessages(state.messages, incoming),
    pending: state.pending.filter((p) => !confirmed.has(p.clientId)),
    thread: state.thread && { ...state.thread, lastSeq },
  };
}

export function threadReducer(state: ThreadState, action: ThreadAction, viewer: Side): ThreadState {
  switch (action.type) {
    case 'loaded': {
      const { thread, list } = action;
      const marks = {
        shopper: maxMarks(thread.marks.shopper, state.marks.shopper),
        page: maxMarks(thread.marks.page, state.marks.page),
      };
      // A load replaces what was shown (after a socket restart it may have a gap); only messages the
      // socket brought in since the snapshot, newer than its newest, are kept.
      const newest = list.data.reduce((max, m) => Math.max(max, m.seq), 0);
      const base = { ...state, thread, marks, olderCursor: list.nextCursor, error: null, messages: state.messages.filter((m) => m.seq > newest) };
      return withMessages(base, list.data);
    }
    case 'failed':
      return { ...state, error: action.error, loadingOlder: false };
    case 'loadingOlder':
      return { ...state, loadingOlder: true };
    case 'older':
      if (!action.list) return { ...state, loadingOlder: false };
      return { ...withMessages(state, action.list.data), olderCursor: action.list.nextCursor, loadingOlder: false };
    case 'message': {
      const next = withMessages(state, [action.message]);
      // Their message ends their typing, even if the "off" frame never comes.
      return action.message.side === viewer ? next : { ...next, otherTyping: false };
    }
    case 'queued':
      return { ...state, pending: [...state.pending, action.pending] };
    case 'sendFailed':
    case 'retrying': {
      const failed = action.type === 'sendFailed';
      return { ...state, pending: state.pending.map((p) => (p.clientId === action.clientId ? { ...p, failed } : p)) };
    }
    case 'marks':
      return { ...state, marks: { ...state.marks, [action.side]: maxMarks(state.marks[action.side], action.marks) } };
    case 'typing':
      return { ...state, otherTyping: action.on };
  }
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read';

/** A message is delivered/read once the other side's marks reach its seq. */
export function deliveryStatus(message: Message, marks: Record<Side, Marks>): DeliveryStatus {
  const other = message.side === 'shopper' ? marks.page : marks.shopper;
  if (other.readSeq >= message.seq) return 'read';
  if (other.deliveredSeq >= message.seq) return 'delivered';
  return 'sent';
}
