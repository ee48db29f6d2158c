import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from './client.js';
import { GraphApiError, NetworkError } from './errors.js';
import { quickReply } from './builders.js';

// A loopback server stands in for the Graph API: it records each request and answers whatever
// the test queued for that path.
interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string | undefined;
  body: string;
}
const seen: Seen[] = [];
type Answer = { status?: number; body: unknown; raw?: boolean; delayMs?: number };
const answers = new Map<string, Answer>();

async function respond(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? '/', 'http://graph.test');
  seen.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString() });
  const answer = answers.get(`${req.method} ${url.pathname}`) ?? { body: { recipient_id: '1', message_id: 'm_1' } };
  if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
  res.writeHead(answer.status ?? 200, { 'content-type': answer.raw ? 'text/html' : 'application/json' });
  res.end(answer.raw ? String(answer.body) : JSON.stringify(answer.body));
}
const server = createServer((req, res) => void respond(req, res));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
after(() => server.close());

const token = 'EAAtoken';
const appSecret = 'app-secret';
const client = new Client({ pageAccessToken: token, appSecret, baseUrl });
const last = (): Seen => {
  const request = seen.at(-1);
  assert.ok(request, 'the server saw no request');
  return request;
};

test('sendText posts JSON to /v6.0/me/messages with the token and appsecret_proof in the query', async () => {
  const response = await client.sendText('1254477777772919', 'hello', { quick_replies: [quickReply('Red', 'RED')] });
  assert.deepEqual(response, { recipient_id: '1', message_id: 'm_1' });
  const request = last();
  assert.equal(`${request.method} ${request.path}`, 'POST /v6.0/me/messages');
  assert.equal(request.query.get('access_token'), token);
  assert.equal(request.query.get('appsecret_proof'), createHmac('sha256', appSecret).update(token).digest('hex'));
  assert.equal(request.contentType, 'application/json');
  assert.deepEqual(JSON.parse(request.body), {
    recipient: { id: '1254477777772919' },
    messaging_type: 'RESPONSE',
    message: { text: 'hello', quick_replies: [{ content_type: 'text', title: 'Red', payload: 'RED' }] },
  });
});

test('a tagged send defaults to MESSAGE_TAG; a user_ref recipient is passed through; no secret, no proof', async () => {
  const plain = new Client({ pageAccessToken: token, baseUrl, apiVersion: 'v2.6' });
  await plain.sendMessage({ user_ref: 'ref-1' }, { text: 'shipped' }, { tag: 'SHIPPING_UPDATE' });
  const request = last();
  assert.equal(request.path, '/v2.6/me/messages');
  assert.equal(request.query.has('appsecret_proof'), false);
  assert.deepEqual(JSON.parse(request.body), { recipient: { user_ref: 'ref-1' }, messaging_type: 'MESSAGE_TAG', message: { text: 'shipped' }, tag: 'SHIPPING_UPDATE' });
});

test('sender actions, attachments and the profile APIs call the reference paths', async () => {
  await client.senderAction('1', 'typing_on');
  assert.deepEqual(JSON.parse(last().body), { recipient: { id: '1' }, sender_action: 'typing_on' });
  await client.sendAttachment('1', 'image', 'https://example.com/a.png', { is_reusable: true });
  assert.deepEqual(JSON.parse(last().body).message, { attachment: { type: 'image', payload: { url: 'https://example.com/a.png', is_reusable: true } } });

  answers.set('GET /v6.0/1254477777772919', { body: { id: '1254477777772919', first_name: 'Peter' } });
  assert.deepEqual(await client.getUserProfile('1254477777772919', ['first_name']), { id: '1254477777772919', first_name: 'Peter' });
  assert.equal(last().query.get('fields'), 'first_name');

  answers.set('POST /v6.0/me/messenger_profile', { body: { result: 'success' } });
  assert.deepEqual(await client.setMessengerProfile({ get_started: { payload: 'GET_STARTED' } }), { result: 'success' });
  assert.deepEqual(JSON.parse(last().body), { get_started: { payload: 'GET_STARTED' } });

  answers.set('GET /v6.0/me/messenger_profile', { body: { data: [{ greeting: [{ locale: 'default', text: 'Hi' }] }] } });
  assert.deepEqual(await client.getMessengerProfile(['greeting', 'get_started']), { greeting: [{ locale: 'default', text: 'Hi' }] });
  assert.equal(last().query.get('fields'), 'greeting,get_started');
  answers.set('GET /v6.0/me/messenger_profile', { body: { data: [] } });
  assert.deepEqual(await client.getMessengerProfile(['greeting']), {});

  answers.set('DELETE /v6.0/me/messenger_profile', { body: { result: 'success' } });
  await client.deleteMessengerProfile(['greeting']);
  assert.deepEqual([last().method, JSON.parse(last().body)], ['DELETE', { fields: ['greeting'] }]);
});

