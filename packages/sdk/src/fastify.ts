import type { IncomingHttpHeaders } from 'node:http';
import type { WebhookHandler } from './webhook.js';

// Structural types: Fastify stays an optional dependency. Method shorthand keeps these
// assignable from Fastify's own (overloaded, generic) instance, request and reply types.

export interface FastifyRequestLike {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FastifyReplyLike {
  code(statusCode: number): FastifyReplyLike;
  headers(values: Record<string, string>): FastifyReplyLike;
  send(payload: string): FastifyReplyLike;
}

export interface FastifyInstanceLike {
  removeAllContentTypeParsers(): void;
  addContentTypeParser(
    contentType: string,
    options: { parseAs: 'buffer'; bodyLimit?: number },
    parser: (request: unknown, body: Buffer, done: (error: Error | null, body?: Buffer) => void) => void,
  ): void;
  route(options: {
    method: string[];
    url: string;
    handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<FastifyReplyLike>;
  }): unknown;
}

export interface FastifyAdapterOptions {
  /** Route path inside the plugin's prefix. Default "/webhook". */
  path?: string;
  /** Larger bodies get Fastify's 413. Default 1 MiB. */
  maxBodyBytes?: number;
}

/**
 * A Fastify plugin serving the webhook (GET handshake and POST events) at `path`. Inside its own
 * encapsulated context it replaces the body parsers with one that keeps the raw bytes, which the
 * signature needs; the rest of your app keeps its JSON parser.
 *
 * @example
 * const app = Fastify()
 * await app.register(fastifyAdapter(bot, { path: '/webhook' }))
 */
export function fastifyAdapter(handler: WebhookHandler, options: FastifyAdapterOptions = {}): (instance: FastifyInstanceLike) => Promise<void> {
  const path = options.path ?? '/webhook';
  // Not wrapped with fastify-plugin on purpose: the parser swap must stay inside this plugin.
  return async (instance) => {
    instance.removeAllContentTypeParsers();
    instance.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: options.maxBodyBytes ?? 1024 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    instance.route({
      method: ['GET', 'POST'],
      url: path,
      handler: async (request, reply) => {
        const rawBody = Buffer.isBuffer(request.body) ? request.body : undefined;
        const response = await handler.handle({ method: request.method, url: request.url, headers: request.headers, rawBody });
        return reply.code(response.status).headers(response.headers).send(response.body);
      },
    });
  };
}
