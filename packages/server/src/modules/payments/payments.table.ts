export interface PagePaymentSettingsTable {
  page_id: string;
  provider: string;
  /** The merchant's Stripe secret key, sealed by the vault. */
  stripe_key_ciphertext: string | null;
  updated_at: number;
}

export interface TestProcessorAuthorizationsTable {
  id: string;
  idempotency_key: string;
  amount: number;
  currency: string;
  card_last4: string;
  status: string;
  decline_code: string | null;
  created_at: number;
}

export interface TestProcessorCapturesTable {
  id: string;
  authorization_id: string;
  idempotency_key: string;
  amount: number;
  created_at: number;
}

export interface TestProcessorRefundsTable {
  id: string;
  capture_id: string;
  idempotency_key: string;
  amount: number;
  created_at: number;
}

export interface PaymentsTable {
  id: string;
  checkout_id: string;
  order_id: string | null;
  provider: string;
  provider_reference: string | null;
  idempotency_key: string;
  amount: number;
  currency: string;
  /** pending → captured | failed */
  status: string;
  failure_code: string | null;
  failure_message: string | null;
  card_id: string | null;
  test_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface RefundsTable {
  id: string;
  payment_id: string;
  order_id: string;
  idempotency_key: string;
  amount: number;
  reason: string | null;
  provider_reference: string | null;
  /** pending → succeeded | failed */
  status: string;
  created_at: number;
}

export interface LedgerEntriesTable {
  id: string;
  journal_id: string;
  account: string;
  amount: number;
  currency: string;
  order_id: string;
  payment_id: string | null;
  refund_id: string | null;
  created_at: number;
}

export interface PaymentBetaApplicationsTable {
  app_id: string;
  /** pending → approved | rejected */
  status: string;
  use_case: string;
  note: string | null;
  applied_at: number;
  decided_at: number | null;
  decided_by: string | null;
}
