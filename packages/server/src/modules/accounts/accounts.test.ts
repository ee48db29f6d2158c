import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient, uniqueEmail } from '../../../test/helpers/client.js';
import { testEngines } from '../../../test/helpers/db.js';
import { startTestServer, type TestServer } from '../../../test/helpers/server.js';

for (const engine of await testEngines()) {
  describe(`accounts on ${engine}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ engine, signInRateLimit: 5 });
    });
    after(() => server.close());

    test('a shopper signs up, is signed in at once, and the cookie is HttpOnly and SameSite', async () => {
      const client = new ApiClient(server.url);
      const email = uniqueEmail();
      const reply = await client.signUp({ email: email.toUpperCase(), name: 'Amina' });
      assert.equal(reply.status, 201);
      assert.equal(reply.body.account.email, email, 'emails are stored lower-case');
      assert.equal(reply.body.account.role, 'shopper');
      const cookie = reply.headers.get('set-cookie') ?? '';
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Lax/i);
      const session = await client.get('/api/session');
      assert.equal(session.status, 200);
      assert.equal(session.body.account.name, 'Amina');
    });

    test('signing up twice with one email says the email is taken', async () => {
      const email = uniqueEmail();
      await new ApiClient(server.url).signUp({ email });
      const again = await new ApiClient(server.url).signUp({ email });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'email_taken');
      assert.equal(again.body.error.field, 'body.email');
    });

    test('a short password is refused with a message naming the password', async () => {
      const reply = await new ApiClient(server.url).signUp({ email: uniqueEmail(), password: 'short' });
      assert.equal(reply.status, 400);
      assert.equal(reply.body.error.field, 'body.password');
      assert.match(reply.body.error.message, /at least 8 characters/);
    });

    test('a wrong password and an unknown email get the same answer', async () => {
      const email = uniqueEmail();
      await new ApiClient(server.url).signUp({ email });
      const wrong = await new ApiClient(server.url).signIn(email, 'not the password');
      const unknown = await new ApiClient(server.url).signIn(uniqueEmail('nobody'), 'not the password');
      assert.equal(wrong.status, 401);
      assert.deepEqual(wrong.body, unknown.body);
    });

    test('signing in then out ends the session', async () => {
      const email = uniqueEmail();
      await new ApiClient(server.url).signUp({ email, role: 'merchant' });
      const client = new ApiClient(server.url);
      const signedIn = await client.signIn(email, 'correct horse battery');
      assert.equal(signedIn.status, 200);
      assert.equal(signedIn.body.account.role, 'merchant');
      assert.equal((await client.request('DELETE', '/api/session')).status, 204);
      const cookieAfter = client.cookie;
      assert.equal((await client.get('/api/session')).status, 401, `cookie ${cookieAfter} no longer signs in`);
    });

    test('the language chosen in the app is remembered on the account', async () => {
      const client = new ApiClient(server.url);
      await client.signUp({ email: uniqueEmail() });
      const saved = await client.request('PUT', '/api/session/locale', { locale: 'ar' });
      assert.equal(saved.status, 200);
      assert.equal(saved.body.account.locale, 'ar');
      assert.equal((await client.get('/api/session')).body.account.locale, 'ar');
      const bad = await client.request('PUT', '/api/session/locale', { locale: 'Arabic' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'body.locale');
    });

    test('a cookie-authenticated write without the CSRF token is refused', async () => {
      const client = new ApiClient(server.url);
      await client.signUp({ email: uniqueEmail() });
      const reply = await client.request('DELETE', '/api/session', undefined, { headers: { 'x-csrf-token': 'forged' } });
      assert.equal(reply.status, 403);
      assert.equal(reply.body.error.code, 'csrf_mismatch');
      assert.equal((await client.get('/api/session')).status, 200, 'the session survived');
    });

    test('sign-in attempts are rate limited per email', async () => {
      const email = uniqueEmail();
      await new ApiClient(server.url).signUp({ email });
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 7; attempt++) statuses.push((await new ApiClient(server.url).signIn(email, 'guessing')).status);
      assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
      assert.equal(statuses[6], 429);
      const other = await new ApiClient(server.url).signIn(uniqueEmail('other'), 'guessing');
      assert.equal(other.status, 401, 'another email is not locked out');
    });
  });
}
