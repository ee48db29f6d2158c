import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { openShop, visit } from '../helpers/fixtures.js';
import { gradientPng } from './png.js';
import { ensureWebBuilt, repoRoot } from './web-build.js';

const chromiumPath = '/usr/bin/chromium';
const artifacts = path.join(repoRoot, 'test-artifacts');
const haveChromium = fs.existsSync(chromiumPath);
// A developer machine without Chromium skips with the reason; CI must have it, so there it fails instead.
const skip = !haveChromium && process.env.CI !== 'true' ? `no Chromium at ${chromiumPath}: apt-get install -y --no-install-recommends chromium` : false;

const run = Date.now().toString(36);
const shop = { name: 'Noor Boutique', username: `noor.boutique.${run}`, about: 'Dresses and scarves, made in Tunis.', greeting: 'Welcome to Noor! Ask us anything about sizes and delivery.' };
const merchantName = 'Salma Merchant';
const shopperName = 'Yasmine Shopper';
const firstMessage = 'Hello! Do you have the blue dress in size M?';
const reply = 'Yes, we do. Shall I reserve one for you?';

let server: TestServer;
let browser: Browser;
let merchantContext: BrowserContext;
let shopperContext: BrowserContext;
let merchant: Page;
let shopper: Page;

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`) });

before(async () => {
  if (skip) return;
  if (!haveChromium) throw new Error(`CI=true but Chromium is missing at ${chromiumPath}`);
  ensureWebBuilt();
  fs.mkdirSync(artifacts, { recursive: true });
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  merchantContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  shopperContext = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-US',
  });
  merchantContext.setDefaultTimeout(10_000);
  shopperContext.setDefaultTimeout(10_000);
  merchant = await merchantContext.newPage();
  shopper = await shopperContext.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const lastMine = (page: Page) => page.locator('.bubble-row.mine').last();
const typingLine = (page: Page, name: string) => page.locator('.typing-indicator', { hasText: `${name} is typing…` });

test('a merchant and a shopper chat live, with read ticks, in two browsers', { skip }, async () => {
  // The merchant signs up and creates a page with an avatar.
  await merchant.goto('/signup');
  await merchant.getByLabel('Your name').fill(merchantName);
  await merchant.getByLabel('Email').fill(`salma.${run}@example.com`);
  await merchant.getByLabel('Password').fill('correct horse battery');
  await merchant.getByText('I sell').click();
  await shot(merchant, 'merchant-signup-desktop');
  await merchant.getByRole('button', { name: 'Create account' }).click();
  await merchant.waitForURL('**/business');
  await merchant.getByRole('heading', { name: 'Create your business page' }).waitFor();
  await merchant.getByLabel('Business name').fill(shop.name);
  await merchant.getByLabel('Username').fill(shop.username);
  await merchant.getByLabel('About').fill(shop.about);
  await merchant.getByLabel('Greeting').fill(shop.greeting);
  await merchant.locator('input[type=file]').setInputFiles({ name: 'noor.png', mimeType: 'image/png', buffer: gradientPng() });
  await shot(merchant, 'merchant-create-page-desktop');
  await merchant.getByRole('button', { name: 'Create page' }).click();
  await merchant.waitForURL(/\/business\/pages\/\d+$/);
  await merchant.getByRole('heading', { name: 'No conversations yet' }).waitFor();
  const link = await merchant.getByLabel(/Your link/).inputValue();
  assert.equal(link, `${server.url}/m/${shop.username}`);
  const avatar = merchant.locator('.page-bar img.avatar');
  assert.match((await avatar.getAttribute('src')) ?? '', /^\/media\//, 'the uploaded avatar is shown');
  await shot(merchant, 'merchant-inbox-empty-desktop');

  // The shopper follows the link, is sent to sign in first, signs up and comes back to the conversation.
  await shopper.goto(`/m/${shop.username}?ref=browser-test`);
  await shopper.waitForURL(/\/signin\?next=/);
  await shopper.getByRole('link', { name: 'Create an account' }).click();
  await shopper.getByLabel('Your name').fill(shopperName);
  await shopper.getByLabel('Email').fill(`yasmine.${run}@example.com`);
  await shopper.getByLabel('Password').fill('short');
  await shopper.getByRole('button', { name: 'Create account' }).click();
  const fieldError = (name: string) => shopper.locator(`.field:has([name=${name}]) .field-error`);
  await fieldError('password').getByText('Use at least 8 characters.').waitFor();
  // An email already in use: the server's message shows under the field it names (body.email).
  await shopper.getByLabel('Password').fill('correct horse battery');
  await shopper.getByLabel('Email').fill(`salma.${run}@example.com`);
  await shopper.getByRole('button', { name: 'Create account' }).click();
  await fieldError('email').waitFor();
  assert.match(await fieldError('email').innerText(), /email/i);
  assert.equal(await fieldError('password').count(), 0);
  await shot(shopper, 'shopper-signup-error-mobile');
  await shopper.getByLabel('Email').fill(`yasmine.${run}@example.com`);
  await shopper.getByRole('button', { name: 'Create account' }).click();
  await shopper.waitForURL(/\/t\/[^/]+$/);
  await shopper.locator('.page-intro', { hasText: shop.greeting }).waitFor();
  await shopper.locator('.thread-header', { hasText: shop.name }).waitFor();
  await shot(shopper, 'shopper-thread-empty-mobile');

  // The shopper writes; Enter sends.
  const composer = shopper.getByLabel('Message', { exact: true });
  await composer.fill(firstMessage);
  await composer.press('Enter');
  await lastMine(shopper).getByText(firstMessage).waitFor();
  assert.equal(await composer.inputValue(), '', 'the composer is cleared after sending');

  // The merchant's inbox shows it live, unread, without a reload.
  const row = merchant.locator('.conversation-row', { hasText: shopperName });
  await row.getByText(firstMessage).waitFor();
  assert.equal(await row.locator('.badge').innerText(), '1');
  await shot(merchant, 'merchant-inbox-live-desktop');

  // The shopper's tick says delivered once the merchant's app has received it.
  await shopper.locator('.bubble-row.mine .ticks[data-status=delivered], .bubble-row.mine .ticks[data-status=read]').waitFor();

  // The merchant opens the thread: the shopper sees the message read.
  await row.click();
  await merchant.waitForURL(/\/business\/pages\/\d+\/t\/[^/]+$/);
  await merchant.locator('.bubble-row.theirs', { hasText: firstMessage }).waitFor();
  await lastMine(shopper).locator('.ticks[data-status=read]').waitFor();
  await merchant.locator('.conversation-row.is-active .badge').waitFor({ state: 'detached' });

  // Typing shows on the other side.
  const merchantComposer = merchant.getByLabel('Message', { exact: true });
  await merchantComposer.pressSequentially('Yes, we do', { delay: 20 });
  await typingLine(shopper, shop.name).waitFor();
  await shot(shopper, 'shopper-typing-mobile');

  // The merchant replies as the page; the shopper sees it live and reads it.
  await merchantComposer.fill(reply);
  await merchantComposer.press('Enter');
  await shopper.locator('.bubble-row.theirs', { hasText: reply }).waitFor();
  await typingLine(shopper, shop.name).waitFor({ state: 'detached' });
  await lastMine(merchant).locator('.ticks[data-status=read]').waitFor();
  await shot(merchant, 'merchant-thread-desktop');
  await shot(shopper, 'shopper-thread-mobile');

  // Back on the shopper's list: the conversation with its last message, nothing unread.
  await shopper.getByRole('link', { name: 'Back' }).click();
  await shopper.waitForURL(/\/$/);
  const shopperRow = shopper.locator('.conversation-row', { hasText: shop.name });
  await shopperRow.getByText(reply).waitFor();
  assert.equal(await shopperRow.locator('.badge').count(), 0);
  await shot(shopper, 'shopper-chats-mobile');

  // The same accounts on the other form factor, for the screenshots.
  const merchantPhone = await merchantContext.newPage();
  await merchantPhone.setViewportSize({ width: 390, height: 844 });
  await merchantPhone.goto('/business');
  await merchantPhone.locator('.conversation-row', { hasText: shopperName }).waitFor();
  await shot(merchantPhone, 'merchant-inbox-mobile');
  await merchantPhone.locator('.conversation-row', { hasText: shopperName }).click();
  await merchantPhone.locator('.bubble-row.mine', { hasText: reply }).waitFor();
  await shot(merchantPhone, 'merchant-thread-mobile');
  await merchantPhone.getByRole('link', { name: 'Settings' }).click();
  await merchantPhone.getByRole('heading', { name: 'Page settings' }).waitFor();
  await shot(merchantPhone, 'merchant-settings-mobile');
  await merchantPhone.close();
  const shopperDesktop = await shopperContext.newPage();
  await shopperDesktop.setViewportSize({ width: 1280, height: 800 });
  await shopperDesktop.goto('/');
  await shopperDesktop.locator('.conversation-row', { hasText: shop.name }).click();
  await shopperDesktop.locator('.bubble-row.theirs', { hasText: reply }).waitFor();
  await shot(shopperDesktop, 'shopper-thread-desktop');
  await shopperDesktop.close();
});

test('Arabic mirrors the whole layout and is remembered', { skip }, async () => {
  await shopper.locator('.conversation-row', { hasText: shop.name }).click();
  await shopper.locator('.bubble-row.theirs', { hasText: reply }).waitFor();
  await shopper.getByLabel('Language').selectOption('ar');
  assert.equal(await shopper.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await shopper.evaluate(() => document.documentElement.lang), 'ar');

  const send = await shopper.getByRole('button', { name: 'إرسال' }).boundingBox();
  const input = await shopper.getByLabel('الرسالة', { exact: true }).boundingBox();
  assert.ok(send && input);
  assert.ok(send.x + send.width <= input.x + 1, 'the send button sits to the left of the input');

  const mine = await lastMine(shopper).locator('.bubble').boundingBox();
  const theirs = await shopper.locator('.bubble-row.theirs .bubble').last().boundingBox();
  assert.ok(mine && theirs);
  assert.ok(mine.x < theirs.x, 'own messages sit on the left in RTL');
  assert.ok(theirs.x + theirs.width > 390 - 24, 'their messages sit on the right in RTL');
  await shot(shopper, 'shopper-thread-rtl-mobile');

  await shopper.reload();
  await shopper.locator('.bubble-row.theirs', { hasText: reply }).waitFor();
  assert.equal(await shopper.evaluate(() => document.documentElement.dir), 'rtl', 'the choice survives a reload');
  await shopper.getByRole('link', { name: 'رجوع' }).click();
  await shopper.locator('.conversation-row', { hasText: shop.name }).waitFor();
  await shot(shopper, 'shopper-chats-rtl-mobile');

  await merchant.getByLabel('Language').selectOption('ar');
  await shot(merchant, 'merchant-thread-rtl-desktop');
  await merchant.getByLabel('اللغة').selectOption('fr');
  assert.equal(await merchant.evaluate(() => document.documentElement.dir), 'ltr');
  await merchant.getByRole('link', { name: 'Paramètres' }).click();
  await merchant.getByRole('heading', { name: 'Paramètres de la page' }).waitFor();
  await shot(merchant, 'merchant-settings-fr-desktop');
  await merchant.getByLabel('Langue').selectOption('en');
  await shopper.getByLabel('اللغة').selectOption('en');
  assert.equal(await shopper.evaluate(() => document.documentElement.dir), 'ltr');
});

test('a dropped socket shows "Reconnecting…" and catches up on what was missed', { skip }, async () => {
  await shopper.locator('.conversation-row', { hasText: shop.name }).click();
  await shopper.locator('.bubble-row.theirs', { hasText: reply }).waitFor();
  await merchant.getByRole('link', { name: 'Inbox' }).click();
  await merchant.locator('.conversation-row', { hasText: shopperName }).click();
  const merchantComposer = merchant.getByLabel('Message', { exact: true });
  await merchantComposer.waitFor();

  // The phone loses its network and the server drops every socket: the banner stays up while offline.
  await shopperContext.setOffline(true);
  server.platform.deps.hub.closeAll();
  await shopper.locator('.banner', { hasText: 'Reconnecting…' }).waitFor();
  await shopper.waitForTimeout(1500);
  assert.equal(await shopper.locator('.banner').count(), 1, 'still reconnecting while offline');
  await shot(shopper, 'shopper-reconnecting-mobile');

  // A message written meanwhile is replayed once the phone is back.
  const missed = 'Reserved! It will be ready for pickup tomorrow.';
  await merchantComposer.fill(missed);
  await merchantComposer.press('Enter');
  await lastMine(merchant).getByText(missed).waitFor();
  await shopperContext.setOffline(false);
  await shopper.locator('.banner').waitFor({ state: 'detached' });
  await shopper.locator('.bubble-row.theirs', { hasText: missed }).waitFor();
  assert.equal(await shopper.locator('.bubble-row.theirs', { hasText: missed }).count(), 1, 'the replayed message shows once');
  await shot(shopper, 'shopper-after-reconnect-mobile');
});

test('scrolling up loads older history and keeps the reader in place', { skip }, async () => {
  const store = await openShop(server.url, { name: 'Long Talk Store', greeting: 'Ask away, we answer everything.' });
  const { shopper: api, thread } = await visit(server.url, store, 'Patient Reader');
  const total = 45;
  for (let i = 1; i <= total; i++) {
    const body = { clientId: `history-${i}`, text: `Message ${i}` };
    const sent = i % 3 === 0
      ? await store.merchant.post(`/api/pages/${store.page.id}/threads/${thread.id}/messages`, body)
      : await api.post(`/api/threads/${thread.id}/messages`, body);
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
  }

  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 }, locale: 'en-US' });
  context.setDefaultTimeout(10_000);
  const reader = await context.newPage();
  // A newcomer without conversations is told how to start one; then they sign out.
  await reader.goto('/signup');
  await reader.getByLabel('Your name').fill('New Comer');
  await reader.getByLabel('Email').fill(`newcomer.${run}@example.com`);
  await reader.getByLabel('Password').fill('correct horse battery');
  await reader.getByRole('button', { name: 'Create account' }).click();
  await reader.waitForURL(/\/$/);
  await reader.getByRole('heading', { name: 'No conversations yet' }).waitFor();
  await reader.getByText(/Open a business link/).waitFor();
  await shot(reader, 'shopper-chats-empty-mobile');
  await reader.getByRole('button', { name: 'Sign out' }).click();
  await reader.waitForURL(/\/signin$/);

  await reader.goto(`/signin?next=${encodeURIComponent(`/t/${thread.id}`)}`);
  await reader.getByLabel('Email').fill(api.session!.account.email);
  await reader.getByLabel('Password').fill('correct horse battery');
  await reader.getByRole('button', { name: 'Sign in' }).click();
  const bubble = (i: number) => reader.locator('.bubble-text').getByText(`Message ${i}`, { exact: true });
  await bubble(total).waitFor();
  assert.equal(await bubble(1).count(), 0, 'only the latest page of history loads at first');
  const loaded = await reader.locator('.bubble-row').count();
  const firstLoaded = total - loaded + 1;

  const scroller = reader.locator('.message-scroller');
  await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
  await bubble(firstLoaded - 1).waitFor({ state: 'attached' });
  // The message that was at the top is still on screen: the view did not jump to the oldest one.
  const box = await bubble(firstLoaded).boundingBox();
  const frame = await scroller.boundingBox();
  assert.ok(box && frame && box.y >= frame.y - 1 && box.y < frame.y + frame.height, 'the reader keeps their place');
  await shot(reader, 'shopper-older-history-mobile');

  await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
  await bubble(1).waitFor({ state: 'attached' });
  await reader.locator('.page-intro', { hasText: 'Ask away, we answer everything.' }).waitFor({ state: 'attached' });
  await context.close();
});
