import type { IncomingMessage, ServerResponse } from 'node:http';
import { TijaraBotError } from './errors.js';
import type { WebhookHandler, WebhookResponse } from './webhook.js';

export interface AdapterOptions {
  /** Larger POSTs are refused with 413 before anything is parsed. Default 1 MiB. */
  maxBodyBytes?: number;
}

const defaultMaxBodyBytes = 1024 * 1024;

class BodyTooLarge extends TijaraBotError {}

/** Reads a request stream to the end, as bytes, refusing more than `limit`. */
export async function readRawBody(stream: AsyncIterable<Uint8Array | string>, limit = defaultMaxBodyBytes): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += bytes.byteLength;
    if (size > limit) throw new BodyTooLarge(`body larger than ${limit} bytes`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, response: WebhookResponse): void {
  res.writeHead(response.status, response.headers).end(response.body);
}

async function serve(
  handler: WebhookHandler,
  req: IncomingMessage,
  res: ServerResponse,
  url: string,
  body: () => Promise<Buffer | string | undefined>,
): Promise<void> {
  let rawBody: Buffer | string | undefined;
  try {
    // Only POSTs carry an event; the GET handshake is answered from the query string alone.
    rawBody = req.method === 'POST' ? await body() : undefined;
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    send(res, { status: 413, headers: { 'content-type': 'text/plain', connection: 'close' }, body: error.message });
    return;
  }
  send(res, await handler.handle({ method: req.method ?? 'GET', url, headers: req.headers, rawBody }));
}

/**
 * Serves the webhook with node:http (any path: mount it where your callback URL points).
 *
 * @example
 * http.createServer(nodeHttpAdapter(bot)).listen(3001)
 */
export function nodeHttpAdapter(handler: WebhookHandler, options: AdapterOptions = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = options.maxBodyBytes ?? defaultMaxBodyBytes;
  return (req, res) => {
    serve(handler, req, res, req.url ?? '/', () => readRawBody(req, limit)).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
}

/** The parts of an Express request this adapter reads; Express's own Request satisfies it. */
export interface ExpressRequestLike extends IncomingMessage {
  originalUrl?: string;
  body?: unknown;
}

/**
 * Serves the webhook as Express middleware. The signature is over the raw bytes, so either mount
 * it before any body parser (it reads the stream itself) or give its route `express.raw({ type: () => true })`.
 * A body already turned into an object by `express.json()` cannot be checked: the adapter then
 * passes an error to `next` saying so.
 *
 * @example
 * app.post('/webhook', expressAdapter(bot))
 * app.get('/webhook', expressAdapter(bot))
 * // or, if express.json() runs first: app.use('/webhook', express.raw({ type: () => true }), expressAdapter(bot))
 */
export function expressAdapter(
  handler: WebhookHandler,
  options: AdapterOptions = {},
): (req: ExpressRequestLike, res: ServerResponse, next: (error?: unknown) => void) => void {
  const limit = options.maxBodyBytes ?? defaultMaxBodyBytes;
  return (req, res, next) => {
    const body = async (): Promise<Buffer | string> => {
      if (Buffer.isBuffer(req.body)) return req.body;
      if (typeof req.body === 'string') return req.body;
      if (req.readableEnded) {
        throw new TijaraBotError(
          'the webhook body was already parsed (express.json()?): mount the webhook before body parsers, or use express.raw({ type: () => true }) on its route',
        );
      }
      return readRawBody(req, limit);
    };
    // originalUrl keeps the query string even when the adapter is mounted under app.use('/webhook').
    serve(handler, req, res, req.originalUrl ?? req.url ?? '/', body).catch(next);
  };
}
