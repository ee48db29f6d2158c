import assert from 'node:assert/strict';
import http from 'node:http';
import type net from 'node:net';
import { fileURLToPath } from 'node:url';
import { Client } from '@tijara/bot';
import type { Thread } from '@tijara/protocol';
import { loadShop } from '../../../../examples/shop-bot/src/catalog.js';
import { configurePage } from '../../../../examples/shop-bot/src/profile.js';
import { createShopBot, type ShopBot } from '../../../../examples/shop-bot/src/shop.js';
import type { ApiClient } from '../helpers/client.js';
import { connectBot, openShop, subscribeWebhook, visit, type Bot, type Shop } from '../helpers/fixtures.js';
import type { TestServer } from '../helpers/server.js';

const verifyToken = 'souk-verify';
const paymentFields = ['messages', 'messaging_postbacks', 'messaging_payments', 'messaging_checkout_updates', 'messaging_pre_checkouts'];
const shopFile = (name: string) => fileURLToPath(new URL(`../../../../examples/shop-bot/${name}`, import.meta.url));

export const year = new Date().getFullYear() + 3;

export interface ShopScene {
  shop: Shop;
  bot: Bot;
  shopBot: ShopBot;
  botUrl: string;
  shopper: ApiClient;
  shopperEmail: string;
  thread: Thread;
  close(): Promise<void>;
}

/**
 * The real shop bot (examples/shop-bot) on loopback, selling on a fresh merchant's page, and a
 * shopper with a conversation, a saved Visa, a US address and contact details, who is one of the
 * page's payment testers (test payments before the payments beta).
 */
export async function openShopScene(server: TestServer): Promise<ShopScene> {
  const shop = await openShop(server.url, { name: 'Souk & Steep', greeting: 'Teas, coffees and spices.' });
  const bot = await connectBot(shop, 'Souk Bot');

  // Listen first: the bot needs its own public URL (pictures, privacy page) when it is built.
  let handler: http.RequestListener = (_request, response) => response.writeHead(503).end();
  const listener = http.createServer((request, response) => handler(request, response));
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const botUrl = `http://127.0.0.1:${(listener.address() as net.AddressInfo).port}`;
  const { catalog, shipping } = loadShop(shopFile('catalog.json'), shopFile('shipping.json'));
  const quiet = { info: () => undefined, warn: () => undefined, error: (...args: unknown[]) => console.error(...args) };
  const shopBot = createShopBot({ catalog, shipping, pageAccessToken: bot.token, appSecret: bot.appSecret, verifyToken, tijaraUrl: server.url, publicUrl: botUrl, testPayments: true, log: quiet });
  handler = shopBot.handler;

  const subscribed = await subscribeWebhook(shop, bot, `${botUrl}/webhook`, paymentFields, verifyToken);
  assert.equal(subscribed.status, 200, JSON.stringify(subscribed.body));

  const { shopper, thread } = await visit(server.url, shop, 'Amira Haddad');
  const problems = await configurePage(new Client({ pageAccessToken: bot.token, appSecret: bot.appSecret, baseUrl: server.url }), {
    merchantName: catalog.merchantName,
    publicUrl: botUrl,
    testers: [thread.shopper.psid],
  });
  assert.deepEqual(problems, [], 'the bot set Get Started, the privacy URL and the tester');

  const card = await shopper.post('/api/wallet/cards', { number: '4242 4242 4242 4242', expMonth: 11, expYear: year, cvc: '123', holderName: 'Amira Haddad', postalCode: '94025', makeDefault: true });
  assert.equal(card.status, 201, JSON.stringify(card.body));
  const address = await shopper.post('/api/wallet/addresses', { name: 'Amira Haddad', street1: '1 Hacker Way', city: 'Menlo Park', state: 'CA', postalCode: '94025', country: 'US', makeDefault: true });
  assert.equal(address.status, 201, JSON.stringify(address.body));
  const contact = await shopper.request('PUT', '/api/wallet/contact', { name: 'Amira Haddad', email: 'amira@example.test', phone: '+16505550100' });
  assert.equal(contact.status, 200, JSON.stringify(contact.body));

  return {
    shop,
    bot,
    shopBot,
    botUrl,
    shopper,
    shopperEmail: shopper.session!.account.email,
    thread,
    async close() {
      await shopBot.close();
      await new Promise((resolve) => listener.close(resolve));
    },
  };
}
