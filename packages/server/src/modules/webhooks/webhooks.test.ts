import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { testEngines } from '../../../test/helpers/db.js';
import { connectBot, graphSend, openShop, subscribeWebhook, visit } from '../../../test/helpers/fixtures.js';
import { startReceiver, type Receiver } from '../../../test/helpers/receiver.js';
import { startTestServer, type TestServer } from '../../../test/helpers/server.js';
import { isPrivateAddress } from './outbound.js';

const hmac = (algorithm: string, secret: string, raw: string) => createHmac(algorithm, secret).update(raw).digest('hex');

for (const engine of await testEngines()) {
  describe(`webhooks on ${engine}`, () => {
    let server: TestServer;
    const receivers: Receiver[] = [];
    const receiver = async () => {
      const started = await startReceiver();
      receivers.push(started);
      return started;
    };
    before(async () => {
      server = await startTestServer({ engine, env: { WEBHOOK_TIMEOUT_MS: '300' } });
    });
    after(async () => {
      await Promise.all(receivers.map((r) => r.close()));
      await server.close();
    });

    test('a shopper\'s message reaches the bot signed with both headers over the exact ASCII-only bytes, one item per entry', async () => {
      const shop = await openShop(server.url);
      const bot = await connectBot(shop);
      const hook = await receiver();
      assert.equal((await subscribeWebhook(shop, bot, hook.url)).status, 200);
      const { shopper, thread } = await visit(server.url, shop);
      const text = 'Marhaba — مرحبا ☕';
      await shopper.post(`/api/threads/${thread.id}/messages`, { clientId: 'hello', text });
      const item = await hook.waitFor((i) => i.message?.text === text, 'the message');
      const hit = hook.received.find((h) => h.body.entry[0].messaging[0] === item)!;
      assert.ok([...hit.raw].every((char) => char.charCodeAt(0) < 0x80), 'ASCII only');
      assert.ok(hit.raw.includes('\\u0645\\u0631\\u062d\\u0628\\u0627'), 'non-ASCII as lower-case \\u escapes');
      assert.equal(hit.headers['x-hub-signature'], `sha1=${hmac('sha1', bot.appSecret, hit.raw)}`);
      assert.equal(hit.headers['x-hub-signature-256'], `sha256=${hmac('sha256', bot.appSecret, hit.raw)}`);
      assert.equal(hit.body.object, 'page');
      for (const entry of hit.body.entry) assert.equal(entry.messaging.length, 1);
      assert.deepEqual({ sender: item.sender, recipient: item.recipient }, { sender: { id: thread.shopper.psid }, recipient: { id: shop.page.id } });
      assert.match(item.message.mid, /^m_/);
    });

    test('echoes carry app_id and metadata; deliveries and reads carry watermarks', async () => {
      const shop = await openShop(server.url);
      const bot = await connectBot(shop);
      const hook = await receiver();
      await subscribeWebhook(shop, bot, hook.url);
      const { shopper, thread } = await visit(server.url, shop);
      const sent = await graphSend(server.url, bot, { recipient: { id: thread.shopper.psid }, message: { text: 'Your order shipped', metadata: 'order-42' } });
      assert.equal(sent.status, 200);
      const echo = await hook.waitFor((i) => i.message?.is_echo, 'the echo');
      assert.deepEqual(
        { app_id: echo.message.app_id, metadata: echo.message.metadata, mid: echo.message.mid, sender: echo.sender.id, recipient: echo.recipient.id },
        { app_id: Number(bot.appId), metadata: 'order-42', mid: sent.body.message_id, sender: shop.page.id, recipient: thread.shopper.psid },
      );
      const shopperView = await shopper.get(`/api/threads/${thread.id}/messages`);
      assert.equal(JSON.stringify(shopperView.body).includes('order-42'), false, 'metadata is for the app only');
      await shopper.post(`/api/threads/${thread.id}/delivered`, {});
      await shopper.post(`/api/threads/${thread.id}/read`, {});
      const delivery = await hook.waitFor((i) => i.delivery, 'the delivery');
      assert.deepEqual(delivery.delivery.mids, [sent.body.message_id]);
      assert.equal(typeof delivery.delivery.watermark, 'number');
      const read = await hook.waitFor((i) => i.read, 'the read');
      assert.equal(read.read.watermark, delivery.delivery.watermark);
    });

    test('reopening a conversation from a link with ?ref= sends a referral', async () => {
      const shop = await openShop(server.url);
      const bot = await connectBot(shop);
      const hook = await receiver();
      await subscribeWebhook(shop, bot, hook.url);
      const { shopper } = await visit(server.url, shop);
      await shopper.post('/api/conversations', { username: shop.page.username, ref: 'winter-sale' });
      const item = await hook.waitFor((i) => i.referral, 'the referral');
      assert.deepEqual(item.referral, { ref: 'winter-sale', source: 'SHORTLINK', type: 'OPEN_THREAD' });
    });

    test('opening a conversation from an opt-in link sends messaging_optins with its data-ref', async () => {
      const shop = await openShop(server.url);
      const bot = await connectBot(shop);
      const hook = await receiver();
      await subscribeWebhook(shop, bot, hook.url, ['messaging_optins']);
      const { shopper, thread } = await visit(server.url, shop);
      await shopper.post('/api/conversations', { username: shop.page.username, optin: 'newsletter-footer' });
      const item = await hook.waitFor((i) => i.optin, 'the opt-in');
      assert.deepEqual(item, { sender: { id: thread.shopper.psid }, recipient: { id: shop.page.id }, timestamp: item.timestamp, optin: { ref: 'newsletter-footer' } });
    });

    test('a webhook is saved only after the hub.challenge handshake passes', async () => {
      const shop = await openShop(server.url);
      const bot = await connectBot(shop);
      const hook = await receiver();
      const refused = await subscribeWebhook(shop, bot, hook.url, ['messages'], 'not-the-token');
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.field, 'body.callbackUrl');
      assert.match(refused.body.error.message, /403/);
      const app = await shop.merchant.get(`/api/developer/apps/${bot.appId}`);
      assert.equal(app.body.webhook, null);
    });

    test('a bot that fails for a while still gets every event of a conversation, once each, in order', async () => {
      const shop = await openShop(server.url);
      const bot = await connectBot(shop);
      const hook = await receiver();
      await subscribeWebhook(shop, bot, hook.url, ['messages']);
      let failures = 0;
      hook.behave(() => (failures++ < 6 ? 500 : 200));
      const { shopper, thread } = await visit(server.url, shop);
      for (let i = 1; i <= 5; i++) await shopper.post(`/api/threads/${thread.id}/messages`, { clientId: `n${i}`, text: `note ${i}` });
      await hook.waitFor((i) => i.message?.text === 'note 5', 'the last note');
      await server.platform.webhooks.idle();
      assert.deepEqual(hook.items().map((i) => i.message.text), ['note 1', 'note 2', 'note 3', 'note 4', 'note 5']);
      assert.ok(failures > 6, 'the bot did fail first');
    });

    test('a bot that hangs never holds up another page\'s deliveries, and catches up in order once it answers', async () => {
      const stuck = await openShop(server.url);
      const stuckBot = await connectBot(stuck);
      const stuckHook = await receiver();
      await subscribeWebhook(stuck, stuckBot, stuckHook.url, ['messages']);
      stuckHook.behave(() => 'hang');
      const healthy = await openShop(server.url);
      const healthyBot = await connectBot(healthy);
      const healthyHook = await receiver();
      await subscribeWebhook(healthy, healthyBot, healthyHook.url, ['messages']);

      const stuckVisits = await Promise.all([1, 2, 3].map((i) => visit(server.url, stuck, `Waiting ${i}`)));
      for (const [i, { shopper, thread }] of stuckVisits.entries()) {
        for (const n of [1, 2]) await shopper.post(`/api/threads/${thread.id}/messages`, { clientId: `s${n}`, text: `stuck ${i}.${n}` });
      }
      const { shopper, thread } = await visit(server.url, healthy);
      await shopper.post(`/api/threads/${thread.id}/messages`, { clientId: 'h', text: 'healthy hello' });
      await healthyHook.waitFor((i) => i.message?.text === 'healthy hello', 'the healthy page\'s message');
      assert.equal(stuckHook.received.length, 0, 'the stuck bot has answered nothing yet');

      stuckHook.behave(() => 200);
      await stuckHook.waitFor((i) => i.message?.text === 'stuck 2.2');
      await server.platform.webhooks.idle();
      for (const i of [0, 1, 2]) {
        const texts = stuckHook.items().filter((item) => item.sender.id === stuckVisits[i]!.thread.shopper.psid).map((item) => item.message.text);
        assert.deepEqual(texts, [`stuck ${i}.1`, `stuck ${i}.2`]);
      }
    });

    test('the delivery log shows status, latency and the answer, and a resend sends the same bytes again', async () => {
      const shop = await openShop(server.url);
      const bot = await connectBot(shop);
      const hook = await receiver();
      await subscribeWebhook(shop, bot, hook.url, ['messages']);
      const { shopper, thread } = await visit(server.url, shop);
      await shopper.post(`/api/threads/${thread.id}/messages`, { clientId: 'log', text: 'log me' });
      await hook.waitFor((i) => i.message?.text === 'log me');
      await server.platform.webhooks.idle();
      const log = await shop.merchant.get(`/api/developer/apps/${bot.appId}/deliveries`);
      const entry = log.body.data[0];
      assert.equal(entry.status, 'delivered');
      assert.equal(entry.lastStatusCode, 200);
      assert.equal(typeof entry.lastLatencyMs, 'number');
      assert.match(entry.lastResponse, /ok/);
      const resent = await shop.merchant.post(`/api/developer/apps/${bot.appId}/deliveries/${entry.id}/resend`);
      assert.equal(resent.status, 201);
      await server.platform.webhooks.idle();
      assert.equal(hook.received.length, 2);
      assert.equal(hook.received[1]!.raw, hook.received[0]!.raw);
    });
  });
}

