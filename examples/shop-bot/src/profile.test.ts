import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@tijara/bot';
import { configurePage } from './profile.js';
import { appSecret, pageToken, startHarness, type Harness } from './testing.js';

let h: Harness;
let client: Client;
before(async () => {
  h = await startHarness();
  client = new Client({ pageAccessToken: pageToken, appSecret, baseUrl: h.graphUrl });
});
after(() => h.close());

test('sets Get Started, the greeting and a privacy URL, keeping the payment settings already there', async () => {
  h.profile['payment_settings'] = { public_key: '-----BEGIN PGP PUBLIC KEY BLOCK-----', testers: ['111'] };
  const problems = await configurePage(client, { merchantName: 'Souk & Steep', publicUrl: 'http://127.0.0.1:3002', testers: ['222', '111'] });
  assert.deepEqual(problems, []);
  assert.deepEqual(h.profile['get_started'], { payload: 'GET_STARTED' });
  assert.match(JSON.stringify(h.profile['greeting']), /Souk & Steep/);
  assert.deepEqual(h.profile['payment_settings'], {
    public_key: '-----BEGIN PGP PUBLIC KEY BLOCK-----',
    privacy_url: 'http://127.0.0.1:3002/privacy',
    testers: ['111', '222'],
  });
  const changes = h.calls.filter((call) => call.method === 'POST').length;
  await configurePage(client, { merchantName: 'Souk & Steep', publicUrl: 'http://127.0.0.1:3002', testers: ['222'] });
  assert.equal(h.calls.filter((call) => call.method === 'POST').length, changes + 1, 'payment_settings unchanged: not sent again');
});

test('a refusal is reported, not thrown', async () => {
  h.refuseProfileChanges();
  h.profile['payment_settings'] = {};
  const problems = await configurePage(client, { merchantName: 'M', publicUrl: 'http://bot' });
  assert.equal(problems.length, 2);
  assert.match(problems[0] ?? '', /^could not set the Get Started button: POST me\/messenger_profile failed with code 200/);
  assert.match(problems[1] ?? '', /^could not set the payment privacy URL/);
});
