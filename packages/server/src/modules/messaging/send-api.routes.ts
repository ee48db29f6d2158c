import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { AttachmentUploadRequest, MediaType, MessageTag, MessagingType, NotificationType, QuickReplies, Recipient, SendMessageRequest, SenderActionRequest, UploadMediaPayload, messengerLimits, type OutgoingMessage, type SendRequest } from '@tijara/protocol/messenger';
import type { AppDeps } from '../../deps.js';
import { checkGraph, invalidParam } from '../../http/graph.js';
import { graphAuth, pageRateLimit, requirePageCaller, type UploadedFile } from '../../http/graph.plugin.js';
import * as accounts from '../accounts/accounts.service.js';
import * as pages from '../pages/pages.service.js';
import * as sendApi from './send-api.service.js';
import { checkBuyButtons } from './buy-button.js';
import * as profiles from '../pages/messenger-profile.service.js';

/** A send whose media bytes arrive as a multipart `filedata` part: the attachment has no url. */
const UploadSendRequest = Type.Object({
  recipient: Recipient,
  message: Type.Object(
    {
      attachment: Type.Object({ type: MediaType, payload: UploadMediaPayload }, { additionalProperties: false }),
      quick_replies: Type.Optional(QuickReplies),
      metadata: Type.Optional(Type.String({ maxLength: messengerLimits.metadata })),
    },
    { additionalProperties: false },
  ),
  messaging_type: Type.Optional(MessagingType),
  tag: Type.Optional(MessageTag),
  notification_type: Type.Optional(NotificationType),
});

const NodeParams = Type.Object({ node: Type.String({ maxLength: 40 }) });
const profileFields = new Set(['id', 'name', 'first_name', 'last_name', 'profile_pic', 'locale', 'timezone', 'gender']);
const pageFields = new Set(['id', 'name']);

const requestedFields = (request: FastifyRequest, fallback: string) =>
  String((request.query as { fields?: string }).fields ?? fallback)
    .split(',')
    .map((field) => field.trim())
    .filter(Boolean);

/** Messenger reports locales as language_REGION: the app's "ar" becomes ar_AR, "en" en_US. */
function messengerLocale(locale: string | null): string {
  if (!locale) return 'en_US';
  if (locale.includes('_')) return locale;
  return locale === 'en' ? 'en_US' : `${locale}_${locale.toUpperCase()}`;
}

function bodyOf(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) throw invalidParam('The request needs a JSON, form-encoded or multipart body');
  const { access_token: _token, appsecret_proof: _proof, filedata: _file, ...rest } = body as Record<string, unknown>;
  return rest;
}

const uploadOf = (request: FastifyRequest) => (request.body as { filedata?: UploadedFile } | undefined)?.filedata;

