import crypto from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import { gradientPng } from './png.js';

/** One webhook POST as the receiver got it. */
export interface ReceivedPost {
  body: any;
  /** X-Hub-Signature-256 matched the app secret, when one was given. */
  signatureOk: boolean | null;
}

export interface Receiver {
  url: string;
  posts: ReceivedPost[];
  /** Every messaging item of every entry, in arrival order. */
  items(): any[];
  waitForItem(predicate: (item: any) => boolean, what: string): Promise<any>;
  /** The secret to check signatures with (set it once the console has shown it). */
  appSecret: string | null;
  /** While set, every POST is answered with this status and not recorded: a broken bot. */
  failWith: number | null;
  /** POSTs answered with failWith. */
  refused: number;
  close(): Promise<void>;
}

const palettes: Record<string, [[number, number, number], [number, number, number]]> = {
  latte: [[180, 120, 70], [250, 220, 180]],
  beans: [[60, 35, 20], [160, 90, 40]],
  mint: [[15, 118, 110], [167, 243, 208]],
};

/**
 * A bot's webhook endpoint on loopback: answers the hub.challenge handshake when the verify token
 * matches (403 otherwise), records every POST, and serves small PNGs at /img/<name>.png for cards.
 */
export async function startReceiver(verifyToken: string): Promise<Receiver> {
  const posts: ReceivedPost[] = [];
  const waiters = new Set<() => void>();
  const receiver: Receiver = {
    url: '',
    posts,
    appSecret: null,
    failWith: null,
    refused: 0,
    items: () => posts.flatMap((post) => (post.body?.entry ?? []).flatMap((entry: any) => entry.messaging ?? [])),
    async waitForItem(predicate, what) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const found = receiver.items().find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`the bot never received ${what}; got ${JSON.stringify(receiver.items())}`);
        await new Promise<void>((resolve) => {
          waiters.add(resolve);
          setTimeout(resolve, 250);
        });
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://receiver.test');
    const image = /^\/img\/(\w+)\.png$/.exec(url.pathname);
    if (request.method === 'GET' && image) {
      const [from, to] = palettes[image[1]!] ?? palettes.mint!;
      response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=3600' });
      response.end(gradientPng(192, from, to));
      return;
    }
    if (request.method === 'GET') {
      const ok = url.searchParams.get('hub.mode') === 'subscribe' && url.searchParams.get('hub.verify_token') === verifyToken;
      response.writeHead(ok ? 200 : 403, { 'content-type': 'text/plain' });
      response.end(ok ? (url.searchParams.get('hub.challenge') ?? '') : 'wrong verify token');
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (receiver.failWith !== null) {
        receiver.refused++;
        response.writeHead(receiver.failWith, { 'content-type': 'text/plain' });
        response.end('the bot is down for maintenance');
        return;
      }
      const raw = Buffer.concat(chunks);
      let signatureOk: boolean | null = null;
      if (receiver.appSecret) {
        const expected = `sha256=${crypto.createHmac('sha256', receiver.appSecret).update(raw).digest('hex')}`;
        signatureOk = request.headers['x-hub-signature-256'] === expected;
      }
      posts.push({ body: JSON.parse(raw.toString('utf8')), signatureOk });
      for (const wake of waiters) wake();
      waiters.clear();
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('EVENT_RECEIVED');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return receiver;
}
