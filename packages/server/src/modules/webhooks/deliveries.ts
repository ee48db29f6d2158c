import { newId } from '../../lib/ids.js';
import type { WebhookDeliveriesTable } from './webhooks.table.js';

/** A delivery that has not been tried yet; callers override what they already know. */
export function newDelivery(input: Pick<WebhookDeliveriesTable, 'app_id' | 'page_id' | 'ordering_key' | 'field' | 'body'>, overrides: Partial<WebhookDeliveriesTable> = {}): WebhookDeliveriesTable {
  const now = Date.now();
  return {
    ...input,
    id: newId(now),
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    claimed_until: null,
    created_at: now,
    delivered_at: null,
    last_status_code: null,
    last_error: null,
    last_latency_ms: null,
    last_response: null,
    ...overrides,
  };
}
