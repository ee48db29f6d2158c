// Test support: the shop bot on loopback, a node:http stand-in for the Tijara Graph API that
// records what the bot sends, and signed webhook deliveries (as the platform sends them).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { signWebhookBody, type WebhookAddress } from '@tijara/bot';
import { loadShop, type Catalog, type ShippingRules } from './catalog.js';
import { createShopBot, type ShopBot, type ShopBotOptions } from './shop.js';

export const appSecret = 'shop-app-secret';
export const verifyToken = 'shop-verify-token';
export const pageToken = 'EAA-shop-page-token';
export const pageId = '1000000000000001';

export interface GraphCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** What the stand-in answered. */
  status: number;
}

export function shippedShop(): { catalog: Catalog; shipping: ShippingRules } {
  return loadShop(fileURLToPath(new URL('../catalog.json', import.meta.url)), fileURLToPath(new URL('../shipping.json', import.meta.url)));
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export interface Harness {
  shop: ShopBot;
  botUrl: string;
  calls: GraphCall[];
  /** Makes the next `count` sends fail with a transient Graph error. */
  failSends(count: number): void;
  /** The page's Messenger Profile as the stand-in holds it. */
  profile: Record<string, unknown>;
  /** Makes every Messenger Profile change fail (a token without the right). */
  refuseProfileChanges(): void;
  graphUrl: string;
  /** POSTs one signed envelope with these messaging items; resolves to the webhook's answer. */
  deliver(...items: object[]): Promise<{ status: number; text: string; json: unknown }>;
  /** The `message` of every accepted Send API call to `psid`, in order. */
  sentTo(psid: string): Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startHarness(overrides: Partial<ShopBotOptions> = {}): Promise<Harness> {
  const calls: GraphCall[] = [];
  let failures = 0;
  const profile: Record<string, unknown> = {};
  let refuseProfile = false;
  let sequence = 0;
  const graph = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://graph.test');
      const text = Buffer.concat(chunks).toString('utf8');
      const call: GraphCall = { method: req.method ?? '', path: url.pathname, query: url.searchParams, body: text ? JSON.parse(text) : undefined, status: 200 };
      calls.push(call);
      const reply = (status: number, body: unknown) => {
        call.status = status;
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (req.method === 'POST' && url.pathname === '/v6.0/me/messages') {
        if (failures > 0) {
          failures--;
          return reply(503, { error: { message: '(#2) Service temporarily unavailable', type: 'OAuthException', code: 2, is_transient: true } });
        }
        return reply(200, { recipient_id: 'psid', message_id: `m_${++sequence}` });
      }
      // Messenger Profile: each top-level property is replaced as a whole, as on Tijara (§6.4).
      if (url.pathname === '/v6.0/me/messenger_profile') {
        if (req.method === 'POST') {
          if (refuseProfile) return reply(403, { error: { message: '(#200) Permissions error', type: 'OAuthException', code: 200 } });
          Object.assign(profile, call.body);
          return reply(200, { result: 'success' });
        }
        const fields = (url.searchParams.get('fields') ?? '').split(',');
        return reply(200, { data: [Object.fromEntries(Object.entries(profile).filter(([key]) => fields.includes(key)))] });
      }
      if (req.method === 'GET') return reply(200, { id: url.pathname.split('/').at(-1), first_name: 'Amira' });
      return reply(200, { result: 'success' });
    });
  });
  const graphUrl = await listen(graph);

  // The bot's public URL (for its images) is known once it listens, so the shop is made after.
  const bot = createServer((req, res) => shop.handler(req, res));
  const botUrl = await listen(bot);
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const { catalog, shipping } = shippedShop();
  const shop = createShopBot({ catalog, shipping, pageAccessToken: pageToken, appSecret, verifyToken, tijaraUrl: graphUrl, publicUrl: botUrl, log: quiet, ...overrides });

  return {
    shop,
    botUrl,
    calls,
    failSends(count) {
      failures = count;
    },
    profile,
    refuseProfileChanges() {
      refuseProfile = true;
    },
    graphUrl,
    async deliver(...items) {
      const body = JSON.stringify({ object: 'page', entry: [{ id: pageId, time: Date.now(), messaging: items }] });
      const response = await fetch(`${botUrl}/webhook`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...signWebhookBody(appSecret, body) } });
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: response.status, text, json };
    },
    sentTo(psid) {
      return calls
        .filter((call) => call.method === 'POST' && call.path === '/v6.0/me/messages' && call.status === 200)
        .map((call) => call.body as { recipient: { id: string }; message?: Record<string, unknown> })
        .filter((body) => body.recipient.id === psid && body.message !== undefined)
        .map((body) => body.message as Record<string, unknown>);
    },
    async close() {
      await shop.close();
      await Promise.all([stop(bot), stop(graph)]);
    },
  };
}

// Messaging items as the platform sends them (§4.4–4.6, §5.3).
const party = (psid: string) => ({ sender: { id: psid }, recipient: { id: pageId }, timestamp: Date.now() });

export const postback = (psid: string, payload: string) => ({ ...party(psid), postback: { title: payload, payload } });
export const text = (psid: string, value: string, mid = `mid.${Math.random().toString(36).slice(2)}`) => ({ ...party(psid), message: { mid, text: value } });

export const usAddress: WebhookAddress = { street1: '1 Hacker Way', street2: 'Suite 2', city: 'Menlo Park', state: 'CA', country: 'US', postal_code: '94025' };

export const checkoutUpdate = (psid: string, payload: string, country: string) => ({
  ...party(psid),
  checkout_update: { payload, shipping_address: { ...usAddress, id: 10105655000959552, country } },
});

export const preCheckout = (psid: string, payload: string, amount: string, address: WebhookAddress = usAddress, currency = 'USD') => ({
  ...party(psid),
  pre_checkout: { payload, requested_user_info: { shipping_address: { name: 'Amira Ben Ali', ...address }, contact_name: 'Amira Ben Ali' }, amount: { currency, amount } },
});

export const payment = (
  psid: string,
  payload: string,
  amount: string,
  options: { fbPaymentId?: string; chargeId?: string; shippingOptionId?: string; address?: WebhookAddress; timestamp?: number } = {},
) => ({
  ...party(psid),
  ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  payment: {
    payload,
    requested_user_info: { shipping_address: options.address ?? usAddress, contact_name: 'Amira Ben Ali', contact_email: 'amira@example.com' },
    payment_credential: { provider_type: 'stripe', charge_id: options.chargeId ?? 'ch_1', fb_payment_id: options.fbPaymentId ?? 'pay_1' },
    amount: { currency: 'USD', amount },
    ...(options.shippingOptionId ? { shipping_option_id: options.shippingOptionId } : {}),
  },
});

/** Polls until `read` returns a non-empty list (for sends that do not hold up the webhook's answer). */
export async function waitFor<T>(read: () => T[], timeoutMs = 2000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = read();
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
