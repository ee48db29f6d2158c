import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError, HistoryQuery, ListQuery, MarkBody, Message, MessageList, OpenConversationBody, PostbackBody, SendMessageBody, Thread, ThreadList, ThreadProfile, TypingBody } from '@tijara/protocol';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { requireAccount, sessionAuth } from '../../http/auth.js';
import * as profiles from '../pages/messenger-profile.service.js';
import * as messaging from './messaging.service.js';

const ThreadParams = Type.Object({ threadId: Type.String({ maxLength: 40 }) });
const PageThreadParams = Type.Object({ pageId: Type.String({ pattern: '^[0-9]{1,20}$' }), threadId: Type.String({ maxLength: 40 }) });
const errors = { 400: AppError, 401: AppError, 403: AppError, 404: AppError };


export function messagingRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('preHandler', sessionAuth(deps.db, { required: true }));

    app.post(
      '/api/conversations',
      { schema: { tags: ['messaging'], summary: 'Open the conversation with a page (created on the first visit)', body: OpenConversationBody, response: { 200: Thread, 201: Thread, ...errors } } },
      async (request, reply) => {
        const { thread, created } = await deps.db.transaction().execute((trx) => messaging.openConversation(trx, deps.outbox, requireAccount(request).id, request.body));
        deps.outbox.committed();
        return reply.status(created ? 201 : 200).send(thread);
      },
    );

    app.get(
      '/api/threads',
      { schema: { tags: ['messaging'], summary: 'The shopper\'s conversations, most recent first', querystring: ListQuery, response: { 200: ThreadList, ...errors } } },
      async (request) => messaging.listThreads(deps.db, { shopperId: requireAccount(request).id }, request.query),
    );

    app.get(
      '/api/pages/:pageId/threads',
      { schema: { tags: ['messaging'], summary: 'A page\'s inbox, most recent first', params: Type.Object({ pageId: Type.String({ pattern: '^[0-9]{1,20}$' }) }), querystring: ListQuery, response: { 200: ThreadList, ...errors } } },
      async (request) => {
        await messaging.requirePageAccess(deps.db, request.params.pageId, requireAccount(request).id);
        return messaging.listThreads(deps.db, { pageId: request.params.pageId }, request.query);
      },
    );

    app.post(
      '/api/threads/:threadId/postback',
      { schema: { tags: ['messaging'], summary: 'Tap a postback button, menu item or Get Started', params: ThreadParams, body: PostbackBody, response: { 200: Message, 201: Message, ...errors } } },
      async (request, reply) => {
        const account = requireAccount(request);
        const thread = await messaging.requireShopperThread(deps.db, request.params.threadId, account.id);
        const result = await deps.db.transaction().execute((trx) => messaging.sendPostback(trx, deps.outbox, thread, account.id, request.body));
        if (result.created) deps.outbox.committed();
        return reply.status(result.created ? 201 : 200).send(result.message);
      },
    );

    app.get(
      '/api/threads/:threadId/profile',
      { schema: { tags: ['messaging'], summary: 'The page\'s greeting, Get Started and persistent menu for this shopper', params: ThreadParams, response: { 200: ThreadProfile, ...errors } } },
      async (request) => {
        const account = requireAccount(request);
        const { thread } = await messaging.requireShopperThread(deps.db, request.params.threadId, account.id);
        return profiles.shopperView(deps.db, thread.page_id, { name: account.name, locale: account.locale });
      },
    );

    // The same thread routes exist twice: as the shopper (/api/threads/…) and as the page (/api/pages/:pageId/threads/…).
    const sides = [
      { prefix: '/api/threads/:threadId', params: ThreadParams, as: 'shopper' },
      { prefix: '/api/pages/:pageId/threads/:threadId', params: PageThreadParams, as: 'page' },
    ] as const;

    for (const side of sides) {
      const access = (request: FastifyRequest) => {
        const accountId = requireAccount(request).id;
        const { pageId, threadId } = request.params as { threadId: string; pageId?: string };
        return side.as === 'shopper' ? messaging.requireShopperThread(deps.db, threadId, accountId) : messaging.requirePageThread(deps.db, pageId!, threadId, accountId);
      };
      const tags = ['messaging'];
      const who = side.as === 'shopper' ? 'as the shopper' : 'as the page';

      app.get(side.prefix, { schema: { tags, summary: `A conversation, ${who}`, params: side.params, response: { 200: Thread, ...errors } } }, async (request) =>
        messaging.getThread(deps.db, await access(request)),
      );

      app.get(
        `${side.prefix}/messages`,
        { schema: { tags, summary: `History, oldest first; pass nextCursor as before= for older messages (${who})`, params: side.params, querystring: HistoryQuery, response: { 200: MessageList, ...errors } } },
        async (request) => messaging.history(deps.db, (await access(request)).thread.id, request.query),
      );

      app.post(
        `${side.prefix}/messages`,
        {
          schema: {
            tags,
            summary: `Send a text message ${who}; resending the same clientId returns the first message with 200`,
            params: side.params,
            body: SendMessageBody,
            response: { 200: Message, 201: Message, ...errors },
          },
        },
        async (request, reply) => {
          const thread = await access(request);
          const sender = requireAccount(request).id;
          const result = await deps.db.transaction().execute((trx) => messaging.sendTextAsPerson(trx, deps.outbox, thread, sender, request.body));
          if (result.created) deps.outbox.committed();
          return reply.status(result.created ? 201 : 200).send(result.message);
        },
      );

      for (const kind of ['delivered', 'read'] as const) {
        app.post(
          `${side.prefix}/${kind}`,
          { schema: { tags, summary: `Mark the other side's messages up to seq (default: all) as ${kind} (${who})`, params: side.params, body: MarkBody, response: { 204: Type.Null(), ...errors } } },
          async (request, reply) => {
            const thread = await access(request);
            await deps.db.transaction().execute((trx) => messaging.advanceMarks(trx, deps.outbox, thread, kind, request.body.seq));
            deps.outbox.committed();
            return reply.status(204).send(null);
          },
        );
      }

      app.post(
        `${side.prefix}/typing`,
        { schema: { tags, summary: `Show or hide the typing indicator to the other side (${who})`, params: side.params, body: TypingBody, response: { 204: Type.Null(), ...errors } } },
        async (request, reply) => {
          await messaging.setTyping(deps.db, deps.hub, await access(request), request.body.on);
          return reply.status(204).send(null);
        },
      );
    }
  };
}
