import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Account } from '@tijara/protocol';
import type { Db } from '../db/database.js';
import * as accounts from '../modules/accounts/accounts.service.js';
import { forbidden, unauthorized } from './errors.js';

export const sessionCookie = 'tijara_session';

declare module 'fastify' {
  interface FastifyRequest {
    account: Account | null;
    csrfToken: string | null;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie authentication for the app API. Writes must also carry the session's CSRF token in
 * X-CSRF-Token: SameSite cookies alone do not cover same-site subdomains or older browsers.
 */
export function sessionAuth(db: Db, options: { required: boolean }) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = request.cookies[sessionCookie];
    const session = token ? await accounts.authenticate(db, token) : null;
    if (!session) {
      if (options.required) throw unauthorized();
      return;
    }
    if (!safeMethods.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw forbidden('csrf_mismatch', 'The X-CSRF-Token header is missing or stale; reload the page and try again');
    }
    request.account = session.account;
    request.csrfToken = session.csrfToken;
  };
}

export function requireAccount(request: FastifyRequest): Account {
  if (!request.account) throw unauthorized();
  return request.account;
}
