import net from 'node:net';
import pino from 'pino';
import type { Engine } from '../../src/db/database.js';
import { loadConfig } from '../../src/config.js';
import { startPlatform, type Platform } from '../../src/platform.js';
import { freshStore } from './db.js';

export interface TestServer {
  url: string;
  /** The PostgreSQL schema, when the server runs on PostgreSQL. */
  schema?: string;
  platform: Platform;
  close(): Promise<void>;
}

/** The real platform on a fresh database, listening on a random loopback port, serving the built web app. */
/** A port nobody listens on right now, so the public URL can name it before the server starts. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startTestServer(options: { engine?: Engine; signInRateLimit?: number; env?: Record<string, string>; logFile?: string } = {}): Promise<TestServer> {
  const testStore = await freshStore(options.engine ?? 'sqlite');
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_RETRY_BASE_MS: '50',
    WEBHOOK_RETRY_MAX_MS: '200',
    // Tests make many profile calls on one page; the limits themselves are tested with low values.
    PROFILE_API_RATE_LIMIT: '100000',
    SEND_API_RATE_LIMIT: '100000',
    ...options.env,
    HOST: '127.0.0.1',
    DATA_DIR: testStore.dataDir,
    LOG_LEVEL: 'silent',
    SIGNIN_RATE_LIMIT: String(options.signInRateLimit ?? 1000),
  });
  // With a log file, everything down to debug is written to it, as an operator's logs would be.
  const logger = options.logFile ? pino({ level: 'debug' }, pino.destination({ dest: options.logFile, sync: true })) : undefined;
  const platform = await startPlatform({ config, store: testStore.store, logger });
  return {
    url: platform.url,
    schema: testStore.schema,
    platform,
    async close() {
      await platform.close();
      await testStore.dispose();
    },
  };
}
