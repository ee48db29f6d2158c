import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Message, MessageList, Thread } from '@tijara/protocol';
import { deliveryStatus, initialThreadState, threadReducer, type ThreadAction, type ThreadState } from './threadState';

const message = (seq: number, side: Message['side'] = 'shopper', clientId: string | null = null): Message => ({
  id: `m.${seq}`,
  threadId: 't1',
  seq,
  side,
  clientId,
  text: `message ${seq}`,
  createdAt: 1_700_000_000_000 + seq * 1000,
});

const page = { id: '100000000000001', name: 'Shop', username: 'the.shop', about: '', greeting: '', avatarUrl: null, createdAt: 0 };
const thread = (lastSeq: number): Thread => ({
  id: 't1',
  page,
  shopper: { name: 'Ann', psid: '200000000000001' },
  lastMessage: null,
  lastSeq,
  unread: 0,
  marks: { shopper: { deliveredSeq: 0, readSeq: 0 }, page: { deliveredSeq: 2, readSeq: 1 } },
  createdAt: 0,
});
const list = (seqs: number[], nextCursor: string | null = null): MessageList => ({ data: seqs.map((s) => message(s)), nextCursor });

const asShopper = (actions: ThreadAction[], from: ThreadState = initialThreadState) =>
  actions.reduce((state, action) => threadReducer(state, action, 'shopper'), from);

test('a message that arrives from the POST answer and again from the socket shows once', () => {
  const state = asShopper([
    { type: 'loaded', thread: thread(2), list: list([1, 2]) },
    { type: 'message', message: message(3) },
    { type: 'message', message: message(3) },
  ]);
  assert.deepEqual(state.messages.map((m) => m.seq), [1, 2, 3]);
});

test('a pending message is replaced by the confirmed one with the same clientId', () => {
  const state = asShopper([
    { type: 'loaded', thread: thread(0), list: list([]) },
    { type: 'queued', pending: { clientId: 'c1', text: 'hi', createdAt: 1, failed: false } },
    { type: 'sendFailed', clientId: 'c1' },
  ]);
  assert.equal(state.pending[0]?.failed, true);
  const confirmed = asShopper([{ type: 'message', message: message(1, 'shopper', 'c1') }], state);
  assert.deepEqual(confirmed.pending, []);
  assert.equal(confirmed.messages.length, 1);
});

test('loading again after the socket started over replaces the shown history, keeping newer live messages', () => {
  const state = asShopper([
    { type: 'loaded', thread: thread(3), list: list([1, 2, 3]) },
    { type: 'older', list: list([]) },
    { type: 'message', message: message(50) },
    { type: 'loaded', thread: thread(49), list: list([47, 48, 49], '47') },
  ]);
  assert.deepEqual(state.messages.map((m) => m.seq), [47, 48, 49, 50]);
  assert.equal(state.olderCursor, '47');
});

test('marks never move backwards and decide the ticks', () => {
  const state = asShopper([
    { type: 'loaded', thread: thread(3), list: list([1, 2, 3]) },
    { type: 'marks', side: 'page', marks: { deliveredSeq: 3, readSeq: 2 } },
    { type: 'marks', side: 'page', marks: { deliveredSeq: 1, readSeq: 1 } },
  ]);
  assert.deepEqual(state.marks.page, { deliveredSeq: 3, readSeq: 2 });
  assert.deepEqual(
    [1, 2, 3].map((seq) => deliveryStatus(message(seq), state.marks)),
    ['read', 'read', 'delivered'],
  );
  assert.equal(deliveryStatus(message(4), state.marks), 'sent');
});

test('their new message hides their typing indicator', () => {
  const state = asShopper([
    { type: 'loaded', thread: thread(0), list: list([]) },
    { type: 'typing', on: true },
    { type: 'message', message: message(1, 'page') },
  ]);
  assert.equal(state.otherTyping, false);
});
