import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError, LocaleBody, Session, SignInBody, SignUpBody } from '@tijara/protocol';
import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { requireAccount, sessionAuth, sessionCookie } from '../../http/auth.js';
import { unauthorized } from '../../http/errors.js';
import * as accounts from './accounts.service.js';

export function accountsRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const setCookie = (reply: FastifyReply, token: string) =>
      reply.setCookie(sessionCookie, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.secureCookies,
        path: '/',
        maxAge: accounts.sessionLifetimeMs / 1000,
      });
    const errors = { 400: AppError, 401: AppError, 403: AppError, 409: AppError, 429: AppError };

    app.post(
      '/api/accounts',
      { schema: { tags: ['accounts'], summary: 'Sign up (shopper or merchant) and start a session', body: SignUpBody, response: { 201: Session, ...errors } } },
      async (request, reply) => {
        const issued = await accounts.signUp(deps.db, request.body);
        setCookie(reply, issued.token);
        return reply.status(201).send({ account: issued.account, csrfToken: issued.csrfToken });
      },
    );

    app.post(
      '/api/sessions',
      {
        schema: { tags: ['accounts'], summary: 'Sign in', body: SignInBody, response: { 200: Session, ...errors } },
        config: {
          rateLimit: {
            max: deps.config.signInRateLimit,
            timeWindow: '1 minute',
            // After body parsing, so the key can include the email being tried.
            hook: 'preHandler',
            keyGenerator: (request) => {
              const email = (request.body as { email?: unknown } | undefined)?.email;
              return `${request.ip}:${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
            },
          },
        },
      },
      async (request, reply) => {
        const issued = await accounts.signIn(deps.db, request.body);
        setCookie(reply, issued.token);
        return { account: issued.account, csrfToken: issued.csrfToken };
      },
    );

    app.get(
      '/api/session',
      { schema: { tags: ['accounts'], summary: 'The current session', response: { 200: Session, 401: AppError } }, preHandler: sessionAuth(deps.db, { required: true }) },
      async (request) => ({ account: requireAccount(request), csrfToken: request.csrfToken! }),
    );

    app.put(
      '/api/session/locale',
      { schema: { tags: ['accounts'], summary: 'Remember the language the person chose (bots see it as the profile locale)', body: LocaleBody, response: { 200: Session, 400: AppError, 401: AppError, 403: AppError } }, preHandler: sessionAuth(deps.db, { required: true }) },
      async (request) => ({ account: await accounts.setLocale(deps.db, requireAccount(request).id, request.body.locale), csrfToken: request.csrfToken! }),
    );

    app.delete(
      '/api/session',
      { schema: { tags: ['accounts'], summary: 'Sign out', response: { 204: Type.Null(), 401: AppError, 403: AppError } }, preHandler: sessionAuth(deps.db, { required: true }) },
      async (request, reply) => {
        const token = request.cookies[sessionCookie];
        if (!token) throw unauthorized();
        await accounts.signOut(deps.db, token);
        reply.clearCookie(sessionCookie, { path: '/' });
        return reply.status(204).send(null);
      },
    );
  };
}
