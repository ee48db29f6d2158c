import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import * as accounts from '../modules/accounts/accounts.service.js';
import * as messaging from '../modules/messaging/messaging.service.js';
import * as pages from '../modules/pages/pages.service.js';
import type { Outbox } from '../events/outbox.js';

/** Fixed demo sign-ins: printed by `npm start` and `tijara credentials`. Never use them in production. */
export const demo = {
  shopper: { email: 'shopper@tijara.test', password: 'shopper-demo-pass', name: 'Salma Haddad' },
  merchant: { email: 'merchant@tijara.test', password: 'merchant-demo-pass', name: 'Karim Mansour' },
  page: {
    name: 'Tijara Demo Shop',
    username: 'demo.shop',
    about: 'Hand-picked tea, coffee and spices, delivered.',
    greeting: 'Welcome to the Tijara Demo Shop! Ask us anything.',
  },
} as const;

export interface DemoCredentials {
  page: { id: string; username: string; name: string; url: string };
  shopper: { email: string; password: string; name: string; psid: string | null };
  merchant: { email: string; password: string; name: string };
}

/** Creates the demo merchant, shopper, page and a first conversation; does nothing when they exist. */
export async function seedDemo(db: Kysely<Database>, outbox: Outbox): Promise<boolean> {
  if (await accounts.findAccountByEmail(db, demo.merchant.email)) return false;
  await db.transaction().execute(async (trx) => {
    const merchant = await accounts.signUp(trx, { ...demo.merchant, role: 'merchant' });
    const shopper = await accounts.signUp(trx, { ...demo.shopper, role: 'shopper' });
    await pages.createPage(trx, merchant.account.id, demo.page);
    const { thread } = await messaging.openConversation(trx, outbox, shopper.account.id, { username: demo.page.username, ref: 'demo' });
    const access = await messaging.requirePageThread(trx, thread.page.id, thread.id, merchant.account.id);
    await messaging.sendMessage(trx, outbox, access, merchant.account.id, { clientId: 'demo-welcome', text: 'Hello Salma! Our new Ethiopian coffee has just arrived. Tell us what you like and we will suggest something.' });
  });
  outbox.committed();
  return true;
}

export async function demoCredentials(db: Kysely<Database>, publicUrl: string): Promise<DemoCredentials | null> {
  const shopper = await accounts.findAccountByEmail(db, demo.shopper.email);
  const merchant = await accounts.findAccountByEmail(db, demo.merchant.email);
  if (!shopper || !merchant) return null;
  const page = await pages.getPageByUsername(db, demo.page.username);
  const { data } = await messaging.listThreads(db, { shopperId: shopper.id }, { limit: 100 });
  const thread = data.find((candidate) => candidate.page.id === page.id);
  return {
    page: { id: page.id, username: page.username, name: page.name, url: `${publicUrl}/m/${page.username}` },
    shopper: { email: demo.shopper.email, password: demo.shopper.password, name: shopper.name, psid: thread?.shopper.psid ?? null },
    merchant: { email: demo.merchant.email, password: demo.merchant.password, name: merchant.name },
  };
}
