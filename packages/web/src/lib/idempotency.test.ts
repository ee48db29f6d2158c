import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from './api';
import { attemptFor, unanswered } from './idempotency';

let n = 0;
const fresh = () => `key-${++n}`;

test('every new tap gets a new key; a retry of the same unanswered request reuses its key', () => {
  const first = attemptFor(null, { cardId: 'card_1' }, fresh);
  const second = attemptFor(null, { cardId: 'card_1' }, fresh);
  assert.notEqual(first.key, second.key, 'a tap after an answer is a new payment attempt');
  assert.equal(attemptFor(first, { cardId: 'card_1' }, fresh).key, first.key, 'the retry after a network failure');
  assert.notEqual(attemptFor(first, { cardId: 'card_2' }, fresh).key, first.key, 'another card is another attempt');
});

test('only a lost answer keeps the key: the network failing or a gateway giving up', () => {
  assert.equal(unanswered(new ApiError(0, 'network', 'offline')), true);
  assert.equal(unanswered(new ApiError(504, 'http_error', 'gateway timeout')), true);
  assert.equal(unanswered(new ApiError(400, 'invalid_field', 'bad')), false);
  assert.equal(unanswered(new Error('boom')), false);
});
