import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient, uniqueEmail } from '../../../test/helpers/client.js';
import { testEngines } from '../../../test/helpers/db.js';
import { openShop, visit } from '../../../test/helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/helpers/server.js';

for (const engine of await testEngines()) {
  describe(`messaging on ${engine}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ engine });
    });
    after(() => server.close());

    test('shopper and page exchange messages, numbered in order, and both see the same history', async () => {
      const shop = await openShop(server.url);
      const { shopper, thread } = await visit(server.url, shop);
      const first = await shopper.post(`/api/threads/${thread.id}/messages`, { clientId: 'c1', text: 'Do you have saffron?' });
      assert.equal(first.status, 201);
      assert.equal(first.body.side, 'shopper');
      assert.match(first.body.id, /^m_/);
      const reply = await shop.merchant.post(`/api/pages/${shop.page.id}/threads/${thread.id}/messages`, { clientId: 'p1', text: 'Yes, 5 g for 4 dinars.' });
      assert.equal(reply.status, 201);
      assert.equal(reply.body.side, 'page');
      const seenByShopper = await shopper.get(`/api/threads/${thread.id}/messages`);
      const seenByPage = await shop.merchant.get(`/api/pages/${shop.page.id}/threads/${thread.id}/messages`);
      assert.deepEqual(seenByShopper.body.data.map((m: { seq: number; text: string }) => [m.seq, m.text]), [[1, 'Do you have saffron?'], [2, 'Yes, 5 g for 4 dinars.']]);
      assert.deepEqual(seenByPage.body.data, seenByShopper.body.data);
    });

    test('resending with the same client id returns the first message and stores nothing new', async () => {
      const shop = await openShop(server.url);
      const { shopper, thread } = await visit(server.url, shop);
      const sends = await Promise.all([1, 2, 3].map(() => shopper.post(`/api/threads/${thread.id}/messages`, { clientId: 'same-tap', text: 'Hello' })));
      const ids = new Set(sends.map((s) => s.body.id));
      assert.equal(ids.size, 1, 'one message for three sends');
      assert.deepEqual(sends.map((s) => s.status).sort(), [200, 200, 201]);
      const history = await shopper.get(`/api/threads/${thread.id}/messages`);
      assert.equal(history.body.data.length, 1);
    });

    test('history pages backwards with a cursor, oldest first within each page', async () => {
      const shop = await openShop(server.url);
      const { shopper, thread } = await visit(server.url, shop);
      for (let i = 1; i <= 7; i++) await shopper.post(`/api/threads/${thread.id}/messages`, { clientId: `m${i}`, text: `message ${i}` });
      const newest = await shopper.get(`/api/threads/${thread.id}/messages?limit=3`);
      assert.deepEqual(newest.body.data.map((m: { text: string }) => m.text), ['message 5', 'message 6', 'message 7']);
      const older = await shopper.get(`/api/threads/${thread.id}/messages?limit=3&before=${newest.body.nextCursor}`);
      assert.deepEqual(older.body.data.map((m: { text: string }) => m.text), ['message 2', 'message 3', 'message 4']);
      const oldest = await shopper.get(`/api/threads/${thread.id}/messages?limit=3&before=${older.body.nextCursor}`);
      assert.deepEqual(oldest.body.data.map((m: { text: string }) => m.text), ['message 1']);
      assert.equal(oldest.body.nextCursor, null);
    });

    test('unread counts follow read marks, and reading implies delivery', async () => {
      const shop = await openShop(server.url);
      const { shopper, thread } = await visit(server.url, shop);
      for (const text of ['one', 'two']) await shop.merchant.post(`/api/pages/${shop.page.id}/threads/${thread.id}/messages`, { clientId: text, text });
      let list = await shopper.get('/api/threads');
      assert.equal(list.body.data[0].unread, 2);
      assert.equal((await shopper.post(`/api/threads/${thread.id}/delivered`, {})).status, 204);
      const afterDelivery = await shop.merchant.get(`/api/pages/${shop.page.id}/threads/${thread.id}`);
      assert.deepEqual(afterDelivery.body.marks.shopper, { deliveredSeq: 2, readSeq: 0 });
      await shopper.post(`/api/threads/${thread.id}/read`, { seq: 1 });
      list = await shopper.get('/api/threads');
      assert.equal(list.body.data[0].unread, 1);
      await shopper.post(`/api/threads/${thread.id}/read`, {});
      await shopper.post(`/api/threads/${thread.id}/read`, { seq: 1 });
      const marks = (await shopper.get(`/api/threads/${thread.id}`)).body.marks.shopper;
      assert.deepEqual(marks, { deliveredSeq: 2, readSeq: 2 }, 'marks never move back');
      assert.equal((await shopper.get('/api/threads')).body.data[0].unread, 0);
    });

    test('the inbox lists conversations by latest activity and pages with a cursor', async () => {
      const shop = await openShop(server.url);
      const visits = [];
      for (const name of ['Ali', 'Badr', 'Chadia']) visits.push(await visit(server.url, shop, name));
      await visits[0]!.shopper.post(`/api/threads/${visits[0]!.thread.id}/messages`, { clientId: 'x', text: 'latest' });
      const first = await shop.merchant.get(`/api/pages/${shop.page.id}/threads?limit=2`);
      assert.deepEqual(first.body.data.map((t: { shopper: { name: string } }) => t.shopper.name), ['Ali', 'Chadia']);
      assert.equal(first.body.data[0].unread, 1);
      const rest = await shop.merchant.get(`/api/pages/${shop.page.id}/threads?limit=2&cursor=${first.body.nextCursor}`);
      assert.deepEqual(rest.body.data.map((t: { shopper: { name: string } }) => t.shopper.name), ['Badr']);
      assert.equal(rest.body.nextCursor, null);
    });

    test('a shopper cannot read or write another shopper\'s conversation, nor a merchant another page\'s', async () => {
      const shop = await openShop(server.url);
      const { thread } = await visit(server.url, shop);
      const stranger = new ApiClient(server.url);
      await stranger.signUp({ email: uniqueEmail() });
      assert.equal((await stranger.get(`/api/threads/${thread.id}/messages`)).status, 404);
      assert.equal((await stranger.post(`/api/threads/${thread.id}/messages`, { clientId: 'a', text: 'hi' })).status, 404);
      const otherShop = await openShop(server.url);
      assert.equal((await otherShop.merchant.get(`/api/pages/${shop.page.id}/threads`)).status, 403);
      assert.equal((await otherShop.merchant.get(`/api/pages/${otherShop.page.id}/threads/${thread.id}`)).status, 404);
    });

    describe('bad input never half-writes', () => {
      const cases: Array<[string, (url: string, threadId: string, client: ApiClient) => Promise<{ status: number; body: any }>, number, RegExp]> = [
        ['malformed JSON', (url, id, c) => c.request('POST', `/api/threads/${id}/messages`, undefined, { headers: { 'content-type': 'application/json' }, raw: '{"clientId": "a", "text": ' }), 400, /not valid JSON/],
        ['a body over 1 MiB', (url, id, c) => c.request('POST', `/api/threads/${id}/messages`, undefined, { headers: { 'content-type': 'application/json' }, raw: JSON.stringify({ clientId: 'a', text: 'x'.repeat(1_100_000) }) }), 413, /larger than 1 MiB/],
        ['an unknown field', (url, id, c) => c.post(`/api/threads/${id}/messages`, { clientId: 'a', text: 'hi', sender: 'page' }), 400, /body\.sender is not a known field/],
        ['text over 2,000 characters', (url, id, c) => c.post(`/api/threads/${id}/messages`, { clientId: 'a', text: 'x'.repeat(2001) }), 400, /body\.text must be at most 2000 characters/],
        ['missing text', (url, id, c) => c.post(`/api/threads/${id}/messages`, { clientId: 'a' }), 400, /body\.text is required/],
        ['blank text', (url, id, c) => c.post(`/api/threads/${id}/messages`, { clientId: 'a', text: '   ' }), 400, /body\.text must not be blank/],
        ['an unknown thread', (url, id, c) => c.post(`/api/threads/01nosuchthread/messages`, { clientId: 'a', text: 'hi' }), 404, /No conversation has the id/],
        ['a text body', (url, id, c) => c.request('POST', `/api/threads/${id}/messages`, undefined, { headers: { 'content-type': 'text/plain' }, raw: 'hi' }), 415, /application\/json/],
      ];
      for (const [name, send, status, message] of cases) {
        test(`${name} → ${status}, a message naming the problem, nothing stored`, async () => {
          const shop = await openShop(server.url);
          const { shopper, thread } = await visit(server.url, shop);
          const reply = await send(server.url, thread.id, shopper);
          assert.equal(reply.status, status, JSON.stringify(reply.body));
          assert.match(reply.body.error.message, message);
          const history = await shopper.get(`/api/threads/${thread.id}/messages`);
          assert.equal(history.body.data.length, 0);
          assert.equal((await shopper.get(`/api/threads/${thread.id}`)).body.lastSeq, 0);
        });
      }
    });
  });
}
