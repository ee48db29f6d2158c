export interface ThreadsTable {
  id: string;
  page_id: string;
  shopper_id: string;
  psid: string;
  ref: string | null;
  created_at: number;
  last_message_at: number;
  last_seq: number;
  shopper_active_at: number | null;
  shopper_delivered_seq: number;
  shopper_read_seq: number;
  page_delivered_seq: number;
  page_read_seq: number;
}

export interface MessagesTable {
  id: string;
  thread_id: string;
  seq: number;
  side: string;
  sender_account_id: string | null;
  client_id: string | null;
  text: string | null;
  payload: string | null;
  created_at: number;
}
