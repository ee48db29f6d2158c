import path from 'node:path';

export interface Config {
  readonly port: number;
  readonly host: string;
  /** postgres://… switches storage to PostgreSQL; undefined means SQLite in dataDir. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly publicUrl: string;
  readonly logLevel: string;
  /** Cookie `Secure` flag: on when the public URL is https. */
  readonly secureCookies: boolean;
  /** Sign-in attempts allowed per IP and email each minute. */
  readonly signInRateLimit: number;
  /** Send API calls per page per second before error 613, and Messenger Profile calls per page per 10 minutes. */
  readonly graphRateLimits: { readonly sendPerSecond: number; readonly profilePerTenMinutes: number };
  /** Base64 of 32 bytes; unset means DATA_DIR/vault.key, created on the first start. */
  readonly vaultKey: string | undefined;
  readonly webhooks: {
    /** Deliver to callback URLs on loopback or private networks (the demo and tests need it). */
    readonly allowPrivate: boolean;
    readonly timeoutMs: number;
    readonly retryBaseMs: number;
    readonly retryMaxMs: number;
    readonly warnAfterMs: number;
    readonly disableAfterMs: number;
    /** How long checkout waits for a bot's checkout_update or pre_checkout answer. */
    readonly syncTimeoutMs: number;
  };
  /** Where the Stripe SDK sends its calls; unset means Stripe itself. Tests point it at a stand-in. */
  readonly stripeApiBase: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The only reader of the environment: validated once, frozen. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };

  const port = integer('PORT', 3000, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for SQLite)');
  }
  const dataDir = path.resolve(env.DATA_DIR || './data');
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    const url = new URL(publicUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
  } catch {
    problems.push(`PUBLIC_URL must be an http(s) URL (got "${env.PUBLIC_URL}")`);
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!logLevels.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}`);
  const signInRateLimit = integer('SIGNIN_RATE_LIMIT', 10, 1, 100000);
  const allowPrivateRaw = env.WEBHOOK_ALLOW_PRIVATE ?? 'false';
  if (!['true', 'false'].includes(allowPrivateRaw)) problems.push(`WEBHOOK_ALLOW_PRIVATE must be true or false (got "${allowPrivateRaw}")`);
  const graphRateLimits = Object.freeze({
    sendPerSecond: integer('SEND_API_RATE_LIMIT', 300, 1, 1_000_000),
    profilePerTenMinutes: integer('PROFILE_API_RATE_LIMIT', 10, 1, 1_000_000),
  });
  const vaultKey = env.VAULT_KEY || undefined;
  if (vaultKey && Buffer.from(vaultKey, 'base64').length !== 32) problems.push('VAULT_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
  const webhooks = Object.freeze({
    allowPrivate: allowPrivateRaw === 'true',
    timeoutMs: integer('WEBHOOK_TIMEOUT_MS', 20_000, 100, 120_000),
    retryBaseMs: integer('WEBHOOK_RETRY_BASE_MS', 1_000, 1, 3_600_000),
    retryMaxMs: integer('WEBHOOK_RETRY_MAX_MS', 15 * 60_000, 1, 24 * 3_600_000),
    warnAfterMs: integer('WEBHOOK_WARN_AFTER_MS', 15 * 60_000, 1, 7 * 24 * 3_600_000),
    disableAfterMs: integer('WEBHOOK_DISABLE_AFTER_MS', 8 * 3_600_000, 1, 30 * 24 * 3_600_000),
    syncTimeoutMs: integer('CHECKOUT_CALLBACK_TIMEOUT_MS', 10_000, 100, 60_000),
  });
  const stripeApiBase = env.STRIPE_API_BASE || undefined;
  if (stripeApiBase && !/^https?:\/\//.test(stripeApiBase)) problems.push('STRIPE_API_BASE must be an http(s) URL');

  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return Object.freeze({
    port,
    host,
    databaseUrl,
    dataDir,
    publicUrl,
    logLevel,
    secureCookies: publicUrl.startsWith('https:'),
    signInRateLimit,
    vaultKey,
    graphRateLimits,
    webhooks,
    stripeApiBase,
  });
}
