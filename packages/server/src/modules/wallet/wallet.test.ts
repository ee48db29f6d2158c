import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { ApiClient, uniqueEmail } from '../../../test/helpers/client.js';
import { testEngines } from '../../../test/helpers/db.js';
import { startTestServer, type TestServer } from '../../../test/helpers/server.js';

const visa = { number: '4242 4242 4242 4242', expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123', holderName: 'Salma Haddad', postalCode: '1002' };

for (const engine of await testEngines()) {
  describe(`wallet on ${engine}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ engine });
    });
    after(() => server.close());

    const shopper = async () => {
      const client = new ApiClient(server.url);
      await client.signUp({ email: uniqueEmail() });
      return client;
    };

    test('a saved card shows only its brand, last four digits and a token', async () => {
      const client = await shopper();
      const saved = await client.post('/api/wallet/cards', visa);
      assert.equal(saved.status, 201);
      assert.deepEqual({ brand: saved.body.brand, last4: saved.body.last4, isDefault: saved.body.isDefault }, { brand: 'visa', last4: '4242', isDefault: true });
      assert.match(saved.body.id, /^card_/);
      const wallet = await client.get('/api/wallet');
      assert.equal(JSON.stringify(wallet.body).includes('4242424242424242'), false);
      assert.equal(JSON.stringify(wallet.body).includes('"123"'), false, 'the CVC is not kept');
    });

    test('the card number is stored only as ciphertext', async () => {
      const client = await shopper();
      const number = '5555555555554444';
      await client.post('/api/wallet/cards', { ...visa, number });
      const { rows } = await sql<{ pan_ciphertext: string }>`select pan_ciphertext from cards where last4 = '4444'`.execute(server.platform.deps.db);
      assert.ok(rows.length > 0);
      for (const row of rows) assert.equal(row.pan_ciphertext.includes(number), false);
      if (engine === 'sqlite') {
        const dir = server.platform.deps.config.dataDir;
        for (const file of fs.readdirSync(dir).filter((f) => f.startsWith('tijara.sqlite'))) {
          assert.equal(fs.readFileSync(path.join(dir, file)).includes(Buffer.from(number)), false, `${file} holds no card number`);
        }
      }
    });

    test('bad cards are refused with a message naming the field', async () => {
      const client = await shopper();
      const cases: Array<[Record<string, unknown>, string, RegExp]> = [
        [{ number: '4242 4242 4242 4241' }, 'body.number', /not valid/],
        [{ number: '9999 9999 9999 9995' }, 'body.number', /brand is not supported/],
        [{ expMonth: 1, expYear: 2020 }, 'body.expMonth', /expired/],
        [{ number: '378282246310005', cvc: '123' }, 'body.cvc', /4 digits/],
        [{ cvc: '12a' }, 'body.cvc', /3 digits/],
        [{ number: 'abcd efgh ijkl mnop' }, 'body.number', /only contain digits/],
      ];
      for (const [change, field, message] of cases) {
        const reply = await client.post('/api/wallet/cards', { ...visa, ...change });
        assert.equal(reply.status, 400, JSON.stringify(change));
        assert.equal(reply.body.error.field, field);
        assert.match(reply.body.error.message, message);
      }
      assert.equal((await client.get('/api/wallet')).body.cards.length, 0, 'nothing was saved');
    });

    test('the shopper picks a default card, saving a card twice updates it, and a removed card is gone', async () => {
      const client = await shopper();
      const first = (await client.post('/api/wallet/cards', visa)).body;
      const second = (await client.post('/api/wallet/cards', { ...visa, number: '378282246310005', cvc: '1234' })).body;
      assert.equal(second.brand, 'amex');
      assert.equal(second.isDefault, false, 'a card added later does not take over as the default');
      assert.equal((await client.post(`/api/wallet/cards/${first.id}/default`)).status, 204);
      let cards = (await client.get('/api/wallet')).body.cards;
      assert.deepEqual(cards.filter((c: any) => c.isDefault).map((c: any) => c.id), [first.id]);
      const again = await client.post('/api/wallet/cards', { ...visa, expYear: visa.expYear + 1 });
      assert.equal(again.body.id, first.id);
      assert.equal(again.body.expYear, visa.expYear + 1);
      assert.equal((await client.request('DELETE', `/api/wallet/cards/${first.id}`)).status, 204);
      cards = (await client.get('/api/wallet')).body.cards;
      assert.deepEqual(cards.map((c: any) => [c.id, c.isDefault]), [[second.id, true]]);
      assert.equal((await client.request('DELETE', `/api/wallet/cards/${first.id}`)).status, 404);
    });

    test('addresses and contact details are saved, defaulted and checked', async () => {
      const client = await shopper();
      const home = (await client.post('/api/wallet/addresses', { name: 'Salma Haddad', street1: '12 Rue de Marseille', city: 'Tunis', postalCode: '1000', country: 'tn' })).body;
      assert.equal(home.country, 'TN');
      const work = (await client.post('/api/wallet/addresses', { name: 'Salma Haddad', street1: '3 Avenue Habib Bourguiba', city: 'Sousse', postalCode: '4000', country: 'TN', makeDefault: true })).body;
      let wallet = (await client.get('/api/wallet')).body;
      assert.deepEqual(wallet.addresses.filter((a: any) => a.isDefault).map((a: any) => a.id), [work.id]);
      await client.post(`/api/wallet/addresses/${home.id}/default`);
      wallet = (await client.get('/api/wallet')).body;
      assert.deepEqual(wallet.addresses.filter((a: any) => a.isDefault).map((a: any) => a.id), [home.id]);
      const badCountry = await client.post('/api/wallet/addresses', { name: 'x', street1: 'y', city: 'z', postalCode: '1', country: 'TUN' });
      assert.equal(badCountry.body.error.field, 'body.country');
      assert.equal((await client.request('PUT', '/api/wallet/contact', { name: 'Salma', email: 'salma@example.test', phone: '+216 55 123 456' })).body.phone, '+21655123456');
      const badPhone = await client.request('PUT', '/api/wallet/contact', { name: 'Salma', email: 'salma@example.test', phone: '55 123' });
      assert.equal(badPhone.body.error.field, 'body.phone');
    });
  });
}
