import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient, uniqueEmail, uniqueUsername } from '../../../test/helpers/client.js';
import { testEngines } from '../../../test/helpers/db.js';
import { openShop, visit } from '../../../test/helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/helpers/server.js';

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

for (const engine of await testEngines()) {
  describe(`pages on ${engine}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ engine });
    });
    after(() => server.close());

    test('a merchant creates a page with a Messenger-style numeric id and finds it by username', async () => {
      const { merchant, page } = await openShop(server.url, { name: 'Spice Souk', greeting: 'Marhaba!' });
      assert.match(page.id, /^[1-9][0-9]{14,15}$/);
      assert.equal(page.greeting, 'Marhaba!');
      const publicView = await new ApiClient(server.url).get(`/api/pages/by-username/${page.username.toUpperCase()}`);
      assert.equal(publicView.status, 200);
      assert.equal(publicView.body.id, page.id);
      const mine = await merchant.get('/api/pages/mine');
      assert.deepEqual(mine.body.data.map((p: { id: string }) => p.id), [page.id]);
    });

    test('a taken or reserved username is refused and names the username', async () => {
      const { page } = await openShop(server.url);
      const other = new ApiClient(server.url);
      await other.signUp({ email: uniqueEmail(), role: 'merchant' });
      const taken = await other.post('/api/pages', { name: 'Copy', username: page.username });
      assert.equal(taken.status, 409);
      assert.equal(taken.body.error.field, 'body.username');
      const reserved = await other.post('/api/pages', { name: 'Admin', username: 'admin' });
      assert.equal(reserved.status, 409);
      const badCharacters = await other.post('/api/pages', { name: 'Bad', username: 'Has Spaces' });
      assert.equal(badCharacters.status, 400);
      assert.equal(badCharacters.body.error.field, 'body.username');
    });

    test('shoppers cannot create pages', async () => {
      const shopper = new ApiClient(server.url);
      await shopper.signUp({ email: uniqueEmail() });
      const reply = await shopper.post('/api/pages', { name: 'Mine', username: uniqueUsername() });
      assert.equal(reply.status, 403);
    });

    test('the merchant edits the page and uploads an avatar that is then served', async () => {
      const { merchant, page } = await openShop(server.url);
      const edited = await merchant.request('PATCH', `/api/pages/${page.id}`, { about: 'Open 9 to 5' });
      assert.equal(edited.body.about, 'Open 9 to 5');
      const upload = await merchant.request('PUT', `/api/pages/${page.id}/avatar`, undefined, { headers: { 'content-type': 'image/png' }, raw: png });
      assert.equal(upload.status, 200);
      assert.match(upload.body.avatarUrl, /^\/media\//);
      const image = await fetch(server.url + upload.body.avatarUrl);
      assert.equal(image.headers.get('content-type'), 'image/png');
      assert.deepEqual(Buffer.from(await image.arrayBuffer()), png);
      const lie = await merchant.request('PUT', `/api/pages/${page.id}/avatar`, undefined, { headers: { 'content-type': 'image/png' }, raw: Buffer.from('<svg onload=alert(1)>') });
      assert.equal(lie.status, 400, 'bytes that are not a PNG are refused');
    });

    test('another merchant cannot edit the page', async () => {
      const { page } = await openShop(server.url);
      const intruder = new ApiClient(server.url);
      await intruder.signUp({ email: uniqueEmail(), role: 'merchant' });
      const reply = await intruder.request('PATCH', `/api/pages/${page.id}`, { name: 'Hijacked' });
      assert.equal(reply.status, 403);
    });

    test('a shopper gets a different digits-only PSID on each page, and the same one on a second visit', async () => {
      const shopA = await openShop(server.url);
      const shopB = await openShop(server.url);
      const { shopper, thread } = await visit(server.url, shopA);
      assert.match(thread.shopper.psid, /^[0-9]{15,16}$/);
      const onB = await shopper.post('/api/conversations', { username: shopB.page.username, ref: 'summer-ad' });
      assert.equal(onB.status, 201);
      assert.notEqual(onB.body.shopper.psid, thread.shopper.psid);
      const again = await shopper.post('/api/conversations', { username: shopA.page.username });
      assert.equal(again.status, 200);
      assert.equal(again.body.id, thread.id);
      assert.equal(again.body.shopper.psid, thread.shopper.psid);
    });

    test('opening an unknown username says no page has it', async () => {
      const shopper = new ApiClient(server.url);
      await shopper.signUp({ email: uniqueEmail() });
      const reply = await shopper.post('/api/conversations', { username: 'no.such.page' });
      assert.equal(reply.status, 404);
      assert.equal(reply.body.error.code, 'page_not_found');
    });
  });
}
