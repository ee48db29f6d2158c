import type { Engine } from '../../src/db/database.js';
import { loadConfig } from '../../src/config.js';
import { startPlatform, type Platform } from '../../src/platform.js';
import { freshStore } from './db.js';

export interface TestServer {
  url: string;
  platform: Platform;
  close(): Promise<void>;
}

/** The real platform on a fresh database, listening on a random loopback port, serving the built web app. */
export async function startTestServer(options: { engine?: Engine; signInRateLimit?: number } = {}): Promise<TestServer> {
  const testStore = await freshStore(options.engine ?? 'sqlite');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: testStore.dataDir,
    LOG_LEVEL: 'silent',
    SIGNIN_RATE_LIMIT: String(options.signInRateLimit ?? 1000),
  });
  const platform = await startPlatform({ config, store: testStore.store });
  return {
    url: platform.url,
    platform,
    async close() {
      await platform.close();
      await testStore.dispose();
    },
  };
}
