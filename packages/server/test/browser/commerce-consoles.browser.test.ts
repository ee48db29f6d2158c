import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { createOperator } from '../../src/modules/accounts/accounts.service.js';
import { ApiClient, uniqueEmail } from '../helpers/client.js';
import { connectBot, openShop, type Bot, type Shop } from '../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { desktopContext, launchBrowser, phoneContext, shot, signIn, skip, tallShot } from './setup.js';

let server: TestServer;
let browser: Browser;
let shop: Shop;
let bot: Bot;

before(async () => {
  if (skip) return;
  browser = await launchBrowser();
  server = await startTestServer();
  shop = await openShop(server.url, { name: 'Medina Spices' });
  bot = await connectBot(shop, 'Spice Bot');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const fieldError = (page: Page, label: string) => page.locator('.field', { has: page.getByLabel(label, { exact: true }) }).locator('.field-error');

test('a shopper fills the wallet: a card checked as typed, an address, contact details, defaults and removal', { skip }, async () => {
  const account = new ApiClient(server.url);
  const email = uniqueEmail('wallet');
  await account.signUp({ email, name: 'Salma Haddad' });
  const context = await phoneContext(browser, server.url);
  const page = await context.newPage();
  await signIn(page, email, '/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Wallet' }).click();
  await page.getByRole('heading', { name: 'Wallet', level: 1 }).waitFor();
  await page.getByText('No saved cards yet. Add one to pay in two taps.').waitFor();
  await page.getByText('No saved addresses yet.').waitFor();
  await tallShot(page, 'wallet-empty-mobile');

  await page.getByRole('button', { name: 'Add card' }).click();
  const number = page.getByLabel('Card number');
  await number.pressSequentially('378282246310005');
  assert.equal(await number.inputValue(), '3782 822463 10005', 'American Express groups 4-6-5');
  await page.locator('.card-brand-tag', { hasText: 'American Express' }).waitFor();
  await number.fill('4242424242424241');
  await page.getByLabel('Expiry date').fill('0931');
  await page.getByLabel('Security code').fill('123');
  assert.equal(await page.getByLabel('Name on card').inputValue(), '', 'no contact saved yet');
  await page.getByLabel('Name on card').fill('Salma Haddad');
  await page.getByLabel('Billing postal code').fill('1000');
  await page.getByRole('button', { name: 'Save card' }).click();
  await fieldError(page, 'Card number').filter({ hasText: 'This card number is not valid' }).waitFor();
  await number.fill('5555 5555 5555 4444');
  await page.getByLabel('Security code').fill('12');
  await page.getByRole('button', { name: 'Save card' }).click();
  await fieldError(page, 'Security code').filter({ hasText: 'The security code has 3 digits.' }).waitFor();
  await page.getByLabel('Security code').fill('123');
  await page.getByRole('button', { name: 'Save card' }).click();
  const cards = page.locator('section', { has: page.getByRole('heading', { name: 'Cards' }) });
  await cards.locator('.saved-row', { hasText: '•••• 4444' }).getByText('Default').waitFor();

  // A second card, made the default; the first then offers "Make default" and can be removed.
  await cards.getByRole('button', { name: 'Add card' }).click();
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByLabel('Expiry date').fill('1130');
  await page.getByLabel('Security code').fill('123');
  await page.getByLabel('Name on card').fill('Salma Haddad');
  await page.getByLabel('Billing postal code').fill('1000');
  await page.getByLabel('Use as my default card').check();
  await page.getByRole('button', { name: 'Save card' }).click();
  await cards.locator('.saved-row', { hasText: '•••• 4242' }).getByText('Default').waitFor();
  const master = cards.locator('.saved-row', { hasText: '•••• 4444' });
  await master.getByRole('button', { name: 'Make default' }).waitFor();
  await master.getByRole('button', { name: 'Remove' }).click();
  await master.getByText('Remove the card ending in 4444?').waitFor();
  await master.getByRole('button', { name: 'Remove now' }).click();
  await master.waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Add address' }).click();
  await page.getByLabel('Full name').fill('Salma Haddad');
  await page.getByLabel('Street address').fill('12 Rue de Marseille');
  await page.getByLabel('City').fill('Tunis');
  await page.getByLabel('Postal code', { exact: true }).fill('1000');
  await page.getByRole('button', { name: 'Save address' }).click();
  await fieldError(page, 'Country').filter({ hasText: 'This field is required.' }).waitFor();
  await page.getByLabel('Country').selectOption('TN');
  await page.getByRole('button', { name: 'Save address' }).click();
  await page.locator('.saved-row', { hasText: '12 Rue de Marseille, Tunis 1000, Tunisia' }).getByText('Default').waitFor();

  await page.getByLabel('Name', { exact: true }).fill('Salma Haddad');
  await page.getByLabel('Email').fill('salma@example.test');
  await page.getByLabel('Phone').fill('55 123 456');
  await page.getByRole('button', { name: 'Save contact details' }).click();
  await fieldError(page, 'Phone').filter({ hasText: /international form/ }).waitFor();
  await page.getByLabel('Phone').fill('+216 55 123 456');
  await page.getByRole('button', { name: 'Save contact details' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  assert.equal(await page.getByLabel('Phone').inputValue(), '+21655123456', 'as the server keeps it');
  const wallet = (await account.get('/api/wallet')).body;
  assert.deepEqual(wallet.cards.map((c: any) => c.last4), ['4242']);
  await tallShot(page, 'wallet-filled-mobile');

  await page.getByLabel('Language').selectOption('ar');
  await page.getByRole('heading', { name: 'المحفظة', level: 1 }).waitFor();
  await tallShot(page, 'wallet-rtl-mobile');
  await context.close();
});

test('a merchant chooses who charges for the page, and sees what the bot set in payment_settings', { skip }, async () => {
  const profile = await fetch(`${server.url}/v6.0/me/messenger_profile?access_token=${encodeURIComponent(bot.token)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payment_settings: { privacy_url: 'https://medina.example/privacy', testers: ['1234567890123456'] } }),
  });
  assert.equal(profile.status, 200, await profile.text());
  const context = await phoneContext(browser, server.url);
  const page = await context.newPage();
  await signIn(page, shop.merchant.session!.account.email, `/business/pages/${shop.page.id}/payments`);
  const form = page.getByRole('form', { name: 'Payments' });
  await form.getByRole('radio', { name: /Test processor/ }).waitFor({ state: 'attached' });
  assert.equal(await form.getByRole('radio', { name: /Test processor/ }).isChecked(), true);
  await page.getByRole('link', { name: 'https://medina.example/privacy' }).waitFor();
  await page.getByText('1234567890123456').waitFor();

  await form.getByRole('radio', { name: /Stripe/ }).check();
  const key = form.getByLabel('Stripe secret key');
  assert.equal(await key.getAttribute('type'), 'password');
  await form.getByRole('button', { name: 'Save' }).click();
  await fieldError(page, 'Stripe secret key').filter({ hasText: 'Enter your Stripe secret key.' }).waitFor();
  await key.fill('sk_test_4eC39HqLyjWDarjtT1zdp7dc');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await form.getByText('A key ending in').waitFor();
  assert.equal(await key.inputValue(), '', 'the key is not shown again');

  await form.getByRole('radio', { name: /Tokenized cards/ }).check();
  await form.getByText('The page has no PGP public key yet').waitFor();
  assert.equal(await form.getByRole('button', { name: 'Save' }).isDisabled(), true, 'the server would refuse it');
  await shot(page, 'payments-settings-mobile');
  await page.locator('section', { hasText: 'Set by your bot' }).scrollIntoViewIfNeeded();
  await shot(page, 'payments-bot-settings-mobile');
  await context.close();
});

test('a developer applies for the payments beta and an operator approves it in /admin, beside a green money check', { skip }, async () => {
  const context = await desktopContext(browser, server.url);
  const developer = await context.newPage();
  await signIn(developer, shop.merchant.session!.account.email, `/developers/apps/${bot.appId}`);
  const beta = developer.locator('section', { has: developer.getByRole('heading', { name: 'Payments beta' }) });
  await beta.scrollIntoViewIfNeeded();
  const useCase = beta.getByLabel('What does the app sell, and how?');
  await useCase.fill('Spices');
  await beta.getByRole('button', { name: 'Apply' }).click();
  await beta.getByText('Describe the use case in at least 10 characters.').waitFor();
  await useCase.fill('A spice shop bot: a carousel of blends with Buy buttons, shipped from Tunis.');
  await beta.getByRole('button', { name: 'Apply' }).click();
  await beta.locator('.pill', { hasText: 'Pending' }).waitFor();
  await beta.getByText(/An operator will review the application/).waitFor();
  await shot(developer, 'payments-beta-pending-desktop');

  // Not an operator: the console says so.
  await developer.goto('/admin');
  await developer.getByRole('heading', { name: 'For platform operators only' }).waitFor();
  assert.equal(await developer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count(), 0);

  const email = uniqueEmail('operator');
  await createOperator(server.platform.deps.db, { email, password: 'correct horse battery', name: 'Nour Operator' });
  const desk = await desktopContext(browser, server.url);
  const operator = await desk.newPage();
  await signIn(operator, email, '/');
  await operator.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await operator.getByRole('heading', { name: 'Operator console' }).waitFor();
  await operator.locator('.money-check.is-ok').getByText('Orders, payments, refunds and the ledger agree.').waitFor();
  const application = operator.locator('.application', { hasText: 'Spice Bot' });
  await application.getByText('A spice shop bot: a carousel of blends with Buy buttons, shipped from Tunis.').waitFor();
  await application.locator('.pill', { hasText: 'Pending' }).waitFor();
  await tallShot(operator, 'admin-queue-desktop');
  await application.getByLabel('Note to the developer (optional)').fill('Welcome aboard: keep test mode until your first real order.');
  await application.getByRole('button', { name: 'Approve' }).click();
  await application.locator('.pill', { hasText: 'Approved' }).waitFor();
  await application.getByText('Welcome aboard: keep test mode until your first real order.').waitFor();
  await shot(operator, 'admin-approved-desktop');
  await desk.close();

  await developer.goto(`/developers/apps/${bot.appId}`);
  await beta.locator('.pill', { hasText: 'Approved' }).waitFor();
  await beta.getByText(/this app can take real payments/).waitFor();
  await beta.scrollIntoViewIfNeeded();
  await shot(developer, 'payments-beta-approved-desktop');
  await context.close();
});