describe('webhook health', () => {
  let server: TestServer;
  let hook: Receiver;
  before(async () => {
    server = await startTestServer({ env: { WEBHOOK_WARN_AFTER_MS: '150', WEBHOOK_DISABLE_AFTER_MS: '500', WEBHOOK_TIMEOUT_MS: '300' } });
    hook = await startReceiver();
  });
  after(async () => {
    await hook.close();
    await server.close();
  });

  test('a bot failing for too long is warned about, then disabled with the reason; saving the webhook again delivers everything in order', async () => {
    const shop = await openShop(server.url);
    const bot = await connectBot(shop);
    await subscribeWebhook(shop, bot, hook.url, ['messages']);
    hook.behave(() => 503);
    const { shopper, thread } = await visit(server.url, shop);
    for (const n of [1, 2, 3]) await shopper.post(`/api/threads/${thread.id}/messages`, { clientId: `d${n}`, text: `during outage ${n}` });
    let app;
    for (let i = 0; i < 200; i++) {
      app = (await shop.merchant.get(`/api/developer/apps/${bot.appId}`)).body;
      if (app.webhook.disabledAt) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(app.webhook.warnedAt, 'a warning was raised first');
    assert.ok(app.webhook.disabledAt, 'the webhook was disabled');
    assert.match(app.webhook.disabledReason, /HTTP 503/);
    assert.equal(hook.received.length, 0);

    hook.behave(() => 200);
    const resumed = await subscribeWebhook(shop, bot, hook.url, ['messages']);
    assert.equal(resumed.body.webhook.disabledAt, null);
    await hook.waitFor((i) => i.message?.text === 'during outage 3');
    await server.platform.webhooks.idle();
    assert.deepEqual(hook.items().map((i) => i.message.text), ['during outage 1', 'during outage 2', 'during outage 3']);
  });
});

describe('webhook targets', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { WEBHOOK_ALLOW_PRIVATE: 'false' } });
  });
  after(() => server.close());

  test('callback URLs on loopback or private networks are refused unless the setting allows them', async () => {
    const shop = await openShop(server.url);
    const bot = await connectBot(shop);
    for (const url of ['http://127.0.0.1:9/webhook', 'http://localhost:9/webhook', 'http://[::1]:9/hook', 'http://10.1.2.3/hook', 'http://169.254.169.254/latest', 'ftp://example.com/hook']) {
      const reply = await subscribeWebhook(shop, bot, url, ['messages']);
      assert.equal(reply.status, 400, url);
      assert.equal(reply.body.error.field, 'body.callbackUrl');
    }
  });

  test('private, loopback, link-local and mapped addresses are recognised', () => {
    for (const address of ['127.0.0.1', '10.0.0.8', '172.20.1.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) assert.equal(isPrivateAddress(address), true, address);
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) assert.equal(isPrivateAddress(address), false, address);
  });
});

describe('webhook TLS', () => {
  let server: TestServer;
  let tlsServer: https.Server;
  let port = 0;
  before(async () => {
    server = await startTestServer();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tijara-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    tlsServer = https.createServer({ key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) }, (request, response) => {
      response.end(new URL(request.url ?? '/', 'https://x').searchParams.get('hub.challenge') ?? '');
    });
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
    port = (tlsServer.address() as { port: number }).port;
  });
  after(async () => {
    await new Promise((resolve) => tlsServer.close(resolve));
    await server.close();
  });

  test('a callback with a certificate nobody vouches for is refused with the reason', async () => {
    const shop = await openShop(server.url);
    const bot = await connectBot(shop);
    const reply = await subscribeWebhook(shop, bot, `https://127.0.0.1:${port}/webhook`, ['messages']);
    assert.equal(reply.status, 400);
    assert.match(reply.body.error.message, /certificate/i);
  });
});
