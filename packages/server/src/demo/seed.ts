import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import fs from 'node:fs';
import path from 'node:path';
import * as accounts from '../modules/accounts/accounts.service.js';
import * as apps from '../modules/apps/apps.service.js';
import * as messaging from '../modules/messaging/messaging.service.js';
import * as pages from '../modules/pages/pages.service.js';
import type { Outbox } from '../events/outbox.js';

/** Fixed demo sign-ins: printed by `npm start` and `tijara credentials`. Never use them in production. */
export const demo = {
  shopper: { email: 'shopper@tijara.test', password: 'shopper-demo-pass', name: 'Salma Haddad' },
  merchant: { email: 'merchant@tijara.test', password: 'merchant-demo-pass', name: 'Karim Mansour' },
  operator: { email: 'operator@tijara.test', password: 'operator-demo-pass', name: 'Platform Operator' },
  page: {
    name: 'Tijara Demo Shop',
    username: 'demo.shop',
    about: 'Hand-picked tea, coffee and spices, delivered.',
    greeting: 'Welcome to the Tijara Demo Shop! Ask us anything.',
  },
} as const;

/** The demo bot's secrets: the platform keeps only a hash of the page token, so the seed writes them here once. */
const demoBotFile = (dataDir: string) => path.join(dataDir, 'demo-bot.json');

export interface DemoBot {
  appId: string;
  appSecret: string;
  pageAccessToken: string;
  verifyToken: string;
}

export function readDemoBot(dataDir: string): DemoBot | null {
  try {
    return JSON.parse(fs.readFileSync(demoBotFile(dataDir), 'utf8')) as DemoBot;
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
}

/** Creates the demo merchant, shopper, page and a first conversation; does nothing when they exist. */
export async function seedDemo(db: Kysely<Database>, outbox: Outbox, dataDir: string): Promise<boolean> {
  if (await accounts.findAccountByEmail(db, demo.merchant.email)) return false;
  const bot = await db.transaction().execute(async (trx) => {
    const merchant = await accounts.signUp(trx, { ...demo.merchant, role: 'merchant' });
    const shopper = await accounts.signUp(trx, { ...demo.shopper, role: 'shopper' });
    await accounts.createOperator(trx, demo.operator);
    const page = await pages.createPage(trx, merchant.account.id, demo.page);
    const { thread } = await messaging.openConversation(trx, outbox, shopper.account.id, { username: demo.page.username, ref: 'demo' });
    const access = await messaging.requirePageThread(trx, thread.page.id, thread.id, merchant.account.id);
    await messaging.sendMessage(trx, outbox, access, merchant.account.id, { clientId: 'demo-welcome', text: 'Hello Salma! Our new Ethiopian coffee has just arrived. Tell us what you like and we will suggest something.' });
    const app = await apps.createApp(trx, merchant.account.id, { name: 'Tijara Demo Bot' });
    const connected = await apps.connectPage(trx, app.app.id, page.id, merchant.account.id);
    return { appId: app.app.id, appSecret: app.appSecret, pageAccessToken: connected.pageAccessToken, verifyToken: 'tijara-demo-verify' };
  });
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(demoBotFile(dataDir), `${JSON.stringify(bot, null, 2)}\n`, { mode: 0o600 });
  outbox.committed();
  return true;
}

export async function demoCredentials(db: Kysely<Database>, publicUrl: string, dataDir: string): Promise<DemoCredentials | null> {
  const shopper = await accounts.findAccountByEmail(db, demo.shopper.email);
  const merchant = await accounts.findAccountByEmail(db, demo.merchant.email);
  if (!shopper || !merchant) return null;
  const page = await pages.getPageByUsername(db, demo.page.username);
  const { data } = await messaging.listThreads(db, { shopperId: shopper.id }, { limit: 100 });
  const thread = data.find((candidate) => candidate.page.id === page.id);
  const bot = readDemoBot(dataDir);
  return {
    page: { id: page.id, username: page.username, name: page.name, url: `${publicUrl}/m/${page.username}` },
    shopper: { email: demo.shopper.email, password: demo.shopper.password, name: shopper.name, psid: thread?.shopper.psid ?? null },
    merchant: { email: demo.merchant.email, password: demo.merchant.password, name: merchant.name },
    operator: { email: demo.operator.email, password: demo.operator.password },
    app: bot ? { id: bot.appId, secret: bot.appSecret, pageAccessToken: bot.pageAccessToken, verifyToken: bot.verifyToken } : null,
  };
}
