import http from 'node:http';
import type { Message } from '@tijara/protocol';
import type { ApiClient } from '../helpers/client.js';

/** The thread's history as the shopper's app shows it. */
export async function shopperSees(shopper: ApiClient, threadId: string): Promise<Message[]> {
  const reply = await shopper.get<{ data: Message[] }>(`/api/threads/${threadId}/messages?limit=100`);
  if (reply.status !== 200) throw new Error(`history failed: ${JSON.stringify(reply.body)}`);
  return reply.body.data;
}

/** The newest message of the thread, as the shopper sees it. */
export async function lastSeenByShopper(shopper: ApiClient, threadId: string): Promise<Message> {
  const messages = await shopperSees(shopper, threadId);
  const last = messages.at(-1);
  if (!last) throw new Error('the thread is empty');
  return last;
}

/** A Graph call with fetch, for the behaviours no client library exercises. */
export async function graph(url: string, path: string, init: { method?: string; body?: unknown; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined;
  if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  } else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const response = await fetch(url + path, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: the assertion that follows shows the raw text.
  }
  return { status: response.status, body: parsed };
}

/** A tiny PNG (1×1, transparent): real bytes for upload tests. */
export const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A bot's webhook on loopback that answers the hub.challenge handshake and counts what it is sent. */
export interface HandshakeReceiver {
  url: string;
  handshakes: URLSearchParams[];
  posts: unknown[];
  close(): Promise<void>;
}

export async function startHandshakeReceiver(verifyToken: string): Promise<HandshakeReceiver> {
  const handshakes: URLSearchParams[] = [];
  const posts: unknown[] = [];
  const server = http.createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://receiver').searchParams;
    if (request.method === 'GET') {
      handshakes.push(query);
      const ok = query.get('hub.mode') === 'subscribe' && query.get('hub.verify_token') === verifyToken;
      response.writeHead(ok ? 200 : 403).end(ok ? (query.get('hub.challenge') ?? '') : 'wrong verify token');
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      posts.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    handshakes,
    posts,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
