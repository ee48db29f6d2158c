export interface AccountsTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  locale: string | null;
  created_at: number;
}

export interface SessionsTable {
  token_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}
