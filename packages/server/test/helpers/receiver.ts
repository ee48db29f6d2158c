import http from 'node:http';

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: any;
  at: number;
}

/** A status, a status with a JSON answer (payment callbacks), or no answer at all. */
export type Behaviour = (hit: ReceivedWebhook) => number | 'hang' | { status: number; body: unknown };

/** A bot's webhook endpoint on loopback: answers the hub.challenge handshake and records every POST. */
export interface Receiver {
  url: string;
  received: ReceivedWebhook[];
  /** Items of every entry received, flattened, in arrival order. */
  items(): any[];
  behave(behaviour: Behaviour): void;
  waitFor(predicate: (item: any) => boolean, what?: string): Promise<any>;
  close(): Promise<void>;
}

export async function startReceiver(options: { verifyToken?: string } = {}): Promise<Receiver> {
  const verifyToken = options.verifyToken ?? 'verify-me';
  const received: ReceivedWebhook[] = [];
  let behaviour: Behaviour = () => 200;
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://receiver');
    if (request.method === 'GET') {
      const ok = url.searchParams.get('hub.mode') === 'subscribe' && url.searchParams.get('hub.verify_token') === verifyToken;
      response.writeHead(ok ? 200 : 403).end(ok ? (url.searchParams.get('hub.challenge') ?? '') : 'wrong verify token');
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const hit = { headers: request.headers, raw, body: JSON.parse(raw), at: Date.now() };
      const outcome = behaviour(hit);
      if (outcome === 'hang') {
        hanging.add(response);
        return;
      }
      const status = typeof outcome === 'number' ? outcome : outcome.status;
      const answer = typeof outcome === 'number' ? { ok: status < 300 } : outcome.body;
      if (status >= 200 && status < 300) received.push(hit);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const items = () => received.flatMap((hit) => hit.body.entry.flatMap((entry: any) => entry.messaging));
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    items,
    behave(next) {
      behaviour = next;
    },
    async waitFor(predicate, what = 'webhook item') {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const found = items().find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no ${what} arrived; got ${JSON.stringify(items()).slice(0, 500)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
