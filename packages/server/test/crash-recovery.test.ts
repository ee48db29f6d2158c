import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { ApiClient } from './helpers/client.js';
import { freshStore, testEngines } from './helpers/db.js';
import { freePort } from './helpers/server.js';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/tijara.js');

/** Resolves when the process has ended; a signal-killed process keeps exitCode null and sets signalCode. */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts `tijara start` as its own process and waits for /health. */
async function startProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'start'], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited early: ${output}`);
    const ok = await fetch(`http://127.0.0.1:${env.PORT}/health`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer: ${output}`);
}

for (const engine of await testEngines()) {
  describe(`crash recovery on ${engine}`, () => {
    test('killing the server mid-conversation loses no acknowledged message, and a reconnecting client gets what it missed', async () => {
      const store = await freshStore(engine);
      await store.store.close();
      const port = await freePort();
      const env: Record<string, string> = { PORT: String(port), DATA_DIR: store.dataDir };
      if (store.databaseUrl) env.DATABASE_URL = `${store.databaseUrl}?options=${encodeURIComponent(`-c search_path=${store.schema}`)}`;
      const url = `http://127.0.0.1:${port}`;
      execFileSync(process.execPath, [bin, 'seed-demo'], { env: { ...process.env, ...env }, stdio: 'ignore' });
      let child = await startProcess(env);
      try {
        const shopper = new ApiClient(url);
        assert.equal((await shopper.signIn('shopper@tijara.test', 'shopper-demo-pass')).status, 200);
        const thread = (await shopper.get('/api/threads')).body.data[0];
        const tab = await shopper.openSocket();
        const ready = await tab.waitFor((f) => f.type === 'ready');
        tab.close();

        // Fire a burst and kill the process while it is still answering.
        const acknowledged: string[] = [];
        const sends = Array.from({ length: 40 }, (_, i) =>
          shopper.post(`/api/threads/${thread.id}/messages`, { clientId: `burst-${i}`, text: `burst ${i}` }).then(
            (reply) => {
              if (reply.status === 201) acknowledged.push(reply.body.id);
              if (acknowledged.length === 10) child.kill('SIGKILL');
            },
            () => undefined,
          ),
        );
        await Promise.all(sends);
        if (acknowledged.length < 10) child.kill('SIGKILL');
        await exited(child);
        assert.ok(acknowledged.length >= 10, `at least ten sends were acknowledged (${acknowledged.length})`);

        child = await startProcess(env);
        const history = await shopper.get(`/api/threads/${thread.id}/messages?limit=100`);
        const stored = new Set(history.body.data.map((m: { id: string }) => m.id));
        for (const id of acknowledged) assert.ok(stored.has(id), `acknowledged message ${id} survived the crash`);
        const seqs = history.body.data.map((m: { seq: number }) => m.seq);
        assert.deepEqual(seqs, seqs.map((_: number, i: number) => i + 1), 'no gap and no duplicate in the thread');

        const again = await shopper.openSocket(ready.lastEventId);
        await again.waitFor((f) => f.type === 'ready');
        const replayed = new Set(again.frames.filter((f) => f.type === 'message.created').map((f) => f.message.id));
        assert.deepEqual([...stored].filter((id) => !replayed.has(id as string)), [], 'every stored message is replayed');
        again.close();
      } finally {
        child.kill('SIGTERM');
        await exited(child);
        await store.dispose().catch(() => {});
      }
    });
  });
}
