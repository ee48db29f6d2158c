import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError, CreatePageBody, limits, Page, PageList, UpdatePageBody } from '@tijara/protocol';
import type { AppDeps } from '../../deps.js';
import { requireAccount, sessionAuth } from '../../http/auth.js';
import { forbidden, notFound } from '../../http/errors.js';
import * as pages from './pages.service.js';

const PageParams = Type.Object({ pageId: Type.String({ pattern: '^[0-9]{1,20}$' }) });
const errors = { 400: AppError, 401: AppError, 403: AppError, 404: AppError, 409: AppError, 415: AppError };

export function pagesRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const signedIn = sessionAuth(deps.db, { required: true });

    app.addContentTypeParser(pages.avatarContentTypes, { parseAs: 'buffer', bodyLimit: limits.avatarBytes }, (_request, body, done) => done(null, body));

    app.get(
      '/api/pages/mine',
      { schema: { tags: ['pages'], summary: 'Pages the signed-in merchant manages', response: { 200: PageList, ...errors } }, preHandler: signedIn },
      async (request) => ({ data: await pages.listPagesOf(deps.db, requireAccount(request).id) }),
    );

    app.post(
      '/api/pages',
      { schema: { tags: ['pages'], summary: 'Create a page', body: CreatePageBody, response: { 201: Page, ...errors } }, preHandler: signedIn },
      async (request, reply) => {
        const account = requireAccount(request);
        if (account.role !== 'merchant') throw forbidden('merchant_only', 'Only merchant accounts can create pages');
        const page = await deps.db.transaction().execute((trx) => pages.createPage(trx, account.id, request.body));
        return reply.status(201).send(page);
      },
    );

    app.patch(
      '/api/pages/:pageId',
      { schema: { tags: ['pages'], summary: 'Edit a page', params: PageParams, body: UpdatePageBody, response: { 200: Page, ...errors } }, preHandler: signedIn },
      async (request) => deps.db.transaction().execute((trx) => pages.updatePage(trx, request.params.pageId, requireAccount(request).id, request.body)),
    );

    app.put(
      '/api/pages/:pageId/avatar',
      {
        schema: {
          tags: ['pages'],
          summary: 'Replace the avatar: send the image bytes as the body (PNG, JPEG, WebP or GIF, at most 1 MiB)',
          params: PageParams,
          response: { 200: Page, ...errors },
        },
        preHandler: signedIn,
      },
      async (request) => {
        const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
        const body = request.body;
        const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
        return deps.db.transaction().execute((trx) => pages.setAvatar(trx, request.params.pageId, requireAccount(request).id, contentType, bytes));
      },
    );

    app.get(
      '/api/pages/by-username/:username',
      { schema: { tags: ['pages'], summary: 'A page\'s public profile', params: Type.Object({ username: Type.String({ maxLength: limits.pageUsernameMax }) }), response: { 200: Page, 404: AppError } } },
      async (request) => pages.getPageByUsername(deps.db, request.params.username),
    );

    app.get(
      '/media/:mediaId',
      { schema: { tags: ['pages'], summary: 'An uploaded image', params: Type.Object({ mediaId: Type.String({ maxLength: 40 }) }) } },
      async (request, reply) => {
        const media = await pages.getMedia(deps.db, request.params.mediaId);
        if (!media) throw notFound('media_not_found', 'No such image', 'mediaId');
        // Immutable: a new upload gets a new id.
        return reply.header('content-type', media.content_type).header('cache-control', 'public, max-age=31536000, immutable').header('x-content-type-options', 'nosniff').send(Buffer.from(media.bytes));
      },
    );
  };
}
