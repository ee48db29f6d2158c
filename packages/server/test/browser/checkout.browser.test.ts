import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createOperator } from '../../src/modules/accounts/accounts.service.js';
import { ApiClient, uniqueEmail } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { desktopContext, launchBrowser, phoneContext, shot, signIn, skip } from './setup.js';
import { openShopScene, type ShopScene } from './shop-scene.js';

let server: TestServer;
let scene: ShopScene;
let browser: Browser;
let phone: BrowserContext;
let shopper: Page;
/** The order numbers (T-2026-…) the success state showed, by product. */
const orderNumbers: Record<string, string> = {};

const sheet = () => shopper.getByRole('dialog', { name: 'Checkout with Souk & Steep' });
const productCard = (title: string) => shopper.locator('.generic-card', { hasText: title }).first();

/** Counts the shopper's taps and keystrokes from now on: a purchase with saved details needs no typing. */
async function startCounting(page: Page): Promise<void> {
  await page.evaluate(() => {
    const counts = { taps: 0, typed: 0 };
    (window as any).__counts = counts;
    document.addEventListener('click', (event) => event.isTrusted && counts.taps++, true);
    document.addEventListener('input', (event) => event.isTrusted && counts.typed++, true);
  });
}

/** A screenshot once the sheet's slide-in and the like have finished (spinners, which never end, aside). */
async function still(page: Page, name: string): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  await shot(page, name);
}

/** The whole of a pane that scrolls on its own (an order beside the list), as one tall shot. */
async function paneShot(page: Page, selector: string, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const extra = await page.locator(selector).evaluate((el) => el.scrollHeight - el.clientHeight);
  await page.setViewportSize({ width: size.width, height: size.height + Math.max(0, extra) });
  await still(page, name);
  await page.setViewportSize(size);
}

const counts = (page: Page): Promise<{ taps: number; typed: number }> => page.evaluate(() => (window as any).__counts);

/** Waits for the success state, keeps its order number, and lets the sheet close by itself. */
async function expectPaid(product: string, name: string): Promise<string> {
  const done = sheet().getByRole('status').filter({ hasText: 'Payment complete' });
  await done.waitFor();
  const number = (await done.locator('.pay-done-number bdi').innerText()).trim();
  assert.match(number, /^T-\d{4}-/);
  orderNumbers[product] = number;
  await still(shopper, `checkout-${name}-mobile`);
  await sheet().waitFor({ state: 'detached' });
  return number;
}

async function receiptFor(product: string): Promise<Locator> {
  const receipt = shopper.locator('.receipt', { hasText: product }).last();
  await receipt.waitFor();
  await receipt.scrollIntoViewIfNeeded();
  return receipt;
}

before(async () => {
  if (skip) return;
  browser = await launchBrowser();
  server = await startTestServer();
  scene = await openShopScene(server);
  phone = await phoneContext(browser, server.url);
  shopper = await phone.newPage();
});

after(async () => {
  await browser?.close();
  await scene?.close();
  await server?.close();
});

