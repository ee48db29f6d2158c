import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { messengerLimits } from '@tijara/protocol/messenger';
import type { AppDeps } from '../deps.js';
import * as apps from '../modules/apps/apps.service.js';
import { accessTokenOf, appSecretProofOf, decodeFormValues, GraphFailure, invalidParam, sendGraphError } from './graph.js';
import { timingSafeEqual } from 'node:crypto';

export type GraphCaller =
  | { kind: 'page'; appId: string; pageId: string; token: string }
  | { kind: 'app'; appId: string; token: string };

declare module 'fastify' {
  interface FastifyRequest {
    graphCaller: GraphCaller | null;
  }
}

export interface UploadedFile {
  bytes: Buffer;
  contentType: string;
}

type MultipartPart = { type: 'file'; mimetype: string; toBuffer(): Promise<Buffer> } | { type: 'field'; value: unknown };

const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Authenticates the token (page or app), checking appsecret_proof when present or required. */
export function graphAuth(deps: AppDeps) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = accessTokenOf(request);
    if (!token) throw new GraphFailure('invalidToken', 'An active access token must be used to query information about the current user.');
    const proof = appSecretProofOf(request);
    if (token.includes('|')) {
      const app = await apps.authenticateAppToken(deps.db, token);
      if (!app) throw new GraphFailure('invalidToken', 'Invalid OAuth access token.');
      request.graphCaller = { kind: 'app', appId: app.id, token };
      return;
    }
    const caller = await apps.authenticatePageToken(deps.db, token);
    if (!caller) throw new GraphFailure('invalidToken', 'Invalid OAuth access token: the token is unknown or was revoked.');
    if (proof !== undefined && !sameHex(proof, apps.appSecretProof(caller.appSecret, token))) throw invalidParam('Invalid appsecret_proof provided in the API argument');
    if (proof === undefined && caller.requireProof) throw invalidParam('API calls from the server require an appsecret_proof argument');
    request.graphCaller = { kind: 'page', appId: caller.appId, pageId: caller.pageId, token };
  };
}

export function requirePageCaller(request: FastifyRequest, node?: string): Extract<GraphCaller, { kind: 'page' }> {
  const caller = request.graphCaller;
  if (!caller || caller.kind !== 'page') throw new GraphFailure('invalidToken', 'This call needs a page access token.');
  if (node !== undefined && node !== 'me' && node !== caller.pageId) throw invalidParam(`The page ${node} is not the page of this access token`);
  return caller;
}

/**
 * The Graph dialect's scope: its own error envelope and body encodings (JSON, form-encoded with
 * JSON-string values, multipart). Register it with the /graph prefix: rewriteGraphUrl sends every
 * /vN.N/… and bare Graph path there.
 */
export function graphPlugin(deps: AppDeps, routes: Array<(deps: AppDeps) => FastifyPluginAsync>): FastifyPluginAsync {
  return async (app) => {
    app.decorateRequest('graphCaller', null);
    app.setErrorHandler((error, request, reply) => sendGraphError(error as Error, request, reply));
    app.setNotFoundHandler((request, reply) => sendGraphError(invalidParam(`Unsupported ${request.method} request: no such edge ${request.url.replace(/^\/graph/, '').split('?')[0]}`), request, reply));
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      const form: Record<string, string | string[]> = {};
      for (const [key, value] of new URLSearchParams(body as string)) form[key] = value;
      done(null, decodeFormValues(form));
    });
    app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(invalidParam('The request body is not valid JSON'));
      }
    });
    await app.register(multipart, { attachFieldsToBody: true, limits: { fileSize: messengerLimits.attachmentBytes, files: 1, fields: 20 } });
    // Multipart parts become the same shape as the other encodings, with the file as `filedata`.
    app.addHook('preValidation', async (request) => {
      if (!request.isMultipart()) return;
      const fields: Record<string, string> = {};
      let filedata: UploadedFile | undefined;
      for (const [key, part] of Object.entries(request.body as Record<string, MultipartPart | MultipartPart[]>)) {
        const single = Array.isArray(part) ? part[0]! : part;
        if (single.type === 'file') filedata = { bytes: await single.toBuffer(), contentType: single.mimetype };
        else fields[key] = String(single.value);
      }
      request.body = { ...decodeFormValues(fields), ...(filedata ? { filedata } : {}) };
    });
    for (const route of routes) await app.register(route(deps));
  };
}

/**
 * Route config for a per-page rate limit (error 613 when exceeded). It runs after the token is
 * authenticated, so the key is the page, not the caller's address.
 */
export function pageRateLimit(max: number, timeWindow: number) {
  return {
    rateLimit: {
      max,
      timeWindow,
      hook: 'preHandler' as const,
      keyGenerator: (request: FastifyRequest) => {
        const caller = request.graphCaller;
        return caller?.kind === 'page' ? `page:${caller.pageId}:${request.routeOptions.url}` : `ip:${request.ip}`;
      },
    },
  };
}
