// npm run bench: Send API throughput and latency beside a bare Fastify hello-world, measured in
// the same run on the same machine, on loopback only, for a fixed time. Every system under load
// runs in its own process (bench/target.ts) with logging off; autocannon drives it from here.
//
// BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50) bound each case;
// BENCH_ONLY=fastify,send-sqlite,app-sqlite,send-postgres,send-postgres-many runs only the cases named;
// BENCH_CPU_PROF=<dir> writes a V8 CPU profile of every target process into <dir>.
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testEngines } from '../packages/server/test/helpers/db.js';
import { connectBot, openShop, visit } from '../packages/server/test/helpers/fixtures.js';
import { load, type LoadOptions, type LoadResult } from './load.js';
import type { TargetName } from './target.js';

const seconds = positive('BENCH_SECONDS', 10);
const connections = positive('BENCH_CONNECTIONS', 50);
const warmupSeconds = Math.max(1, Math.min(3, Math.round(seconds / 5)));
const profileDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;
const here = path.dirname(fileURLToPath(import.meta.url));
const caseKeys = ['fastify', 'send-sqlite', 'app-sqlite', 'send-postgres', 'send-postgres-many'] as const;
type CaseKey = (typeof caseKeys)[number];
const only = (process.env.BENCH_ONLY ?? '').split(',').map((key) => key.trim()).filter(Boolean);
for (const key of only) if (!(caseKeys as readonly string[]).includes(key)) throw new Error(`BENCH_ONLY: unknown case ${key}; use ${caseKeys.join(', ')}`);
const wanted = (key: CaseKey) => only.length === 0 || only.includes(key);

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return value;
}

interface Target {
  url: string;
  /** CPU time (user + system) the target process has used so far, in microseconds. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

async function startTarget(name: TargetName): Promise<Target> {
  const execArgv = ['--import', 'tsx', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
  const child: ChildProcess = fork(path.join(here, 'target.ts'), [name], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`the ${name} target exited with ${code} before listening`)));
  });
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) throw new Error(`the ${name} target must listen on loopback, got ${url}`);
  return {
    url,
    cpuMicros: () =>
      new Promise<number>((resolve, reject) => {
        if (child.exitCode !== null) return reject(new Error(`the ${name} target died (exit ${child.exitCode})`));
        child.once('message', (message) => resolve((message as { cpuMicros: number }).cpuMicros));
        child.once('exit', (code) => reject(new Error(`the ${name} target died (exit ${code})`)));
        child.send('cpu');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

interface Row extends LoadResult {
  name: string;
  /** Server CPU per request: moved less than req/s by other processes competing for the cores. */
  cpuMicrosPerRequest: number;
}

const rows: Row[] = [];

async function measure(name: string, target: Target, options: Omit<LoadOptions, 'seconds' | 'connections'>): Promise<void> {
  process.stdout.write(`  ${name}: warming up ${warmupSeconds} s, measuring ${seconds} s… `);
  await load({ ...options, seconds: warmupSeconds, connections });
  const cpuBefore = await target.cpuMicros();
  const result = await load({ ...options, seconds, connections });
  const cpuMicrosPerRequest = ((await target.cpuMicros()) - cpuBefore) / Math.max(1, result.total);
  rows.push({ name, ...result, cpuMicrosPerRequest });
  console.log(`${Math.round(result.requestsPerSecond)} req/s`);
}

const sendBody = (psid: string) => JSON.stringify({ messaging_type: 'RESPONSE', recipient: { id: psid }, message: { text: 'Your order has shipped.' } });

/**
 * A page with a connected bot and shoppers in conversation with it: the Send API's hot path. With
 * one shopper every request queues on the same thread (its seq order); with many, they need not.
 */
