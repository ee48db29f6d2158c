export interface OrdersTable {
  id: string;
  /** What people read and say on the phone, e.g. T-2026-4F7KQ2ZD. */
  number: string;
  page_id: string;
  shopper_id: string;
  thread_id: string;
  checkout_id: string;
  status: string;
  currency: string;
  total: number;
  refunded: number;
  payload: string;
  shipping_option: string | null;
  shipping_address: string | null;
  contact: string | null;
  payment_method: string;
  test_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface OrderLinesTable {
  id: string;
  order_id: string;
  position: number;
  label: string;
  amount: number;
}

export interface OrderEventsTable {
  id: string;
  order_id: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  actor: string;
  created_at: number;
}