test('uploadAttachment sends a URL as JSON and bytes as multipart with a filedata part', async () => {
  answers.set('POST /v6.0/me/message_attachments', { body: { attachment_id: '1857777774821032' } });
  assert.deepEqual(await client.uploadAttachment('image', 'https://example.com/a.png'), { attachment_id: '1857777774821032' });
  assert.deepEqual(JSON.parse(last().body), { message: { attachment: { type: 'image', payload: { url: 'https://example.com/a.png', is_reusable: true } } } });

  await client.uploadAttachment('file', { data: Buffer.from('%PDF-1.4'), filename: 'menu.pdf', contentType: 'application/pdf' });
  const request = last();
  assert.match(request.contentType ?? '', /^multipart\/form-data; boundary=/);
  assert.match(request.body, /name="message"\r\n\r\n\{"attachment":\{"type":"file","payload":\{"is_reusable":true\}\}\}/);
  assert.match(request.body, /name="filedata"; filename="menu.pdf"\r\nContent-Type: application\/pdf\r\n\r\n%PDF-1.4/);
});

test('batch form-encodes the sub-requests and reports failed ones without rejecting', async () => {
  const failure = { error: { message: '(#100) No matching user found', type: 'OAuthException', code: 100, error_subcode: 2018001, fbtrace_id: 'X' } };
  answers.set('POST /v6.0/', {
    body: [
      { code: 200, body: JSON.stringify({ recipient_id: '1', message_id: 'm_2' }) },
      { code: 400, body: JSON.stringify(failure) },
      null,
    ],
  });
  const results = await client.batch([
    { method: 'POST', relative_url: 'me/messages', body: { recipient: { id: '1' }, message: { text: 'hi' } } },
    { method: 'POST', relative_url: 'me/messages', body: 'recipient=%7B%22id%22%3A%22404%22%7D' },
    { method: 'GET', relative_url: 'me/messenger_profile?fields=greeting', omit_response_on_success: true },
  ]);
  const form = new URLSearchParams(last().body);
  assert.equal(last().contentType, 'application/x-www-form-urlencoded;charset=UTF-8');
  const batch = JSON.parse(form.get('batch') ?? '[]');
  assert.equal(batch[0].body, 'recipient=%7B%22id%22%3A%221%22%7D&message=%7B%22text%22%3A%22hi%22%7D');
  assert.equal(batch[2].omit_response_on_success, true);
  assert.deepEqual(results[0], { code: 200, body: { recipient_id: '1', message_id: 'm_2' }, error: undefined });
  assert.ok(results[1]?.error instanceof GraphApiError);
  assert.equal(results[1]?.error.subcode, 2018001);
  assert.equal(results[2], null);
});

test('a Graph error envelope rejects with a GraphApiError carrying code, subcode, trace and a hint', async () => {
  answers.set('POST /v6.0/me/messages', {
    status: 400,
    body: { error: { message: '(#190) Invalid OAuth access token.', type: 'OAuthException', code: 190, fbtrace_id: 'BLBz/WZt8dN' } },
  });
  const error = await client.sendText('1', 'hi').catch((caught: unknown) => caught);
  assert.ok(error instanceof GraphApiError);
  assert.deepEqual([error.code, error.subcode, error.type, error.fbtraceId, error.httpStatus, error.retryable], [190, undefined, 'OAuthException', 'BLBz/WZt8dN', 400, false]);
  assert.match(error.message, /POST me\/messages failed with code 190: .*generate a new one in the developer console/);
  assert.doesNotMatch(error.message, /EAAtoken/);

  answers.set('POST /v6.0/me/messages', {
    status: 400,
    body: { error: { message: '(#100) No matching user found', type: 'OAuthException', code: 100, error_subcode: 2018001, fbtrace_id: 'x' } },
  });
  const noUser = await client.sendText('404', 'hi').catch((caught: unknown) => caught);
  assert.ok(noUser instanceof GraphApiError);
  assert.equal(noUser.subcode, 2018001);
  assert.match(noUser.hint ?? '', /sender\.id/);
  answers.delete('POST /v6.0/me/messages');
});

test('an answer that is not the Graph API, or none at all, rejects with a NetworkError', async () => {
  answers.set('POST /v6.0/me/messages', { status: 502, body: '<html>Bad Gateway</html>', raw: true });
  const proxy = await client.sendText('1', 'hi').catch((caught: unknown) => caught);
  assert.ok(proxy instanceof NetworkError);
  assert.equal(proxy.httpStatus, 502);

  answers.set('POST /v6.0/me/messages', { body: {}, delayMs: 300 });
  const slow = new Client({ pageAccessToken: token, baseUrl, timeoutMs: 50 });
  const timeout = await slow.sendText('1', 'hi').catch((caught: unknown) => caught);
  assert.ok(timeout instanceof NetworkError);
  assert.match(timeout.message, /no answer within 50 ms/);
  answers.delete('POST /v6.0/me/messages');

  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const refused = await new Client({ pageAccessToken: token, baseUrl: `http://127.0.0.1:${port}` }).sendText('1', 'hi').catch((caught: unknown) => caught);
  assert.ok(refused instanceof NetworkError);
  assert.match(refused.message, new RegExp(`could not reach http://127.0.0.1:${port}`));
  assert.ok(refused.cause instanceof Error);
  assert.doesNotMatch(refused.message, /EAAtoken/);
});
