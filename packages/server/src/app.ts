import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import staticFiles from '@fastify/static';
import swagger from '@fastify/swagger';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { limits } from '@tijara/protocol';
import type { AppDeps } from './deps.js';
import { notFound, sendAppError } from './http/errors.js';
import { accountsRoutes } from './modules/accounts/accounts.routes.js';
import { appsRoutes } from './modules/apps/apps.routes.js';
import { messagingRoutes } from './modules/messaging/messaging.routes.js';
import { pagesRoutes } from './modules/pages/pages.routes.js';
import { socketRoutes } from './realtime/socket.routes.js';
import { rewriteGraphUrl } from './http/graph.js';
import { graphBatchRoutes } from './http/graph-batch.js';
import { graphPlugin } from './http/graph.plugin.js';
import { graphAppsRoutes } from './modules/apps/graph-apps.routes.js';
import { mediaRoutes } from './modules/messaging/media.routes.js';
import { walletRoutes } from './modules/wallet/wallet.routes.js';
import { checkoutRoutes } from './modules/checkout/checkout.routes.js';
import { adminRoutes } from './modules/admin/admin.routes.js';
import { sendApiRoutes } from './modules/messaging/send-api.routes.js';
import { messengerProfileRoutes } from './modules/pages/messenger-profile.routes.js';

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface BuildOptions {
  /** A pino logger; without one the app logs nothing (tests). */
  logger?: FastifyBaseLogger;
  /** Serve the built web app from this folder (default: packages/web/dist when it exists). */
  webRoot?: string | null;
}

/** The whole HTTP surface as one Fastify instance, without listening: main.ts and tests decide where. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: limits.bodyBytes,
    trustProxy: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    genReqId: () => crypto.randomUUID(),
    rewriteUrl: (request) => rewriteGraphUrl(request.method, request.url ?? '/'),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest('account', null);
  app.decorateRequest('csrfToken', null);
  app.setErrorHandler((error, request, reply) => sendAppError(error as Error, request, reply));
  // The app API speaks JSON only; a text body gets a clear 415 instead of a confusing type error.
  app.removeContentTypeParser('text/plain');

  await app.register(swagger, {
    openapi: {
      info: { title: 'Tijara API', version: '0.1.0', description: 'The app API of Tijara. Errors are {error:{code,message,field?}}.' },
      servers: [{ url: deps.config.publicUrl }],
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(websocket, { options: { maxPayload: limits.bodyBytes } });

  app.get('/health', { schema: { tags: ['platform'], summary: 'Liveness and the database\'s state' } }, async (_request, reply) => {
    let ok = true;
    try {
      await sql`select 1`.execute(deps.db);
    } catch {
      ok = false;
    }
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database: { engine: deps.engine, ok } });
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(accountsRoutes(deps));
  await app.register(pagesRoutes(deps));
  await app.register(messagingRoutes(deps));
  await app.register(socketRoutes(deps));
  await app.register(appsRoutes(deps));
  await app.register(mediaRoutes(deps));
  await app.register(walletRoutes(deps));
  await app.register(checkoutRoutes(deps));
  await app.register(adminRoutes(deps));
  await app.register(graphPlugin(deps, [sendApiRoutes, messengerProfileRoutes, graphAppsRoutes, graphBatchRoutes(() => app)]), { prefix: '/graph' });

  const webRoot = options.webRoot === undefined ? webDist : options.webRoot;
  const serveWeb = webRoot !== null && fs.existsSync(path.join(webRoot, 'index.html'));
  if (serveWeb) await app.register(staticFiles, { root: webRoot, wildcard: false, index: false });

  app.setNotFoundHandler((request, reply) => {
    const isApi = /^\/(api|media|attachments|avatars|graph|health|openapi\.json)(\/|$|\?)/.test(request.url);
    if (serveWeb && request.method === 'GET' && !isApi) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendAppError(notFound('route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`), request, reply);
  });
  return app;
}
