// The shop bot as a process: reads the environment, loads catalog.json and shipping.json, sets the
// page's Get Started button and payment privacy URL, and listens. Built only on @tijara/bot.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { Client } from '@tijara/bot';
import { loadShop } from './catalog.js';
import { configurePage } from './profile.js';
import { createShopBot } from './shop.js';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (see examples/shop-bot/README.md)`);
  return value;
}

function flag(name: string, fallback: boolean): boolean {
  const value = process.env[name]?.trim().toLowerCase();
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new Error(`${name} must be true or false (got ${JSON.stringify(process.env[name])})`);
}

const tijaraUrl = process.env['TIJARA_URL'] ?? 'http://localhost:3000';
const pageAccessToken = required('PAGE_ACCESS_TOKEN');
const appSecret = required('APP_SECRET');
const verifyToken = required('VERIFY_TOKEN');
const port = Number(process.env['PORT'] ?? 3002);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got ${JSON.stringify(process.env['PORT'])})`);
const publicUrl = (process.env['BOT_PUBLIC_URL'] ?? `http://127.0.0.1:${port}`).replace(/\/+$/, '');
const testPayments = flag('TEST_PAYMENTS', true);
const catalogFile = process.env['CATALOG_FILE'] ?? fileURLToPath(new URL('../catalog.json', import.meta.url));
const shippingFile = process.env['SHIPPING_FILE'] ?? fileURLToPath(new URL('../shipping.json', import.meta.url));

const { catalog, shipping } = loadShop(catalogFile, shippingFile);
const shop = createShopBot({ catalog, shipping, pageAccessToken, appSecret, verifyToken, tijaraUrl, publicUrl, testPayments });

// Best effort, as in the echo bot: the shop still answers if the platform is not up yet or the
// token may not change the page's profile.
const testers = (process.env['PAYMENT_TESTERS'] ?? '').split(',').map((psid) => psid.trim()).filter(Boolean);
void configurePage(new Client({ pageAccessToken, appSecret, baseUrl: tijaraUrl }), { merchantName: catalog.merchantName, publicUrl, testers }).then((problems) => {
  for (const problem of problems) console.warn(problem);
});

const server = createServer(shop.handler).listen(port, () => {
  console.log(
    `shop bot listening on http://localhost:${port} (images at ${publicUrl}/images/), talking to ${tijaraUrl}; ` +
      `${catalog.products.length} products in ${catalog.currency}, ${testPayments ? 'test payments' : 'REAL payments'}`,
  );
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void shop.close().then(() => process.exit(0));
  });
}
