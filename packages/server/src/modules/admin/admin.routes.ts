import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError, BetaApplication, DecisionBody } from '@tijara/protocol';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { requireAccount, sessionAuth } from '../../http/auth.js';
import { forbidden } from '../../http/errors.js';
import * as payments from '../payments/payments.service.js';

const errors = { 400: AppError, 401: AppError, 403: AppError, 404: AppError };
const tags = ['admin'];

/** The operator console's API: the payments beta queue and the money check. */
export function adminRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('preHandler', sessionAuth(deps.db, { required: true }));
    app.addHook('preHandler', async (request: FastifyRequest) => {
      if (requireAccount(request).role !== 'operator') throw forbidden('operator_only', 'Only platform operators can use the operator console');
    });

    app.get(
      '/api/admin/payment-applications',
      { schema: { tags, summary: 'Payments beta applications, newest first', querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')])) }), response: { 200: Type.Object({ data: Type.Array(BetaApplication) }), ...errors } } },
      async (request) => ({ data: await payments.listApplications(deps.db, request.query.status) }),
    );

    app.post(
      '/api/admin/payment-applications/:appId/decision',
      { schema: { tags, summary: 'Approve or reject an app\'s payments beta application', params: Type.Object({ appId: Type.String({ pattern: '^[0-9]{1,20}$' }) }), body: DecisionBody, response: { 200: BetaApplication, ...errors } } },
      async (request) => payments.decide(deps.db, request.params.appId, request.body.approve, request.body.note, requireAccount(request).id),
    );

    app.get(
      '/api/admin/ledger-check',
      { schema: { tags, summary: 'Do orders, payments, refunds and the ledger agree? Lists every disagreement', response: { 200: Type.Object({ ok: Type.Boolean(), problems: Type.Array(Type.String()) }), ...errors } } },
      async () => payments.checkLedger(deps.db),
    );
  };
}
