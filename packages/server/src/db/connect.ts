import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import type { Database, Engine } from './database.js';

export interface Store {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  /** A human-readable location for logs: the SQLite file or the PostgreSQL host/database. */
  readonly location: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  /** PostgreSQL schema to use (tests isolate themselves in one). */
  schema?: string;
  poolSize?: number;
  onSlowQuery?: (event: LogEvent) => void;
}

const int8 = 20;

export async function connect(options: ConnectOptions): Promise<Store> {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl, options);
  return connectSqlite(path.join(options.dataDir, 'tijara.sqlite'));
}

export function connectSqlite(file: string): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last commits.
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return { db, engine: 'sqlite', location: file, close: () => db.destroy() };
}

/**
 * Kysely prepares every statement anew; better-sqlite3 statements are reusable, and preparing costs
 * several times more than running a simple one. Queries are parameterized, so the set of distinct
 * SQL texts is small; the cache is bounded all the same.
 */
function withStatementCache(database: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const limit = 1000;
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property, receiver) as unknown;
        // Native methods must run on the real database object, not on the proxy.
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      }
      return (sql: string) => {
        let statement = cache.get(sql);
        if (!statement) {
          statement = target.prepare(sql);
          if (cache.size >= limit) cache.delete(cache.keys().next().value!);
          cache.set(sql, statement);
        }
        return statement;
      };
    },
  });
}

async function connectPostgres(url: string, options: ConnectOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // Timestamps are ms since the epoch in int8 columns: well inside the safe integer range.
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === int8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end();
    throw new Error(`Cannot reach PostgreSQL at ${redact(url)}: ${(error as Error).message}`);
  });
  client.release();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', location: redact(url), close: () => db.destroy() };
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}
