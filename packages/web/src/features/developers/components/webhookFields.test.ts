import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webhookFields as protocolFields } from '@tijara/protocol';
import { webhookFields } from './webhookFields';

test('the console offers every webhook field of the protocol, in its order', () => {
  assert.deepEqual(webhookFields, [...protocolFields]);
});
