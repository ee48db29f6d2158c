export interface AppsTable {
  id: string;
  name: string;
  owner_account_id: string;
  secret: string;
  secret_rotated_at: number;
  require_proof_at: number | null;
  created_at: number;
}

export interface PageTokensTable {
  id: string;
  app_id: string;
  page_id: string;
  token_hash: string;
  /** The token's last characters, so people can tell tokens apart in the console. */
  hint: string;
  created_at: number;
  revoked_at: number | null;
}

export interface WebhookSubscriptionsTable {
  app_id: string;
  callback_url: string;
  verify_token: string;
  /** JSON array of webhook field names. */
  fields: string;
  created_at: number;
  updated_at: number;
  failing_since: number | null;
  warned_at: number | null;
  disabled_at: number | null;
  disabled_reason: string | null;
}

export interface PageSubscribedAppsTable {
  page_id: string;
  app_id: string;
  fields: string;
  created_at: number;
}