test('with a saved card, address and contact, the shopper buys from the carousel in two taps and gets the receipt', { skip }, async () => {
  await signIn(shopper, scene.shopperEmail, `/t/${encodeURIComponent(scene.thread.id)}`);
  await shopper.getByRole('button', { name: 'Get Started' }).click();
  const mint = productCard('Gunpowder Mint Tea');
  await mint.waitFor();
  const buy = mint.getByRole('button', { name: /buy/i });
  assert.match(await buy.innerText(), /\$8\.50/, 'the Buy button shows its price');
  await mint.scrollIntoViewIfNeeded();
  await still(shopper, 'checkout-carousel-mobile');

  await startCounting(shopper);
  await buy.click();
  const checkout = sheet();
  await checkout.getByText('TEST — no real money moves').waitFor();
  // Everything is pre-filled from the wallet, and the cheapest shipping is chosen already.
  await checkout.getByText('1 Hacker Way, Menlo Park CA 94025, United States').waitFor();
  await checkout.getByText('Amira Haddad · amira@example.test').waitFor();
  await checkout.locator('.sheet-row-summary', { hasText: '•••• 4242' }).waitFor();
  const standard = checkout.getByRole('radio', { name: /US Standard/ });
  await standard.waitFor({ state: 'attached' });
  assert.equal(await standard.isChecked(), true, 'the cheapest option is preselected');
  assert.equal(await checkout.getByTestId('pay-total').innerText(), '$13.49');
  const pay = checkout.getByRole('button', { name: 'Pay $13.49' });
  await pay.waitFor();
  assert.equal(await checkout.getByRole('link', { name: 'Privacy policy of Souk & Steep' }).getAttribute('href'), `${scene.botUrl}/privacy`);
  await still(shopper, 'checkout-sheet-mobile');

  await pay.click();
  await expectPaid('Gunpowder Mint Tea', 'paid');
  const { taps, typed } = await counts(shopper);
  assert.ok(taps <= 3, `Buy → Pay took ${taps} taps`);
  assert.equal(typed, 0, 'nothing was typed');

  const receipt = await receiptFor('Gunpowder Mint Tea');
  assert.equal(await receipt.locator('.receipt-total dd').innerText(), '$13.49');
  await receipt.getByText('1 Hacker Way').waitFor();
  await shopper.locator('.bubble-row.theirs', { hasText: /Thank you, Amira!.*is paid/ }).waitFor();
  await still(shopper, 'checkout-receipt-mobile');
});

test('a declined card says so in the sheet, the card chooser takes the focus, and another card pays', { skip }, async () => {
  await productCard('Earl Grey Supreme').getByRole('button', { name: /buy/i }).click();
  const checkout = sheet();
  await checkout.getByRole('button', { name: 'Pay $13.99' }).waitFor();

  // Add the test card that always declines, from the sheet; it is saved and chosen at once.
  await checkout.getByRole('button', { name: /^Pay with/ }).click();
  await checkout.getByRole('button', { name: 'Add card' }).click();
  const number = checkout.getByLabel('Card number');
  await number.fill('4000000000000002');
  assert.equal(await number.inputValue(), '4000 0000 0000 0002', 'grouped as typed');
  await checkout.locator('.card-brand-tag', { hasText: 'Visa' }).waitFor();
  await checkout.getByLabel('Expiry date').fill('1230');
  assert.equal(await checkout.getByLabel('Expiry date').inputValue(), '12 / 30');
  await checkout.getByLabel('Security code').fill('123');
  assert.equal(await checkout.getByLabel('Name on card').inputValue(), 'Amira Haddad', 'the name comes from the contact');
  await checkout.getByLabel('Billing postal code').fill('94025');
  await still(shopper, 'checkout-add-card-mobile');
  await checkout.getByRole('button', { name: 'Save and use this card' }).click();
  const declined = checkout.getByRole('radio', { name: /0002/ });
  await declined.waitFor({ state: 'attached' });
  assert.equal(await declined.isChecked(), true, 'the new card is chosen');

  await checkout.getByRole('button', { name: 'Pay $13.99' }).click();
  const alert = checkout.getByRole('alert').filter({ hasText: /declined/i });
  await alert.waitFor();
  assert.match(await alert.innerText(), /another card/i);
  await shopper.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'card', undefined, { timeout: 2000 });
  await still(shopper, 'checkout-declined-mobile');

  await checkout.getByRole('radio', { name: /4242/ }).check();
  await checkout.getByRole('button', { name: 'Pay $13.99' }).click();
  await expectPaid('Earl Grey Supreme', 'paid-after-decline');
  const receipt = await receiptFor('Earl Grey Supreme');
  assert.equal(await receipt.locator('.receipt-total dd').innerText(), '$13.99');
});

