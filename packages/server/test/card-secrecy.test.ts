import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { postgresUrl, testEngines } from './helpers/db.js';
import { connectBot, graphSend, openShop, subscribeWebhook, visit } from './helpers/fixtures.js';
import { startReceiver, type Receiver } from './helpers/receiver.js';
import { startTestServer, type TestServer } from './helpers/server.js';

const number = '5555555555554444';
const spaced = '5555 5555 5555 4444';

/** Every byte the platform wrote: the database files (or a dump of the schema) and the log. */
function everythingWritten(server: TestServer, logFile: string): Buffer {
  const parts = [fs.readFileSync(logFile)];
  if (server.schema) {
    parts.push(execFileSync('pg_dump', ['--data-only', '--schema', server.schema, postgresUrl], { maxBuffer: 256 * 1024 * 1024 }));
  } else {
    const dir = server.platform.deps.config.dataDir;
    for (const file of fs.readdirSync(dir)) if (file.startsWith('tijara.sqlite')) parts.push(fs.readFileSync(path.join(dir, file)));
  }
  return Buffer.concat(parts);
}

for (const engine of await testEngines()) {
  describe(`card secrecy on ${engine}`, () => {
    let server: TestServer;
    let hook: Receiver;
    const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tijara-log-')), 'server.log');
    before(async () => {
      server = await startTestServer({ engine, logFile });
      hook = await startReceiver();
      hook.behave((hit) => (hit.body.entry[0].messaging[0].pre_checkout ? { status: 200, body: { success: true } } : 200));
    });
    after(async () => {
      await hook.close();
      await server.close();
    });

    test('after a purchase and a refund, the full card number is nowhere in the database or the logs', async () => {
      const shop = await openShop(server.url);
      const bot = await connectBot(shop);
      await subscribeWebhook(shop, bot, hook.url, ['messaging_payments', 'messaging_pre_checkouts']);
      const { shopper, thread } = await visit(server.url, shop);
      await fetch(`${server.url}/v6.0/me/messenger_profile?access_token=${bot.token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ payment_settings: { privacy_url: 'https://shop.example/privacy', testers: [thread.shopper.psid] } }),
      });
      const saved = await shopper.post('/api/wallet/cards', { number: spaced, expMonth: 4, expYear: new Date().getUTCFullYear() + 2, cvc: '737', holderName: 'Card Holder', postalCode: '1000' });
      assert.equal(saved.status, 201);
      const sent = await graphSend(server.url, bot, {
        recipient: { id: thread.shopper.psid },
        message: { attachment: { type: 'template', payload: { template_type: 'button', text: 'Tea, 100 g', buttons: [{ type: 'payment', title: 'Buy', payload: 'TEA', payment_summary: { currency: 'EUR', payment_type: 'FIXED_AMOUNT', is_test_payment: true, merchant_name: 'Tea', requested_user_info: [], price_list: [{ label: 'Tea', amount: '8.40' }] } }] } } },
      });
      const sheet = await shopper.post(`/api/threads/${thread.id}/checkouts`, { messageId: sent.body.message_id, buttonPath: 'buttons.0' });
      const paid = await shopper.post(`/api/checkouts/${sheet.body.id}/pay`, { idempotencyKey: 'secret-aaaaaaaa', cardId: saved.body.id });
      assert.equal(paid.body.status, 'paid', JSON.stringify(paid.body));
      await shop.merchant.post(`/api/pages/${shop.page.id}/orders/${paid.body.order.id}/refunds`, { idempotencyKey: 'secret-refund-1' });
      await server.platform.webhooks.idle();

      const written = everythingWritten(server, logFile);
      assert.ok(fs.statSync(logFile).size > 0, 'the server did log');
      for (const form of [number, spaced, '5555-5555-5555-4444']) assert.equal(written.includes(Buffer.from(form)), false, `"${form}" was written somewhere`);
      assert.equal(written.includes(Buffer.from('"737"')), false, 'the CVC was written somewhere');
      assert.equal(JSON.stringify(hook.items()).includes(number), false, 'the bot never sees it');
    });
  });
}
