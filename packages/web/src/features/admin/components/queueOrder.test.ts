import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BetaApplication } from '@tijara/protocol';
import { queueOrder } from './queueOrder';

const app = (appId: string, status: BetaApplication['status'], appliedAt: number, decidedAt: number | null = null): BetaApplication => ({
  appId,
  appName: appId,
  status,
  useCase: 'We sell tea in the chat.',
  note: null,
  appliedAt,
  decidedAt,
});

test('the queue shows pending applications first, the longest waiting on top', () => {
  const sorted = queueOrder([app('approved', 'approved', 1, 5), app('new', 'pending', 9), app('old', 'pending', 2), app('rejected', 'rejected', 3, 8)]);
  assert.deepEqual(sorted.map((a) => a.appId), ['old', 'new', 'approved', 'rejected']);
});