test('a double tap sends one Pay, and Pay after a network failure reuses the failed tap\'s idempotency key', { skip }, async () => {
  const keys: string[] = [];
  let dropNext = true;
  await shopper.route('**/api/checkouts/*/pay', async (route) => {
    keys.push(JSON.parse(route.request().postData() ?? '{}').idempotencyKey);
    if (dropNext) {
      dropNext = false;
      await route.abort('internetdisconnected');
    } else await route.continue();
  });
  await productCard('Sumatra Mandheling').getByRole('button', { name: /buy/i }).click();
  const pay = sheet().getByRole('button', { name: 'Pay $19.49' });
  await pay.click();
  await sheet().getByRole('alert').filter({ hasText: 'Cannot reach the server' }).waitFor();
  await pay.dblclick();
  await expectPaid('Sumatra Mandheling', 'paid-after-retry');
  await shopper.unroute('**/api/checkouts/*/pay');
  assert.equal(keys.length, 2, `one request per tap that got through the guard, got ${keys.length}`);
  assert.equal(keys[1], keys[0], 'the retry carries the key of the request that went unanswered');
  await receiptFor('Sumatra Mandheling');
});

test('the sheet reads right to left in Arabic, and is a centred dialog on a desktop', { skip }, async () => {
  await shopper.getByLabel('Language').selectOption('ar');
  await productCard('Ethiopian Yirgacheffe').getByRole('button', { name: /buy/i }).click();
  const arabic = shopper.getByRole('dialog', { name: 'الدفع لدى Souk & Steep' });
  await arabic.getByText('تجريبي — لا تنتقل أموال حقيقية').waitFor();
  await arabic.getByRole('button', { name: /^ادفع/ }).waitFor();
  const [summary, icon] = [await arabic.locator('.sheet-row-text').first().boundingBox(), await arabic.locator('.sheet-row-icon').first().boundingBox()];
  assert.ok(summary && icon && icon.x > summary.x, 'the row icon sits on the right');
  await still(shopper, 'checkout-sheet-rtl-mobile');
  await arabic.getByRole('button', { name: 'إغلاق' }).click();
  await arabic.waitFor({ state: 'detached' });
  await shopper.getByLabel('اللغة').selectOption('en');

  const desk = await desktopContext(browser, server.url);
  const wide = await desk.newPage();
  await signIn(wide, scene.shopperEmail, `/t/${encodeURIComponent(scene.thread.id)}`);
  await wide.locator('.generic-card', { hasText: 'Saffron Threads' }).first().getByRole('button', { name: /buy/i }).click();
  const dialog = wide.getByRole('dialog', { name: 'Checkout with Souk & Steep' });
  await dialog.getByRole('button', { name: 'Pay $16.98' }).waitFor();
  const box = await dialog.locator('.sheet-panel').boundingBox();
  assert.ok(box && box.width <= 460 && box.x > 300, `a centred dialog, got ${JSON.stringify(box)}`);
  await still(wide, 'checkout-sheet-desktop');

  // Another shipping option changes the total; an address the shop does not ship to stops Pay.
  await dialog.getByRole('radio', { name: /US Express/ }).check();
  await dialog.getByRole('button', { name: 'Pay $26.98' }).waitFor();
  await dialog.getByRole('button', { name: /^Ship to/ }).click();
  await dialog.getByRole('button', { name: 'Add address' }).click();
  assert.equal(await dialog.getByLabel('Full name').inputValue(), 'Amira Haddad');
  await dialog.getByLabel('Street address').fill('1 George Street');
  await dialog.getByLabel('City').fill('Sydney');
  await dialog.getByLabel('Postal code', { exact: true }).fill('2000');
  await dialog.getByLabel('Country').selectOption('AU');
  await dialog.getByRole('button', { name: 'Save address' }).click();
  await dialog.getByText('Souk & Steep does not ship to this address. Choose another address.').waitFor();
  assert.equal(await dialog.getByRole('button', { name: 'Pay $11.99' }).isDisabled(), true);
  await still(wide, 'checkout-no-shipping-desktop');
  await dialog.getByRole('radio', { name: /1 Hacker Way/ }).check();
  await dialog.getByRole('button', { name: 'Pay $16.98' }).waitFor();
  await wide.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await desk.close();
});

