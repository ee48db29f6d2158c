import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Engine } from '../../src/db/database.js';
import { connect, type Store } from '../../src/db/connect.js';
import { newToken } from '../../src/lib/ids.js';

export const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The engines every store test runs on: SQLite always, PostgreSQL when reachable. In CI a missing
 * PostgreSQL is a failure, never a silent skip.
 */
export async function testEngines(): Promise<Engine[]> {
  if (await postgresReachable()) return ['sqlite', 'postgres'];
  if (process.env.CI === 'true') throw new Error(`PostgreSQL is required in CI but ${postgresUrl} is unreachable`);
  console.warn(`# PostgreSQL at ${postgresUrl} is unreachable: running the SQLite half only`);
  return ['sqlite'];
}

export interface TestStore {
  store: Store;
  databaseUrl: string | undefined;
  dataDir: string;
  /** PostgreSQL schema of this store, for processes that must share it. */
  schema?: string;
  dispose(): Promise<void>;
}

/** A fresh, empty database: a new SQLite file, or a new PostgreSQL schema dropped afterwards. */
export async function freshStore(engine: Engine): Promise<TestStore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tijara-test-'));
  if (engine === 'sqlite') {
    const store = await connect({ databaseUrl: undefined, dataDir });
    return {
      store,
      databaseUrl: undefined,
      dataDir,
      async dispose() {
        await store.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${newToken(9).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const store = await connect({ databaseUrl: postgresUrl, dataDir, schema });
  return {
    store,
    databaseUrl: postgresUrl,
    dataDir,
    schema,
    async dispose() {
      await store.close();
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`drop schema if exists ${schema} cascade`);
      await cleanup.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
