import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import type { WebhookField } from '@tijara/protocol';
import type { Platform } from '../platform.js';
import * as apps from '../modules/apps/apps.service.js';
import * as webhooks from '../modules/webhooks/webhooks.service.js';
import { readDemoBots, type DemoBot } from './seed.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface RunningBot {
  name: string;
  port: number;
  stop(): Promise<void>;
}

interface BotSpec {
  name: string;
  entry: string;
  bot: DemoBot;
  port: number;
  fields: WebhookField[];
  env?: Record<string, string>;
}

/**
 * Runs one example bot as its own process, talking to the platform only over HTTP as any bot
 * would, and points its app's webhook at it once it answers the handshake.
 */
async function startBot(platform: Platform, spec: BotSpec, log: FastifyBaseLogger): Promise<RunningBot | null> {
  const entry = path.join(repoRoot, spec.entry);
  if (!fs.existsSync(entry)) return null;
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: repoRoot,
    env: { ...process.env, ...spec.env, TIJARA_URL: platform.url, PAGE_ACCESS_TOKEN: spec.bot.pageAccessToken, APP_SECRET: spec.bot.appSecret, VERIFY_TOKEN: spec.bot.verifyToken, PORT: String(spec.port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => log.warn({ bot: spec.name }, chunk.toString().trim()));
  child.once('exit', (code, signal) => {
    if (signal !== 'SIGTERM') log.warn({ bot: spec.name, code, signal }, 'a demo bot stopped');
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });

  const callbackUrl = `http://127.0.0.1:${spec.port}/webhook`;
  const { deps } = platform;
  let lastError: unknown;
  for (let attempt = 0; attempt < 150 && child.exitCode === null; attempt++) {
    try {
      await webhooks.verifyCallback(deps.outbound, callbackUrl, spec.bot.verifyToken, deps.config.webhooks.timeoutMs);
      await deps.db.transaction().execute(async (trx) => {
        await apps.setWebhook(trx, spec.bot.appId, { callbackUrl, verifyToken: spec.bot.verifyToken, fields: spec.fields });
        await webhooks.resumeDeliveries(trx, spec.bot.appId);
      });
      deps.outbox.committed();
      return { name: spec.name, port: spec.port, stop };
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  await stop();
  log.warn({ err: lastError, bot: spec.name }, 'a demo bot did not come up; its page has no bot');
  return null;
}

/** `tijara start --demo`: the shop bot on the demo shop page, the echo bot on the echo page. */
export async function startDemoBots(platform: Platform, options: { dataDir: string; port: number; log: FastifyBaseLogger }): Promise<RunningBot[]> {
  const bots = readDemoBots(options.dataDir);
  if (!bots) return [];
  const started = await Promise.all([
    startBot(
      platform,
      {
        name: 'shop-bot',
        entry: 'examples/shop-bot/src/main.ts',
        bot: bots.shop,
        port: options.port + 1,
        fields: ['messages', 'messaging_postbacks', 'messaging_referrals', 'messaging_payments', 'messaging_checkout_updates', 'messaging_pre_checkouts'],
        env: { PAYMENT_TESTERS: bots.shopperPsid, TEST_PAYMENTS: 'true', BOT_PUBLIC_URL: `http://127.0.0.1:${options.port + 1}` },
      },
      options.log,
    ),
    startBot(platform, { name: 'echo-bot', entry: 'examples/echo-bot/src/main.ts', bot: bots.echo, port: options.port + 2, fields: ['messages', 'messaging_postbacks'] }, options.log),
  ]);
  return started.filter((bot): bot is RunningBot => bot !== null);
}
