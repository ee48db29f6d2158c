import type { Page, Thread } from '@tijara/protocol';
import { ApiClient, uniqueEmail, uniqueUsername } from './client.js';

export interface Shop {
  merchant: ApiClient;
  page: Page;
}

/** A merchant with a fresh page. */
export async function openShop(url: string, input: { name?: string; greeting?: string } = {}): Promise<Shop> {
  const merchant = new ApiClient(url);
  await merchant.signUp({ email: uniqueEmail('merchant'), role: 'merchant', name: 'Merchant' });
  const reply = await merchant.post<Page>('/api/pages', { name: input.name ?? 'Corner Shop', username: uniqueUsername(), greeting: input.greeting ?? 'Hi!' });
  if (reply.status !== 201) throw new Error(`page creation failed: ${JSON.stringify(reply.body)}`);
  return { merchant, page: reply.body };
}

/** A signed-up shopper with an open conversation with the shop. */
export async function visit(url: string, shop: Shop, name = 'Shopper'): Promise<{ shopper: ApiClient; thread: Thread }> {
  const shopper = new ApiClient(url);
  await shopper.signUp({ email: uniqueEmail('shopper'), name });
  const reply = await shopper.post<Thread>('/api/conversations', { username: shop.page.username });
  if (reply.status !== 201) throw new Error(`conversation failed: ${JSON.stringify(reply.body)}`);
  return { shopper, thread: reply.body };
}
