import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { BatchRequest, graphError, graphErrorCodes, type BatchRequestItem } from '@tijara/protocol/messenger';
import type { AppDeps } from '../deps.js';
import { checkGraph, decodeFormValues, invalidParam } from './graph.js';

const hiddenHeaders = new Set(['set-cookie', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date']);

/**
 * A sub-request whose `depends_on` names a request that failed (or none before it) is not run: a
 * bot that chains "send B only after A" must not have B reach the shopper when A was refused. The
 * reference names the field but not its semantics (§2.7); running B anyway is the one reading that
 * can hurt a shopper, so B is answered with a #100 instead.
 */
function skippedAnswer(item: BatchRequestItem, includeHeaders: boolean) {
  const status = graphErrorCodes.invalidParameter.status;
  const body = graphError('invalidParameter', `Not run: the request "${item.depends_on}" it depends on failed or is not earlier in the batch`, 'batch');
  return { code: status, ...(includeHeaders ? { headers: [{ name: 'content-type', value: 'application/json; charset=utf-8' }] } : {}), body: JSON.stringify(body) };
}

/**
 * Graph batch (POST / with up to 50 sub-requests): each runs through the same routes, in order,
 * with the batch's access token unless it names its own.
 */
export function graphBatchRoutes(root: () => FastifyInstance) {
  return (_deps: AppDeps): FastifyPluginAsync =>
    async (app) => {
      app.post('/', { schema: { tags: ['graph'], summary: 'Graph batch: up to 50 requests in one call' } }, async (request) => {
        const body = { ...((request.query ?? {}) as Record<string, unknown>), ...((request.body ?? {}) as Record<string, unknown>) };
        if (typeof body.batch === 'string') {
          try {
            body.batch = JSON.parse(body.batch);
          } catch {
            throw invalidParam('param batch must be a JSON array');
          }
        }
        if (typeof body.include_headers === 'string') body.include_headers = body.include_headers === 'true';
        const { access_token: token, appsecret_proof: proof, ...rest } = body;
        checkGraph(BatchRequest, rest);
        const { batch, include_headers: includeHeaders = true } = rest as { batch: BatchRequestItem[]; include_headers?: boolean };
        const answers = [];
        const succeeded = new Map<string, boolean>();
        for (const item of batch) {
          if (item.depends_on !== undefined && succeeded.get(item.depends_on) !== true) {
            if (item.name !== undefined) succeeded.set(item.name, false);
            answers.push(skippedAnswer(item, includeHeaders));
            continue;
          }
          const url = new URL(`/graph/${item.relative_url.replace(/^\/+/, '').replace(/^v\d+\.\d+\//, '')}`, 'http://batch.local');
          const subBody = item.body ? decodeFormValues(Object.fromEntries(new URLSearchParams(item.body))) : undefined;
          const hasOwnToken = url.searchParams.has('access_token') || (subBody !== undefined && 'access_token' in subBody);
          if (!hasOwnToken && typeof token === 'string') url.searchParams.set('access_token', token);
          if (!url.searchParams.has('appsecret_proof') && typeof proof === 'string' && !hasOwnToken) url.searchParams.set('appsecret_proof', proof);
          const response = await root().inject({
            method: item.method,
            url: url.pathname + url.search,
            ...(subBody !== undefined ? { payload: JSON.stringify(subBody), headers: { 'content-type': 'application/json' } } : {}),
          });
          const ok = response.statusCode >= 200 && response.statusCode < 300;
          if (item.name !== undefined) succeeded.set(item.name, ok);
          if (ok && item.omit_response_on_success) {
            answers.push(null);
            continue;
          }
          const headers = Object.entries(response.headers)
            .filter(([name]) => !hiddenHeaders.has(name))
            .map(([name, value]) => ({ name, value: String(value) }));
          answers.push({ code: response.statusCode, ...(includeHeaders ? { headers } : {}), body: response.body });
        }
        return answers;
      });
    };
}
