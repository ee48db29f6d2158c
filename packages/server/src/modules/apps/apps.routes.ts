import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ApplyForPaymentsBody, BetaApplication, AppError, AppWithSecret, ConnectPageBody, CreateAppBody, DeveloperApp, DeveloperAppList, IssuedPageToken, ListQuery, SetWebhookBody, UpdateAppBody, WebhookDelivery, WebhookDeliveryList } from '@tijara/protocol';
import type { AppDeps } from '../../deps.js';
import { requireAccount, sessionAuth } from '../../http/auth.js';
import * as webhooks from '../webhooks/webhooks.service.js';
import * as payments from '../payments/payments.service.js';
import * as apps from './apps.service.js';

const AppParams = Type.Object({ appId: Type.String({ pattern: '^[0-9]{1,20}$' }) });
const errors = { 400: AppError, 401: AppError, 403: AppError, 404: AppError };
const tags = ['developers'];

/** The developer console's API: apps, secrets, page tokens, the webhook and its delivery log. */
export function appsRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('preHandler', sessionAuth(deps.db, { required: true }));
    const owned = (appId: string, accountId: string) => apps.requireOwnedApp(deps.db, appId, accountId);

    app.get('/api/developer/apps', { schema: { tags, summary: 'Your apps', response: { 200: DeveloperAppList, ...errors } } }, async (request) => ({
      data: await apps.listApps(deps.db, requireAccount(request).id),
    }));

    app.post(
      '/api/developer/apps',
      { schema: { tags, summary: 'Create an app; the secret is shown in this answer only', body: CreateAppBody, response: { 201: AppWithSecret, ...errors } } },
      async (request, reply) => reply.status(201).send(await deps.db.transaction().execute((trx) => apps.createApp(trx, requireAccount(request).id, request.body))),
    );

    app.get('/api/developer/apps/:appId', { schema: { tags, summary: 'One app', params: AppParams, response: { 200: DeveloperApp, ...errors } } }, async (request) =>
      apps.getApp(deps.db, request.params.appId, requireAccount(request).id),
    );

    app.patch(
      '/api/developer/apps/:appId',
      { schema: { tags, summary: 'Rename, or require appsecret_proof on every call', params: AppParams, body: UpdateAppBody, response: { 200: DeveloperApp, ...errors } } },
      async (request) => apps.updateApp(deps.db, request.params.appId, requireAccount(request).id, request.body),
    );

    app.post(
      '/api/developer/apps/:appId/secret',
      { schema: { tags, summary: 'Rotate the app secret; the old one stops working at once', params: AppParams, response: { 200: AppWithSecret, ...errors } } },
      async (request) => apps.rotateSecret(deps.db, request.params.appId, requireAccount(request).id),
    );

    app.post(
      '/api/developer/apps/:appId/pages',
      { schema: { tags, summary: 'Connect a page you manage: issues a page access token (shown once) and subscribes the app to the page', params: AppParams, body: ConnectPageBody, response: { 201: IssuedPageToken, ...errors } } },
      async (request, reply) =>
        reply.status(201).send(await deps.db.transaction().execute((trx) => apps.connectPage(trx, request.params.appId, request.body.pageId, requireAccount(request).id))),
    );

    app.delete(
      '/api/developer/apps/:appId/tokens/:tokenId',
      { schema: { tags, summary: 'Revoke a page access token', params: Type.Object({ appId: Type.String(), tokenId: Type.String({ maxLength: 40 }) }), response: { 200: DeveloperApp, ...errors } } },
      async (request) => apps.revokeToken(deps.db, request.params.appId, request.params.tokenId, requireAccount(request).id),
    );

    app.put(
      '/api/developer/apps/:appId/webhook',
      {
        schema: {
          tags,
          summary: 'Set the webhook: the callback must pass the hub.challenge handshake before it is saved; saving again re-enables a disabled webhook',
          params: AppParams,
          body: SetWebhookBody,
          response: { 200: DeveloperApp, ...errors },
        },
      },
      async (request) => {
        const accountId = requireAccount(request).id;
        await owned(request.params.appId, accountId);
        // The handshake calls the outside world, so it runs before, not inside, the transaction.
        await webhooks.verifyCallback(deps.outbound, request.body.callbackUrl, request.body.verifyToken, deps.config.webhooks.timeoutMs);
        await deps.db.transaction().execute(async (trx) => {
          await apps.setWebhook(trx, request.params.appId, request.body);
          await webhooks.resumeDeliveries(trx, request.params.appId);
        });
        deps.outbox.committed();
        return apps.getApp(deps.db, request.params.appId, accountId);
      },
    );

    app.delete('/api/developer/apps/:appId/webhook', { schema: { tags, summary: 'Remove the webhook', params: AppParams, response: { 200: DeveloperApp, ...errors } } }, async (request) => {
      const accountId = requireAccount(request).id;
      await owned(request.params.appId, accountId);
      await apps.removeWebhook(deps.db, request.params.appId);
      return apps.getApp(deps.db, request.params.appId, accountId);
    });

    app.get(
      '/api/developer/apps/:appId/payments-application',
      { schema: { tags, summary: 'The app\'s payments beta application (null before applying)', params: AppParams, response: { 200: Type.Union([BetaApplication, Type.Null()]), ...errors } } },
      async (request) => {
        await owned(request.params.appId, requireAccount(request).id);
        return payments.getApplication(deps.db, request.params.appId);
      },
    );

    app.post(
      '/api/developer/apps/:appId/payments-application',
      { schema: { tags, summary: 'Apply for the payments beta; an operator approves it. Until then only test payments by testers work', params: AppParams, body: ApplyForPaymentsBody, response: { 201: BetaApplication, 409: AppError, ...errors } } },
      async (request, reply) => {
        await owned(request.params.appId, requireAccount(request).id);
        return reply.status(201).send(await payments.applyForPayments(deps.db, request.params.appId, request.body.useCase));
      },
    );

    app.get(
      '/api/developer/apps/:appId/deliveries',
      { schema: { tags, summary: 'The webhook delivery log, newest first', params: AppParams, querystring: ListQuery, response: { 200: WebhookDeliveryList, ...errors } } },
      async (request) => {
        await owned(request.params.appId, requireAccount(request).id);
        return webhooks.listDeliveries(deps.db, request.params.appId, request.query);
      },
    );

    app.post(
      '/api/developer/apps/:appId/deliveries/:deliveryId/resend',
      { schema: { tags, summary: 'Send a delivery again', params: Type.Object({ appId: Type.String(), deliveryId: Type.String({ maxLength: 40 }) }), response: { 201: WebhookDelivery, ...errors } } },
      async (request, reply) => {
        await owned(request.params.appId, requireAccount(request).id);
        const delivery = await webhooks.resend(deps.db, request.params.appId, request.params.deliveryId);
        deps.outbox.committed();
        return reply.status(201).send(delivery);
      },
    );
  };
}
