// One system under load, in its own process so the load generator never shares its event loop
// (as wrk would not). Started by run.ts with IPC: answers {url} once listening, {cpuMicros} on
// 'cpu', and closes (dropping its database) on 'stop'.
import Fastify from 'fastify';
import type { Engine } from '../packages/server/src/db/database.js';
import { startTestServer } from '../packages/server/test/helpers/server.js';

export type TargetName = 'fastify' | Engine;

async function start(name: TargetName): Promise<{ url: string; close(): Promise<void> }> {
  if (name === 'fastify') {
    const app = Fastify({ logger: false });
    app.get('/', async () => ({ hello: 'world' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address() as { port: number };
    return { url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
  }
  // The real platform on a fresh database, loopback only; startTestServer turns logging off. The
  // per-page Send API limit (300/s by default) stays in the path but is raised out of reach: at its
  // default most of the load would be answered 613, and the bench measures the send itself.
  const server = await startTestServer({ engine: name, env: { SEND_API_RATE_LIMIT: '1000000' } });
  return { url: server.url, close: () => server.close() };
}

const name = process.argv[2] as TargetName;
const target = await start(name);
process.send?.({ url: target.url });
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  target
    .close()
    .catch((error: unknown) => console.error(error))
    .finally(() => process.exit(0));
}
process.on('message', (message) => {
  if (message === 'stop') stop();
  // CPU time spent by this process so far: the bench divides the difference by the requests served.
  if (message === 'cpu') {
    const usage = process.cpuUsage();
    process.send?.({ cpuMicros: usage.user + usage.system });
  }
});
// The parent died: still drop the PostgreSQL schema and the SQLite file.
process.on('disconnect', stop);
