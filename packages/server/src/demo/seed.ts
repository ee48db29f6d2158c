import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Outbox } from '../events/outbox.js';
import * as accounts from '../modules/accounts/accounts.service.js';
import * as apps from '../modules/apps/apps.service.js';
import * as messaging from '../modules/messaging/messaging.service.js';
import * as pages from '../modules/pages/pages.service.js';
import * as payments from '../modules/payments/payments.service.js';
import type { Vault } from '../modules/payments/vault.js';
import * as wallet from '../modules/wallet/wallet.service.js';

/** Fixed demo sign-ins: printed by `npm start` and `tijara credentials`. Never use them in production. */
export const demo = {
  shopper: { email: 'shopper@tijara.test', password: 'shopper-demo-pass', name: 'Salma Haddad' },
  merchant: { email: 'merchant@tijara.test', password: 'merchant-demo-pass', name: 'Karim Mansour' },
  operator: { email: 'operator@tijara.test', password: 'operator-demo-pass', name: 'Platform Operator' },
  page: {
    name: 'Tijara Demo Shop',
    username: 'demo.shop',
    about: 'Hand-picked tea, coffee and spices, delivered.',
    greeting: 'Welcome to the Tijara Demo Shop! Tap Get Started to see what we sell.',
  },
  echoPage: {
    name: 'Echo Bot',
    username: 'demo.echo',
    about: 'Repeats whatever you write: the smallest bot there is.',
    greeting: 'I repeat whatever you write.',
  },
} as const;

export interface DemoBot {
  appId: string;
  appSecret: string;
  pageAccessToken: string;
  verifyToken: string;
  pageId: string;
}

export interface DemoBots {
  shop: DemoBot;
  echo: DemoBot;
  /** The demo shopper's PSID on the shop page: a payments tester there. */
  shopperPsid: string;
}

/** The demo bots' secrets: the platform keeps only a hash of page tokens, so the seed writes them here once. */
const demoBotsFile = (dataDir: string) => path.join(dataDir, 'demo-bots.json');

export function readDemoBots(dataDir: string): DemoBots | null {
  try {
    return JSON.parse(fs.readFileSync(demoBotsFile(dataDir), 'utf8')) as DemoBots;
  } catch {
    return null;
  }
}

export interface DemoCredentials {
  page: { id: string; username: string; name: string; url: string };
  shopper: { email: string; password: string; name: string; psid: string | null };
  merchant: { email: string; password: string; name: string };
  operator: { email: string; password: string };
  app: { id: string; secret: string; pageAccessToken: string; verifyToken: string } | null;
  echo: { page: { id: string; username: string; url: string }; app: { id: string; secret: string; pageAccessToken: string; verifyToken: string } } | null;
}

const year = new Date().getUTCFullYear();

/**
 * The demo: a merchant with two pages (a shop run by examples/shop-bot, and an echo bot), a shopper
 * with a saved test card, an address and contact details, and an operator. Does nothing when the
 * demo merchant exists.
 */
export async function seedDemo(db: Kysely<Database>, outbox: Outbox, vault: Vault, dataDir: string): Promise<boolean> {
  if (await accounts.findAccountByEmail(db, demo.merchant.email)) return false;
  const bots = await db.transaction().execute(async (trx) => {
    const merchant = await accounts.signUp(trx, { ...demo.merchant, role: 'merchant' });
    const shopper = await accounts.signUp(trx, { ...demo.shopper, role: 'shopper' });
    const operator = await accounts.createOperator(trx, demo.operator);
    const shopPage = await pages.createPage(trx, merchant.account.id, demo.page);
    const echoPage = await pages.createPage(trx, merchant.account.id, demo.echoPage);

    await wallet.addCard(trx, vault, shopper.account.id, { number: '4242424242424242', expMonth: 12, expYear: year + 3, cvc: '123', holderName: demo.shopper.name, postalCode: '94025', makeDefault: true });
    await wallet.addAddress(trx, shopper.account.id, { name: demo.shopper.name, street1: '1 Hacker Way', city: 'Menlo Park', state: 'CA', postalCode: '94025', country: 'US', makeDefault: true });
    await wallet.setContact(trx, shopper.account.id, { name: demo.shopper.name, email: demo.shopper.email, phone: '+16505551234' });

    const { thread } = await messaging.openConversation(trx, outbox, shopper.account.id, { username: demo.page.username, ref: 'demo' });
    const connect = async (pageId: string, name: string): Promise<DemoBot> => {
      const app = await apps.createApp(trx, merchant.account.id, { name });
      const connected = await apps.connectPage(trx, app.app.id, pageId, merchant.account.id);
      return { appId: app.app.id, appSecret: app.appSecret, pageAccessToken: connected.pageAccessToken, verifyToken: `verify-${app.app.id}`, pageId };
    };
    const shop = await connect(shopPage.id, 'Tijara Demo Shop Bot');
    const echo = await connect(echoPage.id, 'Tijara Echo Bot');
    await payments.applyForPayments(trx, shop.appId, 'The demo shop: tea, coffee and spices sold with test payments.');
    await payments.decide(trx, shop.appId, true, 'Approved for the demo', operator.account.id);
    return { shop, echo, shopperPsid: thread.shopper.psid };
  });
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(demoBotsFile(dataDir), `${JSON.stringify(bots, null, 2)}\n`, { mode: 0o600 });
  outbox.committed();
  return true;
}

export async function demoCredentials(db: Kysely<Database>, publicUrl: string, dataDir: string): Promise<DemoCredentials | null> {
  const shopper = await accounts.findAccountByEmail(db, demo.shopper.email);
  const merchant = await accounts.findAccountByEmail(db, demo.merchant.email);
  if (!shopper || !merchant) return null;
  const page = await pages.getPageByUsername(db, demo.page.username);
  const echoPage = await pages.getPageByUsername(db, demo.echoPage.username).catch(() => null);
  const bots = readDemoBots(dataDir);
  const app = (bot: DemoBot) => ({ id: bot.appId, secret: bot.appSecret, pageAccessToken: bot.pageAccessToken, verifyToken: bot.verifyToken });
  return {
    page: { id: page.id, username: page.username, name: page.name, url: `${publicUrl}/m/${page.username}` },
    shopper: { email: demo.shopper.email, password: demo.shopper.password, name: shopper.name, psid: bots?.shopperPsid ?? null },
    merchant: { email: demo.merchant.email, password: demo.merchant.password, name: merchant.name },
    operator: { email: demo.operator.email, password: demo.operator.password },
    app: bots ? app(bots.shop) : null,
    echo: bots && echoPage ? { page: { id: echoPage.id, username: echoPage.username, url: `${publicUrl}/m/${echoPage.username}` }, app: app(bots.echo) } : null,
  };
}
