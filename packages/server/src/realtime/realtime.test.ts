import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { ApiClient, uniqueEmail } from '../../test/helpers/client.js';
import { testEngines } from '../../test/helpers/db.js';
import { openShop, visit } from '../../test/helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';

for (const engine of await testEngines()) {
  describe(`live events on ${engine}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ engine });
    });
    after(() => server.close());

    test('a message reaches every open tab of both sides', async () => {
      const shop = await openShop(server.url);
      const { shopper, thread } = await visit(server.url, shop);
      const tabs = await Promise.all([shopper.openSocket(), shopper.openSocket(), shop.merchant.openSocket(), shop.merchant.openSocket()]);
      await Promise.all(tabs.map((tab) => tab.waitFor((f) => f.type === 'ready', 'ready')));
      const sent = await shopper.post(`/api/threads/${thread.id}/messages`, { clientId: 'live-1', text: 'Is the shop open?' });
      for (const tab of tabs) {
        const frame = await tab.waitFor((f) => f.type === 'message.created' && f.message.id === sent.body.id, 'the message');
        assert.equal(frame.threadId, thread.id);
        assert.equal(frame.message.text, 'Is the shop open?');
      }
      tabs.forEach((tab) => tab.close());
    });

    test('a stranger\'s socket gets nothing from the conversation', async () => {
      const shop = await openShop(server.url);
      const { shopper, thread } = await visit(server.url, shop);
      const stranger = new ApiClient(server.url);
      await stranger.signUp({ email: uniqueEmail() });
      const strangerTab = await stranger.openSocket();
      const shopperTab = await shopper.openSocket();
      await shopper.post(`/api/threads/${thread.id}/messages`, { clientId: 'private', text: 'my address is…' });
      await shopperTab.waitFor((f) => f.type === 'message.created', 'own message');
      await server.platform.dispatcher.drain();
      assert.equal(strangerTab.frames.filter((f) => f.type !== 'ready').length, 0);
      strangerTab.close();
      shopperTab.close();
    });

    test('a client that reconnects with the last id it saw receives everything it missed, in order', async () => {
      const shop = await openShop(server.url);
      const { shopper, thread } = await visit(server.url, shop);
      const first = await shopper.openSocket();
      await shopper.post(`/api/threads/${thread.id}/messages`, { clientId: 'before', text: 'before the tunnel' });
      const seen = await first.waitFor((f) => f.type === 'message.created', 'first message');
      first.close();
      for (let i = 1; i <= 5; i++) await shop.merchant.post(`/api/pages/${shop.page.id}/threads/${thread.id}/messages`, { clientId: `missed-${i}`, text: `missed ${i}` });
      await shopper.post(`/api/threads/${thread.id}/read`, {});
      const again = await shopper.openSocket(seen.id);
      const ready = await again.waitFor((f) => f.type === 'ready', 'ready');
      const replayed = again.frames.filter((f) => f.id !== undefined);
      assert.deepEqual(replayed.filter((f) => f.type === 'message.created').map((f) => f.message.text), ['missed 1', 'missed 2', 'missed 3', 'missed 4', 'missed 5']);
      assert.equal(replayed.at(-1).type, 'marks.changed');
      const ids = replayed.map((f) => f.id);
      assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'in event order');
      assert.ok(ids.every((id) => id > seen.id), 'nothing seen before is sent again');
      assert.equal(ready.lastEventId, ids.at(-1));
      again.close();
    });

    test('a socket opened without since starts from now: nothing old is replayed, anything new arrives', async () => {
      const shop = await openShop(server.url);
      const { shopper, thread } = await visit(server.url, shop);
      await shop.merchant.post(`/api/pages/${shop.page.id}/threads/${thread.id}/messages`, { clientId: 'old', text: 'old news' });
      const tab = await shopper.openSocket();
      const ready = await tab.waitFor((f) => f.type === 'ready');
      assert.ok(ready.lastEventId > 0);
      assert.equal(tab.frames.filter((f) => f.type === 'message.created').length, 0);
      await shop.merchant.post(`/api/pages/${shop.page.id}/threads/${thread.id}/messages`, { clientId: 'new', text: 'fresh' });
      const fresh = await tab.waitFor((f) => f.type === 'message.created', 'the new message');
      assert.equal(fresh.message.text, 'fresh');
      tab.close();
    });

    test('typing shows on the other side only and is not replayed', async () => {
      const shop = await openShop(server.url);
      const { shopper, thread } = await visit(server.url, shop);
      const merchantTab = await shop.merchant.openSocket();
      const shopperTab = await shopper.openSocket();
      await Promise.all([merchantTab, shopperTab].map((tab) => tab.waitFor((f) => f.type === 'ready')));
      assert.equal((await shopper.post(`/api/threads/${thread.id}/typing`, { on: true })).status, 204);
      const typing = await merchantTab.waitFor((f) => f.type === 'typing.changed', 'typing');
      assert.deepEqual({ side: typing.side, on: typing.on, threadId: typing.threadId }, { side: 'shopper', on: true, threadId: thread.id });
      assert.equal(shopperTab.frames.some((f) => f.type === 'typing.changed'), false);
      const later = await shop.merchant.openSocket(0);
      await later.waitFor((f) => f.type === 'ready');
      assert.equal(later.frames.some((f) => f.type === 'typing.changed'), false);
      [merchantTab, shopperTab, later].forEach((tab) => tab.close());
    });

    test('the socket refuses anonymous clients and other origins', async () => {
      const anonymous = await new ApiClient(server.url).openSocket().then(
        () => 'opened',
        (error: Error) => error.message,
      );
      assert.match(anonymous, /401/);
      const client = new ApiClient(server.url);
      await client.signUp({ email: uniqueEmail() });
      const status = await new Promise<number>((resolve) => {
        const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/socket`, { headers: { cookie: client.cookie, origin: 'https://evil.example' } });
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('open', () => resolve(101));
      });
      assert.equal(status, 403);
    });
  });
}
