import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import * as accounts from '../accounts/accounts.service.js';
import * as sendApi from './send-api.service.js';

const inlineTypes = /^(image|audio|video)\//;
const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Public files bots refer to by URL: uploaded attachments and PSID profile pictures. */
export function mediaRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/attachments/:id', { schema: { tags: ['graph'], summary: 'Media a bot uploaded', params: Type.Object({ id: Type.String({ maxLength: 40 }) }) } }, async (request, reply) => {
      const file = await sendApi.getAttachmentBytes(deps.db, (request.params as { id: string }).id);
      if (!file) throw notFound('attachment_not_found', 'No such attachment', 'id');
      // Anything that is not plain media downloads instead of rendering on our origin.
      if (!inlineTypes.test(file.contentType) || file.contentType.includes('svg')) reply.header('content-disposition', 'attachment');
      return reply.header('content-type', file.contentType).header('x-content-type-options', 'nosniff').header('cache-control', 'public, max-age=31536000, immutable').send(file.bytes);
    });

    app.get('/avatars/:file', { schema: { tags: ['graph'], summary: 'A shopper\'s profile picture (initials)', params: Type.Object({ file: Type.String({ pattern: '^[0-9]{6,20}\\.svg$' }) }) } }, async (request, reply) => {
      const psid = (request.params as { file: string }).file.replace(/\.svg$/, '');
      const thread = await sendApi.resolvePsidAnyPage(deps.db, psid);
      if (!thread) throw notFound('profile_not_found', 'No such profile', 'psid');
      const name = (await accounts.getAccount(deps.db, thread.shopper_id))?.name ?? '?';
      const initials = name.split(/\s+/).filter(Boolean).slice(0, 2).map((part) => part[0]!.toUpperCase()).join('') || '?';
      const hue = createHash('sha1').update(psid).digest()[0]! * 1.4;
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128"><rect width="128" height="128" fill="hsl(${hue.toFixed(0)} 55% 45%)"/><text x="64" y="64" dy="0.35em" text-anchor="middle" font-family="sans-serif" font-size="52" fill="#fff">${escapeXml(initials)}</text></svg>`;
      return reply.header('content-type', 'image/svg+xml').header('cache-control', 'public, max-age=3600').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(svg);
    });
  };
}
