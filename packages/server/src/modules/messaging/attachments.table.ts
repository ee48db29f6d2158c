export interface AttachmentsTable {
  id: string;
  page_id: string;
  type: string;
  url: string | null;
  content_type: string | null;
  size: number | null;
  bytes: Buffer | null;
  created_at: number;
}
