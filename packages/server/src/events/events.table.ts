import type { Generated } from 'kysely';

export interface EventsTable {
  id: Generated<number>;
  type: string;
  page_id: string;
  thread_id: string;
  shopper_id: string;
  payload: string;
  created_at: number;
}
