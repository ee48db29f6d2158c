import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import type { Platform } from '../platform.js';
import * as apps from '../modules/apps/apps.service.js';
import * as webhooks from '../modules/webhooks/webhooks.service.js';
import { readDemoBot } from './seed.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface RunningBot {
  port: number;
  stop(): Promise<void>;
}

/**
 * `tijara start --demo` runs examples/echo-bot against the demo page: a separate process that only
 * talks to the platform over HTTP, as any bot would. The webhook is pointed at it once it answers
 * the handshake.
 */
export async function startDemoBot(platform: Platform, options: { dataDir: string; port: number; log: FastifyBaseLogger }): Promise<RunningBot | null> {
  const bot = readDemoBot(options.dataDir);
  const entry = path.join(repoRoot, 'examples/echo-bot/src/main.ts');
  if (!bot || !fs.existsSync(entry)) return null;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: repoRoot,
    env: { ...process.env, TIJARA_URL: platform.url, PAGE_ACCESS_TOKEN: bot.pageAccessToken, APP_SECRET: bot.appSecret, VERIFY_TOKEN: bot.verifyToken, PORT: String(options.port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => options.log.warn({ bot: 'echo-bot' }, chunk.toString().trim()));
  child.once('exit', (code, signal) => {
    if (signal !== 'SIGTERM') options.log.warn({ code, signal }, 'the demo echo bot stopped');
  });

  const callbackUrl = `http://127.0.0.1:${options.port}/webhook`;
  const { deps } = platform;
  let lastError: unknown;
  for (let attempt = 0; attempt < 100 && child.exitCode === null; attempt++) {
    try {
      await webhooks.verifyCallback(deps.outbound, callbackUrl, bot.verifyToken, deps.config.webhooks.timeoutMs);
      await deps.db.transaction().execute(async (trx) => {
        await apps.setWebhook(trx, bot.appId, { callbackUrl, verifyToken: bot.verifyToken, fields: ['messages', 'messaging_postbacks', 'messaging_referrals'] });
        await webhooks.resumeDeliveries(trx, bot.appId);
      });
      deps.outbox.committed();
      return {
        port: options.port,
        stop: () =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      };
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  child.kill('SIGTERM');
  options.log.warn({ err: lastError }, 'the demo echo bot did not come up; the demo page has no bot');
  return null;
}
