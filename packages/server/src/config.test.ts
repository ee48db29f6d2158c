import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

test('with no environment the platform uses SQLite in ./data on port 3000', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.dataDir, path.resolve('data'));
  assert.equal(config.publicUrl, 'http://localhost:3000');
  assert.equal(config.secureCookies, false);
  assert.ok(Object.isFrozen(config));
});

test('every bad setting is reported at once, each by name', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', PUBLIC_URL: 'ftp://x' }),
    (error: Error) => {
      assert.ok(error instanceof ConfigError);
      for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'PUBLIC_URL']) assert.match(error.message, new RegExp(name));
      return true;
    },
  );
});

test('an https public URL turns on secure cookies', () => {
  const config = loadConfig({ PUBLIC_URL: 'https://shop.example/' });
  assert.equal(config.publicUrl, 'https://shop.example');
  assert.equal(config.secureCookies, true);
});
