export interface PagesTable {
  id: string;
  username: string;
  name: string;
  about: string;
  greeting: string;
  avatar_media_id: string | null;
  owner_account_id: string;
  created_at: number;
  updated_at: number;
}

export interface PageMembersTable {
  page_id: string;
  account_id: string;
  role: string;
  created_at: number;
}

export interface MediaTable {
  id: string;
  owner_account_id: string | null;
  content_type: string;
  size: number;
  bytes: Buffer;
  created_at: number;
}

export interface MessengerProfilesTable {
  page_id: string;
  field: string;
  /** JSON of the property as the bot set it. */
  value: string;
  updated_at: number;
}
