import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectBot, openShop, subscribeWebhook, visit, type Shop } from '../helpers/fixtures.js';
import { startReceiver, type Receiver } from './receiver.js';
import { desktopContext, launchBrowser, phoneContext, shot, signIn, skip, tallShot } from './setup.js';

const verifyToken = 'let-me-in';
let server: TestServer;
let receiver: Receiver;
let shop: Shop;
let browser: Browser;
let context: BrowserContext;
let merchant: Page;

before(async () => {
  if (skip) return;
  browser = await launchBrowser();
  server = await startTestServer();
  receiver = await startReceiver(verifyToken);
  shop = await openShop(server.url, { name: 'Medina Spices' });
  context = await desktopContext(browser, server.url);
  merchant = await context.newPage();
});

after(async () => {
  await browser?.close();
  await receiver?.close();
  await server?.close();
});

const field = (name: string) => merchant.locator(`.field:has([name=${name}])`);

/** Any Graph call with a page access token; answers the status and the parsed body. */
async function graphGet(path: string, token: string) {
  const response = await fetch(`${server.url}/v6.0/me/${path}${path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token)}`);
  return { status: response.status, body: (await response.json()) as any };
}

test('a merchant builds a bot in the developer console: app, token, webhook, delivery log, revoke', { skip }, async () => {
  await signIn(merchant, shop.merchant.session!.account.email);
  await merchant.waitForURL(/\/business/);
  await merchant.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Developers' }).click();
  await merchant.waitForURL(/\/developers$/);
  await merchant.getByText('No apps yet.').waitFor();

  // Creating an app shows its secret once.
  await merchant.getByLabel('App name').fill('Spice Bot');
  await shot(merchant, 'developers-create-desktop');
  await merchant.getByRole('button', { name: 'Create app' }).click();
  await merchant.waitForURL(/\/developers\/apps\/\d+$/);
  const appId = merchant.url().split('/').pop()!;
  assert.match(appId, /^\d{15,16}$/);
  assert.equal(await merchant.getByTestId('app-id').innerText(), appId);
  const secretBox = merchant.getByTestId('one-time-secret');
  const appSecret = await secretBox.inputValue();
  assert.ok(appSecret.length >= 24, 'the secret is shown');
  await merchant.getByText('Copy it now: you will not see this again.').waitFor();
  await merchant.getByText(`${server.url}/v6.0/me/messages?access_token=TOKEN`).waitFor();
  await shot(merchant, 'developers-app-secret-desktop');
  receiver.appSecret = appSecret;

  // Once dismissed, it is gone for good, even after a reload.
  await merchant.getByRole('button', { name: 'I have copied it' }).click();
  await secretBox.waitFor({ state: 'detached' });
  await merchant.reload();
  await merchant.getByRole('heading', { name: 'Spice Bot' }).waitFor();
  assert.equal(await merchant.getByTestId('one-time-secret').count(), 0);

  // Connecting the page issues a page access token, shown once.
  await merchant.getByLabel('Page', { exact: true }).selectOption(shop.page.id);
  await merchant.getByRole('button', { name: 'Get a page access token' }).click();
  const token = await merchant.getByTestId('one-time-token').inputValue();
  assert.ok(token.length >= 24);
  const connected = merchant.locator('.connected-page', { hasText: 'Medina Spices' });
  await connected.getByText('Receives webhooks').waitFor();
  await connected.getByText(`Token …${token.slice(-6)}`).waitFor();
  assert.equal((await graphGet('messenger_profile?fields=get_started', token)).status, 200, 'the token works');
  await shot(merchant, 'developers-token-desktop');
  await merchant.getByRole('button', { name: 'I have copied it' }).click();

  // A wrong verify token fails the handshake: the server's reason shows under the callback URL.
  await field('callbackUrl').getByRole('textbox').fill(`${receiver.url}/webhook`);
  await field('verifyToken').getByRole('textbox').fill('not-the-token');
  await merchant.getByRole('checkbox', { name: 'message_deliveries' }).check();
  await merchant.getByText('messaging_payments (payments beta)').waitFor();
  await merchant.getByRole('button', { name: 'Verify and save' }).click();
  const urlError = field('callbackUrl').locator('.field-error');
  await urlError.waitFor();
  assert.match(await urlError.innerText(), /403/);
  assert.match(await urlError.innerText(), /^Callback URL|verify/i);
  await urlError.scrollIntoViewIfNeeded();
  await shot(merchant, 'developers-webhook-error-desktop');

  await field('verifyToken').getByRole('textbox').fill(verifyToken);
  await merchant.getByRole('button', { name: 'Verify and save' }).click();
  await merchant.getByText('Webhook verified and saved.').waitFor();
  await merchant.locator('.notice-ok', { hasText: `${receiver.url}/webhook` }).waitFor();
  assert.equal(await urlError.count(), 0);

  // A shopper writes: the delivery shows up in the log, delivered, with its latency and body.
  const { shopper, thread } = await visit(server.url, shop, 'Karim Shopper');
  const sent = await shopper.post(`/api/threads/${thread.id}/messages`, { clientId: 'ras-1', text: 'Do you sell ras el hanout?' });
  assert.equal(sent.status, 201);
  const item = await receiver.waitForItem((i) => i.message?.text === 'Do you sell ras el hanout?', 'the shopper\'s message');
  assert.equal(receiver.posts.at(-1)?.signatureOk, true, 'signed with the secret shown once');
  const delivery = merchant.locator('.delivery[data-status=delivered]', { hasText: 'messages' }).first();
  await delivery.waitFor({ timeout: 15_000 });
  await delivery.locator('.pill', { hasText: 'Delivered' }).waitFor();
  assert.match(await delivery.locator('.delivery-latency').innerText(), /^\d+ ms$/);
  await delivery.getByText('HTTP 200').waitFor();
  await delivery.locator('summary').click();
  await delivery.locator('.delivery-pre', { hasText: 'Do you sell ras el hanout?' }).waitFor();
  await delivery.locator('.delivery-pre', { hasText: 'EVENT_RECEIVED' }).waitFor();
  await delivery.scrollIntoViewIfNeeded();
  await shot(merchant, 'developers-deliveries-desktop');

  // Resend: the bot gets the same event again.
  await delivery.getByRole('button', { name: 'Resend' }).click();
  await merchant.getByText('Queued to send again.').waitFor();
  const deadline = Date.now() + 15_000;
  while (receiver.items().filter((i) => i.message?.mid === item.message.mid).length < 2) {
    assert.ok(Date.now() < deadline, 'the resent delivery never arrived');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  // Revoking the token (asked twice) makes Graph calls with it fail with code 190.
  const tokenRow = connected.locator('.token-row', { hasText: `…${token.slice(-6)}` });
  await tokenRow.getByRole('button', { name: 'Revoke' }).click();
  await tokenRow.getByText('Calls with this token fail at once (error 190).').waitFor();
  await shot(merchant, 'developers-revoke-confirm-desktop');
  await tokenRow.getByRole('button', { name: 'Revoke now' }).click();
  await tokenRow.getByText(/^Revoked /).waitFor();
  const refused = await graphGet('messenger_profile?fields=get_started', token);
  assert.equal(refused.status, 400, JSON.stringify(refused.body));
  assert.equal(refused.body.error.code, 190);

  // Rotating the secret (asked twice) shows the new one once.
  await merchant.getByRole('button', { name: 'Rotate secret' }).click();
  await merchant.getByRole('button', { name: 'Rotate now' }).click();
  const rotated = await merchant.getByTestId('one-time-secret').inputValue();
  assert.notEqual(rotated, appSecret);

  // The same console on a phone.
  const phone = await (await phoneContext(browser, server.url)).newPage();
  await signIn(phone, shop.merchant.session!.account.email, `/developers/apps/${appId}`);
  await phone.getByRole('heading', { name: 'Spice Bot' }).waitFor();
  await phone.locator('.delivery').first().waitFor();
  await tallShot(phone, 'developers-app-mobile');
  await phone.goto('/developers');
  await phone.locator('.app-row', { hasText: 'Spice Bot' }).waitFor();
  await shot(phone, 'developers-list-mobile');
  await phone.context().close();
});

test('a failing webhook warns in the console, is disabled with the reason, and saving it again delivers what waited', { skip }, async () => {
  // Minutes and hours shrunk to milliseconds, so the warning and the disabling happen within the test.
  const hurried = await startTestServer({ env: { WEBHOOK_WARN_AFTER_MS: '1', WEBHOOK_DISABLE_AFTER_MS: '2500' } });
  const broken = await startReceiver(verifyToken);
  const page = await context.newPage();
  try {
    const store = await openShop(hurried.url, { name: 'Broken Bot Bakery' });
    const app = await connectBot(store, 'Flaky Bot');
    assert.equal((await subscribeWebhook(store, app, `${broken.url}/hook`, ['messages'], verifyToken)).status, 200);
    broken.failWith = 500;
    const { shopper, thread } = await visit(hurried.url, store, 'Patient Shopper');
    assert.equal((await shopper.post(`/api/threads/${thread.id}/messages`, { clientId: 'wait-1', text: 'Is the bread ready?' })).status, 201);

    await page.goto(`${hurried.url}/signin?next=${encodeURIComponent(`/developers/apps/${app.appId}`)}`);
    await page.getByLabel('Email').fill(store.merchant.session!.account.email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Flaky Bot' }).waitFor();

    const warning = page.locator('.notice-warning', { hasText: 'Deliveries have been failing since' });
    const disabled = page.locator('.notice-danger', { hasText: 'Webhook disabled on' });
    await warning.or(disabled).first().waitFor({ timeout: 15_000 });
    if (await warning.count()) await shot(page, 'developers-webhook-warning-desktop');
    await disabled.waitFor({ timeout: 15_000 });
    assert.ok(broken.refused >= 2, 'the delivery was retried');
    await disabled.locator('.notice-detail', { hasText: 'HTTP 500' }).waitFor();
    await page.locator('.pill', { hasText: 'Webhook disabled' }).waitFor();
    const failed = page.locator('.delivery', { hasText: 'messages' }).first();
    await failed.locator('summary').click();
    await failed.locator('.delivery-pre', { hasText: 'the bot is down for maintenance' }).waitFor();
    await failed.getByText('HTTP 500').waitFor();
    await disabled.scrollIntoViewIfNeeded();
    await shot(page, 'developers-webhook-disabled-desktop');

    // The bot is fixed; saving the webhook again turns it back on and the waiting message arrives.
    broken.failWith = null;
    await page.locator('.field:has([name=verifyToken]) input').fill(verifyToken);
    await page.getByRole('button', { name: 'Verify and save' }).click();
    await page.getByText('Webhook verified and saved.').waitFor();
    await page.locator('.notice-ok').waitFor();
    await broken.waitForItem((item) => item.message?.text === 'Is the bread ready?', 'the message that waited');
    await page.locator('.delivery[data-status=delivered]', { hasText: 'messages' }).first().waitFor({ timeout: 15_000 });
  } finally {
    await page.close();
    await broken.close();
    await hurried.close();
  }
});