async function sendApiCase(name: string, engine: 'sqlite' | 'postgres', options: { shoppers?: number; measure?: boolean; then?: (target: Target) => Promise<void> } = {}): Promise<void> {
  const target = await startTarget(engine);
  try {
    if (options.measure !== false) {
      const shop = await openShop(target.url, { name: 'Bench Spices' });
      const app = await connectBot(shop, 'Bench Bot');
      const visits = await Promise.all(Array.from({ length: options.shoppers ?? 1 }, (_, index) => visit(target.url, shop, `Bench Shopper ${index + 1}`)));
      const bodies = visits.map(({ thread }) => sendBody(thread.shopper.psid));
      await measure(name, target, {
        url: `${target.url}/v6.0/me/messages?access_token=${encodeURIComponent(app.token)}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        ...(bodies.length === 1 ? { body: bodies[0] } : { bodies }),
      });
    }
    await options.then?.(target);
  } finally {
    await target.stop();
  }
}

/** The web app's own path: a signed-in shopper posting with the session cookie and CSRF header. */
async function appApiCase(target: Target): Promise<void> {
  const url = target.url;
  const shop = await openShop(url, { name: 'Bench Tea' });
  const { shopper, thread } = await visit(url, shop, 'Cookie Shopper');
  await measure('App API message send (cookie session), SQLite', target, {
    url: `${url}/api/threads/${thread.id}/messages`,
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: shopper.cookie, 'x-csrf-token': shopper.csrfToken },
    // A fresh clientId per request: a repeated one would only look up the first message.
    body: JSON.stringify({ clientId: 'b-[<id>]', text: 'Is the saffron in stock?' }),
  });
}

const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function printTable(): void {
  const baseline = rows.find((row) => row.name.startsWith('bare Fastify'));
  const header = ['case', 'req/s', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'requests', 'failed', 'req/s vs Fastify'];
  const lines = rows.map((row) => [
    row.name,
    fmt(row.requestsPerSecond),
    fmt(row.p50, 1),
    fmt(row.p99, 1),
    fmt(row.cpuMicrosPerRequest),
    fmt(row.total),
    fmt(row.failures),
    baseline ? `${fmt((100 * row.requestsPerSecond) / baseline.requestsPerSecond, 1)} %` : '–',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const render = (cells: string[]) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  console.log();
  console.log(render(header));
  console.log(`|${widths.map((width, column) => (column === 0 ? `${'-'.repeat(width + 1)}-` : `${'-'.repeat(width + 1)}:`)).join('|')}|`);
  for (const line of lines) console.log(render(line));
  if (rows.some((row) => row.failures > 0)) console.log('\nSome requests failed: those rows do not measure the successful path.');
}

const cpus = os.cpus();
console.log(`Tijara bench: Node ${process.version}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`);
const load1 = os.loadavg()[0]!;
console.log(`Load average before the run: ${load1.toFixed(2)}${load1 > cpus.length / 2 ? ' (other work is running: req/s will be lower and noisier; CPU µs/req is less affected)' : ''}`);
console.log(`autocannon, 127.0.0.1 only, ${connections} connections, no pipelining, ${seconds} s per case after ${warmupSeconds} s of warm-up; logging off.\n`);

if (wanted('fastify')) {
  const fastify = await startTarget('fastify');
  try {
    await measure('bare Fastify hello-world (GET)', fastify, { url: `${fastify.url}/` });
  } finally {
    await fastify.stop();
  }
}
if (wanted('send-sqlite') || wanted('app-sqlite')) {
  await sendApiCase('Send API POST /v6.0/me/messages, SQLite', 'sqlite', { measure: wanted('send-sqlite'), then: wanted('app-sqlite') ? appApiCase : undefined });
}
if (wanted('send-postgres') || wanted('send-postgres-many')) {
  if (!(await testEngines()).includes('postgres')) console.log('  PostgreSQL at 127.0.0.1:5432 is unreachable: no PostgreSQL rows.');
  else {
    if (wanted('send-postgres')) await sendApiCase('Send API POST /v6.0/me/messages, PostgreSQL', 'postgres');
    if (wanted('send-postgres-many')) await sendApiCase(`Send API, PostgreSQL, ${connections} shoppers in turn`, 'postgres', { shoppers: connections });
  }
}

printTable();
if (profileDir) console.log(`\nCPU profiles of the targets: ${profileDir}`);
