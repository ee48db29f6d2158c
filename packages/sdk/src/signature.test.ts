import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { signWebhookBody, verifySignature } from './signature.js';

const secret = 'app-secret';
// Non-ASCII escaped as the platform sends it (§5.5): the HMAC is over these exact bytes.
const body = Buffer.from('{"object":"page","entry":[{"id":"1","time":1,"messaging":[{"message":{"text":"caf\\u00e9"}}]}]}');
const hmac = (algorithm: string, key: string, data: Uint8Array | string) => createHmac(algorithm, key).update(data).digest('hex');

test('a body signed with X-Hub-Signature-256 over its raw bytes is accepted', () => {
  assert.deepEqual(verifySignature(secret, body, { 'x-hub-signature-256': `sha256=${hmac('sha256', secret, body)}` }), { ok: true, algorithm: 'sha256' });
  assert.deepEqual(verifySignature(secret, body, { 'X-Hub-Signature-256': `sha256=${hmac('sha256', secret, body).toUpperCase()}` }), {
    ok: true,
    algorithm: 'sha256',
  });
});

test('a signature made with another secret, or over re-serialized JSON, is refused', () => {
  const wrongKey = verifySignature(secret, body, { 'x-hub-signature-256': `sha256=${hmac('sha256', 'other', body)}` });
  assert.equal(wrongKey.ok, false);
  const reserialized = JSON.stringify(JSON.parse(body.toString()));
  const check = verifySignature(secret, body, { 'x-hub-signature-256': `sha256=${hmac('sha256', secret, reserialized)}` });
  assert.equal(check.ok, false);
  assert.match(check.ok ? '' : check.reason, /does not match/);
});

test('a platform that sends only X-Hub-Signature (sha1) is checked with sha1', () => {
  assert.deepEqual(verifySignature(secret, body, { 'x-hub-signature': `sha1=${hmac('sha1', secret, body)}` }), { ok: true, algorithm: 'sha1' });
  assert.equal(verifySignature(secret, body, { 'x-hub-signature': `sha1=${hmac('sha1', 'other', body)}` }).ok, false);
});

test('when both headers are present the sha256 one decides', () => {
  const headers = { 'x-hub-signature': `sha1=${hmac('sha1', secret, body)}`, 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` };
  assert.equal(verifySignature(secret, body, headers).ok, false);
});

test('missing and malformed headers are refused with a reason', () => {
  assert.match(JSON.stringify(verifySignature(secret, body, {})), /no X-Hub-Signature/);
  assert.match(JSON.stringify(verifySignature(secret, body, { 'x-hub-signature-256': hmac('sha256', secret, body) })), /malformed/);
  assert.match(JSON.stringify(verifySignature(secret, body, { 'x-hub-signature-256': 'sha256=abc' })), /malformed/);
});

test('signWebhookBody produces both headers the way the platform does', () => {
  const headers = signWebhookBody(secret, body);
  assert.equal(headers['x-hub-signature'], `sha1=${hmac('sha1', secret, body)}`);
  assert.equal(headers['x-hub-signature-256'], `sha256=${hmac('sha256', secret, body)}`);
  assert.equal(verifySignature(secret, body.toString('utf8'), headers).ok, true);
});
