import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { freePort, startTestServer, type TestServer } from '../helpers/server.js';
import { connectBot, openShop, subscribeWebhook, type Bot, type Shop } from '../helpers/fixtures.js';
import { ApiClient, uniqueEmail } from '../helpers/client.js';
import { repoRoot } from './web-build.js';
import { launchBrowser, phoneContext, shot, signIn, skip } from './setup.js';

const verifyToken = 'echo-verify';
let server: TestServer;
let shop: Shop;
let bot: Bot;
let echo: ChildProcess | null = null;
let echoLog = '';
let browser: Browser;
let shopper: Page;

/** Polls until `check` passes, reporting the bot's own output if it never does. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} never happened; the echo bot said:\n${echoLog}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

before(async () => {
  if (skip) return;
  browser = await launchBrowser();
  server = await startTestServer();
  shop = await openShop(server.url, { name: 'Demo Echo Shop' });
  bot = await connectBot(shop, 'Echo Bot');
  const port = await freePort();
  // The example exactly as its README runs it, from the repository root.
  echo = spawn(process.execPath, ['--import', 'tsx', 'examples/echo-bot/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, TIJARA_URL: server.url, PAGE_ACCESS_TOKEN: bot.token, APP_SECRET: bot.appSecret, VERIFY_TOKEN: verifyToken, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  echo.stdout?.on('data', (chunk: Buffer) => (echoLog += chunk.toString()));
  echo.stderr?.on('data', (chunk: Buffer) => (echoLog += chunk.toString()));
  // Saving the webhook runs the hub.challenge handshake against the bot, so it succeeds once the bot listens.
  await eventually('subscribing the echo bot', async () => {
    const reply = await subscribeWebhook(shop, bot, `http://127.0.0.1:${port}/webhook`, ['messages', 'messaging_postbacks'], verifyToken);
    return reply.status === 200 ? reply : undefined;
  });
  // On start the bot sets its Get Started button and greeting; wait for it so the screen is predictable.
  await eventually('the bot setting Get Started', async () => {
    const response = await fetch(`${server.url}/v6.0/me/messenger_profile?fields=get_started,greeting&access_token=${encodeURIComponent(bot.token)}`);
    const body = (await response.json()) as { data: Array<{ get_started?: unknown; greeting?: unknown }> };
    return body.data[0]?.get_started && body.data[0]?.greeting ? body : undefined;
  });
  shopper = await (await phoneContext(browser, server.url)).newPage();
});

after(async () => {
  // Only the bot this file started, by its own handle.
  if (echo && echo.exitCode === null) {
    const exited = new Promise((resolve) => echo!.once('exit', resolve));
    echo.kill('SIGTERM');
    await exited;
  }
  await browser?.close();
  await server?.close();
});

test('a shopper in the browser writes to the demo page; the echo bot answers', { skip }, async () => {
  const account = new ApiClient(server.url);
  const email = uniqueEmail('leila');
  await account.signUp({ email, name: 'Leila Ben Ali' });
  await signIn(shopper, email, `/m/${shop.page.username}`);
  await shopper.waitForURL(/\/t\/[^/]+$/);

  // The greeting the bot set, with the shopper's first name filled in.
  await shopper.locator('.page-intro.is-welcome', { hasText: 'Hi Leila, I repeat whatever you write.' }).waitFor();
  await shopper.getByRole('button', { name: 'Get Started' }).click();
  await shopper.locator('.bubble-row.theirs', { hasText: 'Hello Leila! Write anything and I will write it back.' }).waitFor({ timeout: 15_000 });

  const composer = shopper.getByLabel('Message', { exact: true });
  await composer.fill('Do you deliver to Sfax on Saturdays?');
  await composer.press('Enter');
  const answer = shopper.locator('.bubble-row.theirs', { hasText: 'Do you deliver to Sfax on Saturdays?' });
  await answer.waitFor({ timeout: 15_000 });
  assert.equal(await shopper.locator('.bubble-row.mine', { hasText: 'Do you deliver to Sfax on Saturdays?' }).count(), 1);
  assert.equal(await answer.count(), 1, 'answered once');
  await shot(shopper, 'echo-bot-mobile');
});
