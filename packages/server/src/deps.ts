import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Database, Engine } from './db/database.js';
import type { Outbox } from './events/outbox.js';
import type { SocketHub } from './realtime/hub.js';
import type { Outbound } from './modules/webhooks/webhooks.service.js';
import type { Vault } from './modules/payments/vault.js';
import type { ProviderFactories } from './modules/payments/payments.service.js';

/** What routes and workers need; built once by main.ts (or a test) and passed down explicitly. */
export interface AppDeps {
  readonly config: Config;
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  readonly outbox: Outbox;
  readonly hub: SocketHub;
  /** The only way the platform calls out to bots (webhooks, handshakes): guarded against private targets. */
  readonly outbound: Outbound;
  /** Seals card numbers and provider secrets (AES-256-GCM). */
  readonly vault: Vault;
  /** Builds the Stripe and tokenized-card providers for a page. */
  readonly providers: ProviderFactories;
}
