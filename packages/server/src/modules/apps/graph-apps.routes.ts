import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { webhookFields, type WebhookField } from '@tijara/protocol';
import type { AppDeps } from '../../deps.js';
import { GraphFailure, invalidParam } from '../../http/graph.js';
import { graphAuth, requirePageCaller } from '../../http/graph.plugin.js';
import * as webhooks from '../webhooks/webhooks.service.js';
import * as apps from './apps.service.js';

const NodeParams = Type.Object({ node: Type.String({ maxLength: 40 }) });

/**
 * Fields the reference lists (§5.2) for events Tijara never sends. Clients ask for some of them by
 * default (messaging-api-messenger's createSubscription adds messaging_handovers and
 * messaging_policy_enforcement), so they are accepted and left out instead of failing the call.
 */
const fieldsNeverSent = new Set(['messaging_account_linking', 'messaging_policy_enforcement', 'messaging_handovers', 'standby', 'messaging_game_plays', 'message_reactions']);

function fieldList(raw: unknown, param: string): WebhookField[] | undefined {
  if (raw === undefined) return undefined;
  const named = (Array.isArray(raw) ? raw.map(String) : String(raw).split(',')).map((field) => field.trim()).filter(Boolean);
  for (const field of named) if (!fieldsNeverSent.has(field) && !(webhookFields as readonly string[]).includes(field)) throw invalidParam(`param ${param} has an unknown field "${field}"`);
  const fields = [...new Set(named.filter((field) => !fieldsNeverSent.has(field)))];
  if (fields.length === 0) throw invalidParam(`param ${param} must name at least one of ${webhookFields.join(', ')}`);
  return fields as WebhookField[];
}

const params = (request: FastifyRequest) => ({ ...((request.query ?? {}) as Record<string, unknown>), ...((request.body ?? {}) as Record<string, unknown>) });

/** Graph edges about apps: a page's subscribed apps, and an app's webhook subscription (app token). */
export function graphAppsRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.addHook('preHandler', graphAuth(deps));

    app.get('/:node/subscribed_apps', { schema: { tags: ['graph'], summary: 'Apps subscribed to the page\'s webhooks', params: NodeParams } }, async (request) => {
      const caller = requirePageCaller(request, (request.params as { node: string }).node);
      const list = await apps.subscribedApps(deps.db, caller.pageId);
      return { data: list.map((entry) => ({ id: entry.appId, name: entry.name, subscribed_fields: entry.fields })) };
    });

    app.post('/:node/subscribed_apps', { schema: { tags: ['graph'], summary: 'Subscribe the token\'s app to the page (subscribed_fields optional)', params: NodeParams } }, async (request) => {
      const caller = requirePageCaller(request, (request.params as { node: string }).node);
      const fields = fieldList(params(request).subscribed_fields, 'subscribed_fields') ?? [...webhookFields];
      await apps.subscribePage(deps.db, caller.pageId, caller.appId, fields);
      return { success: true };
    });

    app.delete('/:node/subscribed_apps', { schema: { tags: ['graph'], summary: 'Unsubscribe the token\'s app from the page', params: NodeParams } }, async (request) => {
      const caller = requirePageCaller(request, (request.params as { node: string }).node);
      await apps.unsubscribePage(deps.db, caller.pageId, caller.appId);
      return { success: true };
    });

    const appCaller = (request: FastifyRequest) => {
      const caller = request.graphCaller;
      const appId = (request.params as { node: string }).node;
      if (!caller || caller.kind !== 'app') throw new GraphFailure('invalidToken', 'This call needs an app access token (app_id|app_secret).');
      if (caller.appId !== appId) throw invalidParam(`The app ${appId} is not the app of this access token`);
      return caller;
    };

    app.get('/:node/subscriptions', { schema: { tags: ['graph'], summary: 'The app\'s webhook subscription (app token)', params: NodeParams } }, async (request) => {
      const caller = appCaller(request);
      const hook = await apps.getWebhookRow(deps.db, caller.appId);
      if (!hook) return { data: [] };
      const fields = JSON.parse(hook.fields) as string[];
      return { data: [{ object: 'page', callback_url: hook.callback_url, active: hook.disabled_at === null, fields: fields.map((name) => ({ name, version: 'v6.0' })) }] };
    });

    app.post('/:node/subscriptions', { schema: { tags: ['graph'], summary: 'Set the app\'s webhook: verified by the hub.challenge handshake first (app token)', params: NodeParams } }, async (request) => {
      const caller = appCaller(request);
      const input = params(request);
      if (input.object !== undefined && input.object !== 'page') throw invalidParam('param object must be "page"');
      if (typeof input.callback_url !== 'string') throw invalidParam('param callback_url is required');
      if (typeof input.verify_token !== 'string' || input.verify_token === '') throw invalidParam('param verify_token is required');
      const fields = fieldList(input.fields, 'fields');
      if (!fields) throw invalidParam('param fields is required');
      try {
        await webhooks.verifyCallback(deps.outbound, input.callback_url, input.verify_token, deps.config.webhooks.timeoutMs);
      } catch (error) {
        throw invalidParam((error as Error).message.replace('body.callbackUrl', 'param callback_url'));
      }
      await deps.db.transaction().execute(async (trx) => {
        await apps.setWebhook(trx, caller.appId, { callbackUrl: input.callback_url as string, verifyToken: input.verify_token as string, fields });
        await webhooks.resumeDeliveries(trx, caller.appId);
      });
      deps.outbox.committed();
      return { success: true };
    });
  };
}