export function sendApiRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.addHook('preHandler', graphAuth(deps));

    app.post('/:node/messages', { schema: { tags: ['graph'], summary: 'Send API: a message or a sender action to a PSID', params: NodeParams }, config: pageRateLimit(deps.config.graphRateLimits.sendPerSecond, 1000) }, async (request) => {
      const caller = requirePageCaller(request, (request.params as { node: string }).node);
      const body = bodyOf(request);
      const upload = uploadOf(request);
      if ('sender_action' in body) {
        checkGraph(SenderActionRequest, body);
        const send = body as Extract<SendRequest, { sender_action: string }>;
        if (!('id' in send.recipient)) throw invalidParam('Tijara addresses people by recipient.id (their PSID) only');
        const thread = await sendApi.resolvePsid(deps.db, caller.pageId, send.recipient.id);
        await sendApi.applySenderAction(deps.db, deps.outbox, deps.hub, thread, send.sender_action);
        return { recipient_id: thread.psid };
      }
      if (!('message' in body)) throw invalidParam('param message must be non-empty');
      checkGraph(upload ? UploadSendRequest : SendMessageRequest, body);
      const send = body as Extract<SendRequest, { message: OutgoingMessage }>;
      if (!('id' in send.recipient)) throw invalidParam('Tijara addresses people by recipient.id (their PSID) only');
      const thread = await sendApi.resolvePsid(deps.db, caller.pageId, send.recipient.id);
      sendApi.checkWindow(thread, send.messaging_type, send.tag);
      if (send.message.attachment?.type === 'template') {
        const settings = (await profiles.getProfile(deps.db, caller.pageId, ['payment_settings'])).payment_settings as { privacy_url?: string } | undefined;
        const problem = checkBuyButtons(send.message.attachment, settings?.privacy_url ?? null);
        if (problem) throw invalidParam(`param ${problem.field}: ${problem.message}`);
      }
      const attachment = send.message.attachment
        ? await sendApi.resolveAttachment(deps.db, caller.pageId, deps.config.publicUrl, send.message.attachment as { type: string; payload: Record<string, unknown> }, upload)
        : undefined;
      const result = await deps.db.transaction().execute((trx) => sendApi.sendAsPage(trx, deps.outbox, { thread, appId: caller.appId, message: send.message, attachment }));
      deps.outbox.committed();
      return { recipient_id: thread.psid, message_id: result.message.id, ...(attachment?.attachmentId ? { attachment_id: attachment.attachmentId } : {}) };
    });

    app.post('/:node/message_attachments', { schema: { tags: ['graph'], summary: 'Upload media once, reuse it by attachment_id', params: NodeParams } }, async (request) => {
      const caller = requirePageCaller(request, (request.params as { node: string }).node);
      const body = bodyOf(request);
      checkGraph(AttachmentUploadRequest, body);
      const { attachment } = (body as { message: { attachment: { type: string; payload: Record<string, unknown> } } }).message;
      const upload = uploadOf(request);
      if (!upload && typeof attachment.payload.url !== 'string') throw invalidParam('param message.attachment.payload.url is required unless the file is sent as filedata');
      const resolved = await sendApi.resolveAttachment(deps.db, caller.pageId, deps.config.publicUrl, { type: attachment.type, payload: { ...attachment.payload, is_reusable: true } }, upload);
      return { attachment_id: resolved.attachmentId };
    });

    app.get('/:psid', { schema: { tags: ['graph'], summary: 'User Profile API: a PSID\'s public profile', params: Type.Object({ psid: Type.String({ maxLength: 40 }) }) } }, async (request) => {
      const caller = requirePageCaller(request);
      const { psid } = request.params as { psid: string };
      // `GET /me` (the page node itself) is how clients check a token, e.g. getPageInfo().
      if (psid === 'me' || psid === caller.pageId) {
        const wanted = requestedFields(request, 'id,name');
        const unknownField = wanted.find((field) => !pageFields.has(field));
        if (unknownField) throw invalidParam(`Tried accessing nonexisting field (${unknownField}) on node type (Page)`);
        const page = await pages.getPage(deps.db, caller.pageId);
        return { ...(wanted.includes('name') ? { name: page?.name ?? '' } : {}), id: caller.pageId };
      }
      const thread = await sendApi.resolvePsid(deps.db, caller.pageId, psid);
      const requested = requestedFields(request, 'first_name,last_name,profile_pic');
      const unknown = requested.filter((field) => !profileFields.has(field));
      if (unknown.length > 0) throw invalidParam(`Tried accessing nonexisting field (${unknown[0]}) on node type (User)`);
      const account = await accounts.getAccount(deps.db, thread.shopper_id);
      const name = account?.name ?? '';
      const [first, ...rest] = name.split(/\s+/);
      const all: Record<string, unknown> = {
        name,
        first_name: first ?? '',
        last_name: rest.join(' '),
        profile_pic: `${deps.config.publicUrl}/avatars/${psid}.svg`,
        locale: messengerLocale(account?.locale ?? null),
        timezone: 0,
        gender: 'unknown',
      };
      const profile: Record<string, unknown> = {};
      for (const field of requested) if (field !== 'id') profile[field] = all[field];
      profile.id = psid;
      return profile;
    });
  };
}
