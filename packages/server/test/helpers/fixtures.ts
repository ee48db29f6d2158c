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

export interface Bot {
  appId: string;
  appSecret: string;
  token: string;
}

/** A developer app connected to the shop's page: its id, secret and a page access token. */
export async function connectBot(shop: Shop, name = 'Test Bot'): Promise<Bot> {
  const created = await shop.merchant.post('/api/developer/apps', { name });
  if (created.status !== 201) throw new Error(`app creation failed: ${JSON.stringify(created.body)}`);
  const connected = await shop.merchant.post(`/api/developer/apps/${created.body.app.id}/pages`, { pageId: shop.page.id });
  if (connected.status !== 201) throw new Error(`connecting the page failed: ${JSON.stringify(connected.body)}`);
  return { appId: created.body.app.id, appSecret: created.body.appSecret, token: connected.body.pageAccessToken };
}

/** Points the bot's webhook at a URL (the server runs the hub.challenge handshake first). */
export async function subscribeWebhook(shop: Shop, bot: Bot, callbackUrl: string, fields: string[] = ['messages', 'messaging_postbacks', 'message_deliveries', 'message_reads', 'message_echoes', 'messaging_referrals'], verifyToken = 'verify-me') {
  return shop.merchant.request('PUT', `/api/developer/apps/${bot.appId}/webhook`, { callbackUrl, verifyToken, fields });
}

/** A Send API call as the bot. */
export async function graphSend(url: string, bot: Bot, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}/v6.0/me/messages?access_token=${encodeURIComponent(bot.token)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}
