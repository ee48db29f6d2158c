import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { connectBot, openShop } from './helpers/fixtures.js';
import { startTestServer, type TestServer } from './helpers/server.js';

describe('Graph rate limits', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { PROFILE_API_RATE_LIMIT: '3' } });
  });
  after(() => server.close());

  test('a page past its Messenger Profile budget gets error 613; another page is not affected', async () => {
    const busy = await connectBot(await openShop(server.url));
    const calm = await connectBot(await openShop(server.url));
    const call = (token: string) =>
      fetch(`${server.url}/v6.0/me/messenger_profile?access_token=${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ greeting: [{ locale: 'default', text: 'Hello' }] }) }).then(async (r) => ({ status: r.status, body: await r.json() }));
    for (let i = 0; i < 3; i++) assert.equal((await call(busy.token)).status, 200);
    const limited = await call(busy.token);
    assert.equal(limited.status, 400);
    assert.equal(limited.body.error.code, 613);
    assert.equal(limited.body.error.type, 'OAuthException');
    assert.equal((await call(calm.token)).status, 200, 'the limit is per page');
  });
});
