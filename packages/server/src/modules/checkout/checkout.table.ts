export interface CheckoutSessionsTable {
  id: string;
  page_id: string;
  thread_id: string;
  shopper_id: string;
  app_id: string | null;
  /** The template message holding the Buy button, and where in it the button is. */
  message_id: string;
  button_path: string;
  payload: string;
  /** JSON: the button's payment_summary as sent. */
  summary: string;
  /** JSON: the bot's last checkout_update answer. */
  shipping_options: string | null;
  /** open → paying → paid; paying → open again after a failed attempt */
  status: string;
  order_id: string | null;
  failure: string | null;
  created_at: number;
  updated_at: number;
}
