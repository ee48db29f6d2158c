export interface CardsTable {
  id: string;
  account_id: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  holder_name: string;
  postal_code: string;
  /** The card number, sealed by the vault (AES-256-GCM). Never a plain column. */
  pan_ciphertext: string;
  fingerprint: string;
  default_at: number | null;
  created_at: number;
  removed_at: number | null;
}

export interface AddressesTable {
  id: string;
  account_id: string;
  name: string;
  street1: string;
  street2: string;
  city: string;
  state: string;
  postal_code: string;
  country: string;
  default_at: number | null;
  created_at: number;
  removed_at: number | null;
}

export interface ContactsTable {
  account_id: string;
  name: string;
  email: string;
  phone: string;
  updated_at: number;
}
