import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import type { Store } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import type { AppDeps } from './deps.js';
import { createDispatcher, type Dispatcher } from './events/dispatcher.js';
import { createOutbox } from './events/outbox.js';
import { pruneExpiredSessions } from './modules/accounts/accounts.service.js';
import { pageMembers } from './modules/pages/pages.service.js';
import { createVault, loadVaultKey } from './modules/payments/vault.js';
import type { ProviderFactories } from './modules/payments/payments.service.js';
import { createStripeProvider } from './modules/payments/providers/stripe.js';
import { createTokenProvider } from './modules/payments/providers/token.js';
import { createSocketHub } from './realtime/hub.js';
import { createOutbound, createWebhookWorker, type WebhookWorker } from './modules/webhooks/webhooks.service.js';

export interface Platform {
  readonly app: FastifyInstance;
  readonly deps: AppDeps;
  readonly dispatcher: Dispatcher;
  readonly webhooks: WebhookWorker;
  /** The address it listens on, e.g. http://127.0.0.1:3000. */
  readonly url: string;
  close(): Promise<void>;
}

export interface PlatformOptions {
  config: Config;
  store: Store;
  logger?: FastifyBaseLogger;
  webRoot?: string | null;
}

/** Migrates, wires the dependencies, starts the workers and listens. Closing reverses it in order. */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const { config, store } = options;
  await migrateToLatest(store.db);
  const hub = createSocketHub();
  const outbox = createOutbox(store.engine);
  const outbound = createOutbound({ allowPrivate: config.webhooks.allowPrivate });
  const vault = createVault(loadVaultKey(config));
  const providers: ProviderFactories = {
    stripe: (secretKey) => createStripeProvider({ secretKey, apiBase: config.stripeApiBase }),
    token: (publicKeyArmored) => createTokenProvider({ publicKeyArmored }),
  };
  const deps: AppDeps = { config, db: store.db, engine: store.engine, outbox, hub, outbound, vault, providers };
  const app = await buildApp(deps, { logger: options.logger, webRoot: options.webRoot });
  const dispatcher = createDispatcher({
    db: store.db,
    outbox,
    hub,
    log: app.log,
    pageMembers,
    pollIntervalMs: store.engine === 'postgres' ? 250 : 1000,
  });
  await dispatcher.start();
  const webhooks = createWebhookWorker({ db: store.db, engine: store.engine, outbox, outbound, config: config.webhooks, log: app.log });
  await webhooks.start();
  const pruning = setInterval(() => {
    pruneExpiredSessions(store.db).catch((error: unknown) => app.log.warn({ err: error }, 'pruning expired sessions failed'));
  }, 60 * 60 * 1000);
  pruning.unref();
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  let closing: Promise<void> | undefined;
  return {
    app,
    deps,
    dispatcher,
    webhooks,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    close() {
      closing ??= (async () => {
        clearInterval(pruning);
        hub.closeAll();
        await app.close();
        await dispatcher.stop();
        await webhooks.stop();
        await outbound.close();
      })();
      return closing;
    },
  };
}
