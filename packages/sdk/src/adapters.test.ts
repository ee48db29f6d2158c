import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { createWebhookHandler } from './webhook.js';
import { signWebhookBody } from './signature.js';
import { expressAdapter, nodeHttpAdapter } from './adapters.js';
import { fastifyAdapter } from './fastify.js';
import type { TijaraBotError } from './errors.js';

// Each adapter is served on a real loopback port and called with fetch, as the platform would.
const appSecret = 'adapter-secret';
const verifyToken = 'adapter-token';
const received: string[] = [];
const errors: TijaraBotError[] = [];
const bot = createWebhookHandler({ appSecret, verifyToken, onError: (error) => errors.push(error), onPreCheckout: () => ({ success: true }) });
bot.on('message', (event) => void received.push(event.message.text ?? ''));

const servers: { close(): unknown }[] = [];
after(() => servers.forEach((server) => server.close()));

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function envelope(item: object): string {
  const user = { id: '1254477777772919' };
  const page = { id: '1234567890123456' };
  return JSON.stringify({ object: 'page', entry: [{ id: page.id, time: 1, messaging: [{ sender: user, recipient: page, timestamp: 1, ...item }] }] });
}

/** The checks every adapter must pass: handshake, signed events, refused forgeries, a sync reply. */
async function exercise(url: string) {
  const handshake = await fetch(`${url}?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=42`);
  assert.deepEqual([handshake.status, await handshake.text()], [200, '42']);
  assert.equal((await fetch(`${url}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=42`)).status, 403);

  const text = `café ${Math.random()}`; // non-ASCII: the signature must be over the bytes as sent
  const body = envelope({ message: { mid: 'm1', text } });
  const headers = { 'content-type': 'application/json', ...signWebhookBody(appSecret, body) };
  const ok = await fetch(url, { method: 'POST', body, headers });
  assert.deepEqual([ok.status, await ok.text()], [200, 'EVENT_RECEIVED']);
  assert.equal(received.at(-1), text);

  const forged = await fetch(url, { method: 'POST', body: body.replace('café', 'cafe'), headers });
  assert.equal(forged.status, 403);

  const pre = envelope({ pre_checkout: { payload: 'x', requested_user_info: {}, amount: { currency: 'USD', amount: '1.00' } } });
  const reply = await fetch(url, { method: 'POST', body: pre, headers: { 'content-type': 'application/json', ...signWebhookBody(appSecret, pre) } });
  assert.deepEqual([reply.status, reply.headers.get('content-type'), await reply.json()], [200, 'application/json; charset=utf-8', { success: true }]);
}

test('nodeHttpAdapter serves the webhook on node:http and refuses oversized bodies with 413', async () => {
  const url = await listen(createServer(nodeHttpAdapter(bot, { maxBodyBytes: 4096 })));
  await exercise(`${url}/webhook`);
  const big = await fetch(`${url}/webhook`, { method: 'POST', body: 'x'.repeat(5000) });
  assert.equal(big.status, 413);
});

test('expressAdapter reads the raw stream when mounted before body parsers', async () => {
  const app = express();
  app.get('/webhook', expressAdapter(bot));
  app.post('/webhook', expressAdapter(bot));
  app.use(express.json());
  app.post('/other', (req, res) => void res.json({ parsed: req.body }));
  const url = await listen(createServer(app));
  await exercise(`${url}/webhook`);
  const other = await fetch(`${url}/other`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
  assert.deepEqual(await other.json(), { parsed: { a: 1 } });
});

test('expressAdapter uses the Buffer of express.raw, and explains a body eaten by express.json', async () => {
  const app = express();
  app.use('/raw', express.raw({ type: () => true }), expressAdapter(bot));
  app.use(express.json());
  app.post('/parsed', expressAdapter(bot));
  const failures: unknown[] = [];
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    failures.push(error);
    res.status(500).end();
  });
  const url = await listen(createServer(app));
  await exercise(`${url}/raw`);

  const body = envelope({ message: { mid: 'm2', text: 'hi' } });
  const response = await fetch(`${url}/parsed`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...signWebhookBody(appSecret, body) } });
  assert.equal(response.status, 500);
  assert.match(String(failures[0]), /already parsed \(express\.json\(\)\?\)/);
});

test('fastifyAdapter keeps raw bytes inside its plugin while the app keeps parsing JSON', async () => {
  const app = Fastify();
  servers.push(app);
  await app.register(fastifyAdapter(bot, { path: '/webhook' }));
  app.post('/other', async (request) => ({ parsed: request.body }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  await exercise(`${url}/webhook`);
  const noType = envelope({ message: { mid: 'm3', text: 'no content type' } });
  const bare = await fetch(`${url}/webhook`, { method: 'POST', body: Buffer.from(noType), headers: signWebhookBody(appSecret, noType) });
  assert.equal(bare.status, 200);
  assert.equal(received.at(-1), 'no content type');
  const other = await fetch(`${url}/other`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
  assert.deepEqual(await other.json(), { parsed: { a: 1 } });
});
