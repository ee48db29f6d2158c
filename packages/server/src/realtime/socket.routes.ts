import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../deps.js';
import { eventsForAccount, isSocketEvent, lastEventId, toFrame } from '../events/outbox.js';
import { requireAccount, sessionAuth } from '../http/auth.js';
import { forbidden } from '../http/errors.js';
import * as pages from '../modules/pages/pages.service.js';

const replayBatch = 500;
const heartbeatMs = 25_000;

export function socketRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/socket',
      {
        websocket: true,
        schema: {
          tags: ['realtime'],
          summary: 'WebSocket of live events. Without since= it starts from now (load state over REST after the ready frame); with the last event id seen it first replays everything missed, in order',
          querystring: Type.Object({ since: Type.Optional(Type.Integer({ minimum: 0 })) }),
        },
        preHandler: [
          sessionAuth(deps.db, { required: true }),
          async (request) => {
            // Cookies ride along on cross-site WebSocket handshakes; only our own origin may open one.
            const origin = request.headers.origin;
            if (origin && new URL(origin).host !== request.headers.host) throw forbidden('origin_not_allowed', 'This socket only accepts the app\'s own origin');
          },
        ],
      },
      async (socket, request) => {
        const account = requireAccount(request);
        const requested = (request.query as { since?: number }).since;
        const connection = deps.hub.attach(socket, account.id, requested ?? 0);
        const heartbeat = setInterval(() => socket.ping(), heartbeatMs);
        socket.on('close', () => {
          clearInterval(heartbeat);
          deps.hub.detach(connection);
        });
        try {
          if (requested === undefined) {
            // Attached first, so anything committed after this read is buffered and still sent.
            connection.lastSentId = await lastEventId(deps.db);
            deps.hub.ready(connection);
            return;
          }
          const pageIds = await pages.pageIdsOf(deps.db, account.id);
          let after = requested;
          for (;;) {
            const rows = await eventsForAccount(deps.db, account.id, pageIds, after, replayBatch);
            deps.hub.replay(connection, rows.map(toFrame).filter(isSocketEvent));
            if (rows.length < replayBatch) break;
            after = Number(rows[rows.length - 1]!.id);
          }
          deps.hub.ready(connection);
        } catch (error) {
          request.log.error({ err: error }, 'socket replay failed');
          socket.close(1011, 'replay failed; reconnect');
        }
      },
    );
  };
}
