export interface WebhookDeliveriesTable {
  id: string;
  app_id: string;
  page_id: string;
  ordering_key: string;
  field: string;
  /** The exact bytes sent (ASCII-only JSON), so a resend and its signature match the original. */
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  claimed_until: number | null;
  created_at: number;
  delivered_at: number | null;
  last_status_code: number | null;
  last_error: string | null;
  last_latency_ms: number | null;
  last_response: string | null;
}

export interface WorkerCursorsTable {
  name: string;
  position: number;
}