test('the orders show for the shopper and the merchant, and a partial refund reaches the shopper\'s order and the thread', { skip }, async () => {
  const mintNumber = orderNumbers['Gunpowder Mint Tea']!;
  await shopper.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
  const mintRow = shopper.getByRole('link', { name: new RegExp(mintNumber) });
  await mintRow.waitFor();
  await shopper.getByRole('link', { name: new RegExp(orderNumbers['Earl Grey Supreme']!) }).waitFor();
  await still(shopper, 'orders-list-mobile');
  await mintRow.click();
  const order = shopper.locator('.order-view');
  await order.getByRole('heading', { name: mintNumber }).waitFor();
  await order.locator('.order-head .test-badge', { hasText: 'TEST' }).waitFor();
  await order.getByText('Visa •••• 4242').waitFor();
  await order.getByText('US Standard (3–5 days)').first().waitFor();
  await paneShot(shopper, '.order-scroll', 'orders-detail-mobile');

  const desk = await desktopContext(browser, server.url);
  const merchant = await desk.newPage();
  await signIn(merchant, scene.shop.merchant.session!.account.email, '/business');
  await merchant.getByRole('navigation', { name: 'Business console' }).getByRole('link', { name: 'Orders' }).click();
  await merchant.getByRole('link', { name: new RegExp(mintNumber) }).click();
  const detail = merchant.locator('.order-view');
  await detail.getByRole('heading', { name: mintNumber }).waitFor();
  await detail.locator('.order-head .test-badge').waitFor();
  await detail.getByRole('button', { name: 'Mark shipped' }).click();
  await detail.locator('.order-head').getByText('Shipped').waitFor();

  await detail.getByRole('button', { name: 'Refund' }).click();
  const form = detail.getByRole('form', { name: 'Refund' });
  await form.getByLabel('Part of it').check();
  const amount = form.getByLabel('Amount (USD)');
  await amount.fill('2.005');
  await form.getByRole('button', { name: 'Refund' }).click();
  await form.getByText('USD amounts have at most 2 decimals.').waitFor();
  await amount.fill('20');
  await form.getByRole('button', { name: 'Refund' }).click();
  await form.getByText('At most $13.49 can be refunded.').waitFor();
  await amount.fill('2.50');
  await form.getByRole('button', { name: 'Refund' }).click();
  await form.waitFor({ state: 'detached' });
  // A partial refund after shipping keeps the order shipped; the refund is listed with it.
  await detail.locator('.order-head').getByText('Shipped').waitFor();
  await detail.locator('.refund-amount', { hasText: '−$2.50' }).waitFor();
  await paneShot(merchant, '.order-scroll', 'orders-merchant-desktop');

  // Cancelling refunds whatever is left, after asking.
  const earlGrey = orderNumbers['Earl Grey Supreme']!;
  await merchant.getByRole('link', { name: new RegExp(earlGrey) }).click();
  await detail.getByRole('heading', { name: earlGrey }).waitFor();
  await detail.getByRole('button', { name: 'Cancel order' }).click();
  await detail.getByText('Cancel this order? $13.99 goes back to the shopper').waitFor();
  await detail.getByRole('button', { name: 'Cancel and refund' }).click();
  await detail.locator('.order-head').getByText('Cancelled').waitFor();
  assert.equal(await detail.getByRole('button', { name: 'Refund' }).count(), 0, 'nothing is left to refund');
  await merchant.getByRole('link', { name: new RegExp(earlGrey) }).getByText('Cancelled').waitFor();
  await desk.close();

  // The shopper's open order follows by itself, and the conversation says what happened.
  await order.locator('.order-head').getByText('Shipped').waitFor();
  await order.locator('.refund-amount', { hasText: '−$2.50' }).waitFor();
  await order.locator('.price-lines').getByText('$10.99').waitFor();
  await paneShot(shopper, '.order-scroll', 'orders-refunded-mobile');
  await order.getByRole('link', { name: 'Open the conversation with Souk & Steep' }).click();
  await shopper.locator('.bubble-row.theirs', { hasText: `A refund of 2.50 USD was issued for order ${mintNumber}` }).waitFor();
  await still(shopper, 'orders-refund-in-thread-mobile');

  // Orders, payments, refunds and the ledger still agree after all this.
  const email = uniqueEmail('operator');
  await createOperator(server.platform.deps.db, { email, password: 'correct horse battery', name: 'Operator' });
  const operator = new ApiClient(server.url);
  await operator.signIn(email, 'correct horse battery');
  const check = await operator.get('/api/admin/ledger-check');
  assert.deepEqual(check.body, { ok: true, problems: [] });
});
