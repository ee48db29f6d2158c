import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { buttonTemplate, Client, createWebhookHandler, GraphApiError, nodeHttpAdapter, postbackButton, quickReply } from '@tijara/bot';
import type { ApiClient } from './helpers/client.js';
import { testEngines } from './helpers/db.js';
import { connectBot, openShop, subscribeWebhook, visit } from './helpers/fixtures.js';
import { startTestServer, type TestServer } from './helpers/server.js';

/** Polls the shopper's view of the thread until a message matches: what the person would see appear. */
async function shopperSees(shopper: ApiClient, threadId: string, predicate: (message: any) => boolean, what: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { body } = await shopper.get(`/api/threads/${threadId}/messages?limit=100`);
    const found = body.data.find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`the shopper never saw ${what}; thread: ${JSON.stringify(body.data.map((m: any) => m.text))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

for (const engine of await testEngines()) {
  describe(`a bot built on @tijara/bot, on ${engine}`, () => {
    let server: TestServer;
    let botServer: http.Server;
    const botErrors: unknown[] = [];
    let shop: Awaited<ReturnType<typeof openShop>>;
    let client: Client;

    before(async () => {
      server = await startTestServer({ engine });
      shop = await openShop(server.url, { name: 'Bot Bakery' });
      const bot = await connectBot(shop, 'Bakery Bot');
      client = new Client({ pageAccessToken: bot.token, appSecret: bot.appSecret, baseUrl: server.url });
      const handler = createWebhookHandler({ appSecret: bot.appSecret, verifyToken: 'bakery-verify', onError: (error) => void botErrors.push(error) });
      handler.on('message', async ({ sender, message }) => {
        if (message.quick_reply) await client.sendText(sender.id, `One ${message.quick_reply.payload.toLowerCase()} loaf, coming up.`);
        else if (message.text) await client.sendText(sender.id, `You said: ${message.text}`, { quick_replies: [quickReply('Rye', 'RYE'), quickReply('Spelt', 'SPELT')] });
      });
      handler.on('postback', async ({ sender, postback }) => {
        if (postback.payload === 'GET_STARTED') await client.sendTemplate(sender.id, buttonTemplate('Fresh today. What would you like?', [postbackButton('Bread', 'MENU_BREAD'), postbackButton('Cakes', 'MENU_CAKES')]));
        else await client.sendText(sender.id, `Menu: ${postback.payload}`);
      });
      botServer = http.createServer(nodeHttpAdapter(handler));
      await new Promise<void>((resolve) => botServer.listen(0, '127.0.0.1', resolve));
      const webhook = await subscribeWebhook(shop, bot, `http://127.0.0.1:${(botServer.address() as { port: number }).port}/webhook`, ['messages', 'messaging_postbacks'], 'bakery-verify');
      assert.equal(webhook.status, 200, JSON.stringify(webhook.body));
      await client.setMessengerProfile({ get_started: { payload: 'GET_STARTED' } });
    });

    after(async () => {
      botServer.closeAllConnections();
      await new Promise((resolve) => botServer.close(resolve));
      await server.close();
    });

    test('Get Started, a template, a postback, a message and a quick reply go round the whole loop', async () => {
      const { shopper, thread } = await visit(server.url, shop, 'Nadia');
      await shopper.post(`/api/threads/${thread.id}/postback`, { clientId: 'gs', title: 'Get Started', payload: 'GET_STARTED' });
      const menu = await shopperSees(shopper, thread.id, (m) => m.attachment?.payload?.template_type === 'button', 'the menu template');
      assert.equal(menu.side, 'page');
      assert.deepEqual(menu.attachment.payload.buttons.map((b: any) => b.title), ['Bread', 'Cakes']);

      await shopper.post(`/api/threads/${thread.id}/postback`, { clientId: 'bread', title: 'Bread', payload: 'MENU_BREAD' });
      await shopperSees(shopper, thread.id, (m) => m.text === 'Menu: MENU_BREAD', 'the postback answer');

      await shopper.post(`/api/threads/${thread.id}/messages`, { clientId: 'hi', text: 'Do you bake on Sundays?' });
      const echo = await shopperSees(shopper, thread.id, (m) => m.text === 'You said: Do you bake on Sundays?', 'the echo');
      assert.deepEqual(echo.quickReplies.map((q: any) => q.title), ['Rye', 'Spelt']);

      await shopper.post(`/api/threads/${thread.id}/messages`, { clientId: 'rye', text: 'Rye', quickReply: { payload: 'RYE' } });
      await shopperSees(shopper, thread.id, (m) => m.text === 'One rye loaf, coming up.', 'the quick-reply answer');
      assert.deepEqual(botErrors, []);
    });

    test('a media template shows the bot\'s own upload, named by attachment_id; another page\'s id is refused', async () => {
      const { shopper, thread } = await visit(server.url, shop, 'Media Fan');
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
      const { attachment_id } = await client.uploadAttachment('image', { data: png, filename: 'loaf.png', contentType: 'image/png' });
      await client.sendTemplate(thread.shopper.psid, { template_type: 'media', elements: [{ media_type: 'image', attachment_id }] });
      const shown = await shopperSees(shopper, thread.id, (m) => m.attachment?.payload?.template_type === 'media', 'the media template');
      const url = shown.attachment.payload.elements[0].url;
      assert.match(url, /\/attachments\//);
      assert.deepEqual(Buffer.from(await (await fetch(url)).arrayBuffer()), png);
      await assert.rejects(() => client.sendTemplate(thread.shopper.psid, { template_type: 'media', elements: [{ media_type: 'image', attachment_id: '1234567890123456' }] }), (error: unknown) => error instanceof GraphApiError && /attachment_id/.test(error.apiMessage));
    });

    test('the bot reads the shopper\'s profile with its page token', async () => {
      const { shopper, thread } = await visit(server.url, shop, 'Omar Farouk');
      await shopper.request('PUT', '/api/session/locale', { locale: 'fr' });
      const profile = await client.getUserProfile(thread.shopper.psid, ['first_name', 'last_name', 'locale']);
      assert.deepEqual({ first: profile.first_name, last: profile.last_name, locale: profile.locale }, { first: 'Omar', last: 'Farouk', locale: 'fr_FR' });
    });

    test('a page\'s token cannot message or read another page\'s shoppers', async () => {
      const otherShop = await openShop(server.url, { name: 'Other Shop' });
      const { thread } = await visit(server.url, otherShop);
      for (const call of [() => client.sendText(thread.shopper.psid, 'hello stranger'), () => client.getUserProfile(thread.shopper.psid, ['first_name'])]) {
        await assert.rejects(call, (error: unknown) => {
          assert.ok(error instanceof GraphApiError);
          assert.deepEqual([error.code, error.subcode], [100, 2018001]);
          return true;
        });
      }
    });
  });
}
