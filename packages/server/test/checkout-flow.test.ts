import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { testEngines } from './helpers/db.js';
import { connectBot, graphSend, openShop, subscribeWebhook, visit, type Bot, type Shop } from './helpers/fixtures.js';
import { startReceiver, type Receiver } from './helpers/receiver.js';
import { startTestServer, type TestServer } from './helpers/server.js';
import { ApiClient, uniqueEmail } from './helpers/client.js';
import * as openpgp from 'openpgp';
import { createOperator } from '../src/modules/accounts/accounts.service.js';
import { decide } from '../src/modules/payments/payments.service.js';
import { startStripeStandIn, type StripeStandIn } from './helpers/stripe-stand-in.js';

const year = new Date().getUTCFullYear() + 3;
const card = (number: string) => ({ number, expMonth: 11, expYear: year, cvc: number.length === 15 ? '1234' : '123', holderName: 'Leila Ben Ali', postalCode: '1002' });
const paymentFields = ['messaging_payments', 'messaging_checkout_updates', 'messaging_pre_checkouts', 'messages', 'messaging_postbacks'];

interface Scene {
  shop: Shop;
  bot: Bot;
  hook: Receiver;
  shopper: ApiClient;
  threadId: string;
  psid: string;
}

function buyTemplate(summary: Record<string, unknown>) {
  return {
    attachment: {
      type: 'template',
      payload: {
        template_type: 'generic',
        elements: [{ title: 'Blue mug', subtitle: 'Hand-thrown', buttons: [{ type: 'payment', title: 'Buy', payload: 'SKU_MUG', payment_summary: summary }, { type: 'postback', title: 'Details', payload: 'MUG' }] }],
      },
    },
  };
}

const fixedSummary = {
  currency: 'USD',
  payment_type: 'FIXED_AMOUNT',
  is_test_payment: true,
  merchant_name: 'Mug Shop',
  requested_user_info: ['contact_name', 'contact_email'],
  price_list: [{ label: 'Blue mug', amount: '12.50' }, { label: 'Tax', amount: '1.25' }],
};

for (const engine of await testEngines()) {
  describe(`checkout on ${engine}`, () => {
    let server: TestServer;
    let stripe: StripeStandIn;
    const hooks: Receiver[] = [];
    before(async () => {
      stripe = await startStripeStandIn();
      server = await startTestServer({ engine, env: { CHECKOUT_CALLBACK_TIMEOUT_MS: '500', STRIPE_API_BASE: stripe.url } });
    });
    after(async () => {
      await Promise.all(hooks.map((hook) => hook.close()));
      await server.close();
      await stripe.close();
    });

    const approve = (appId: string) => decide(server.platform.deps.db, appId, true, 'approved in a test', 'test-operator');

    /** A shop whose bot may sell (the shopper is a payments tester), a shopper with a saved card, and a Buy button in the thread. */
    async function scene(summary: Record<string, unknown> = fixedSummary, options: { tester?: boolean } = {}): Promise<Scene & { messageId: string }> {
      const shop = await openShop(server.url, { name: 'Mug Shop' });
      const bot = await connectBot(shop, 'Mug Bot');
      const hook = await startReceiver();
      hooks.push(hook);
      // A bot that approves every pre-checkout; tests that need another answer change it.
      hook.behave((hit) => (hit.body.entry[0].messaging[0].pre_checkout ? { status: 200, body: { success: true } } : 200));
      assert.equal((await subscribeWebhook(shop, bot, hook.url, paymentFields)).status, 200);
      const { shopper, thread } = await visit(server.url, shop, 'Leila Ben Ali');
      const profile = await fetch(`${server.url}/v6.0/me/messenger_profile?access_token=${bot.token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ payment_settings: { privacy_url: 'https://mugs.example/privacy', testers: options.tester === false ? [] : [thread.shopper.psid] } }),
      });
      assert.equal(profile.status, 200, await profile.text());
      await shopper.post('/api/wallet/cards', card('4242424242424242'));
      await shopper.request('PUT', '/api/wallet/contact', { name: 'Leila Ben Ali', email: 'leila@example.test', phone: '' });
      const sent = await graphSend(server.url, bot, { recipient: { id: thread.shopper.psid }, message: buyTemplate(summary) });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      return { shop, bot, hook, shopper, threadId: thread.id, psid: thread.shopper.psid, messageId: sent.body.message_id };
    }

    const open = (s: Awaited<ReturnType<typeof scene>>) => s.shopper.post(`/api/threads/${s.threadId}/checkouts`, { messageId: s.messageId, buttonPath: 'elements.0.buttons.0' });
    const cardId = async (shopper: ApiClient, last4 = '4242') => (await shopper.get('/api/wallet')).body.cards.find((c: any) => c.last4 === last4).id;

    test('a fixed-amount Buy button: the sheet shows the lines, Pay charges once, the order is kept and the bot hears of the payment', async () => {
      const s = await scene();
      s.hook.behave((hit) => (hit.body.entry[0].messaging[0].pre_checkout ? { status: 200, body: { success: true } } : 200));
      const sheet = await open(s);
      assert.equal(sheet.status, 200, JSON.stringify(sheet.body));
      assert.deepEqual(sheet.body.priceList.map((l: any) => [l.label, l.amount.amount]), [['Blue mug', 1250], ['Tax', 125]]);
      assert.equal(sheet.body.subtotal.decimal, '13.75');
      assert.equal(sheet.body.isTest, true);
      assert.equal((await open(s)).body.id, sheet.body.id, 'tapping Buy again opens the same checkout');

      const paid = await s.shopper.post(`/api/checkouts/${sheet.body.id}/pay`, { idempotencyKey: 'tap-1-aaaaaaaa', cardId: await cardId(s.shopper) });
      assert.equal(paid.body.status, 'paid', JSON.stringify(paid.body));
      assert.equal(paid.body.order.total.decimal, '13.75');
      assert.equal(paid.body.order.paymentMethod, 'Visa •••• 4242');
      assert.equal(paid.body.order.isTest, true);

      const preCheckout = await s.hook.waitFor((i) => i.pre_checkout, 'pre_checkout');
      assert.deepEqual(preCheckout.pre_checkout.amount, { currency: 'USD', amount: '13.75' });
      const payment = await s.hook.waitFor((i) => i.payment, 'the payment callback');
      assert.equal(payment.payment.payload, 'SKU_MUG');
      assert.deepEqual(payment.payment.amount, { currency: 'USD', amount: '13.75' });
      assert.deepEqual(payment.payment.requested_user_info, { contact_name: 'Leila Ben Ali', contact_email: 'leila@example.test' });
      assert.equal(payment.payment.payment_credential.provider_type, 'test');
      assert.match(payment.payment.payment_credential.charge_id, /^tp_auth_/);
      assert.equal(payment.payment.payment_credential.fb_payment_id, paid.body.order.number, 'the bot\'s receipt can show the order number the shopper sees');

      // A double tap (new key) and a network retry (same key) both answer with the one order.
      const again = await s.shopper.post(`/api/checkouts/${sheet.body.id}/pay`, { idempotencyKey: 'tap-2-bbbbbbbb', cardId: await cardId(s.shopper) });
      const retry = await s.shopper.post(`/api/checkouts/${sheet.body.id}/pay`, { idempotencyKey: 'tap-1-aaaaaaaa', cardId: await cardId(s.shopper) });
      assert.equal(again.body.order.id, paid.body.order.id);
      assert.equal(retry.body.order.id, paid.body.order.id);
      const { rows } = await sql<{ n: number }>`select count(*) as n from test_processor_authorizations where amount = 1375 and status = 'captured' and idempotency_key like ${`checkout:${sheet.body.id}:%`}`.execute(server.platform.deps.db);
      assert.equal(Number(rows[0]!.n), 1, 'charged exactly once');
      await server.platform.webhooks.idle();
      assert.equal(s.hook.items().filter((i) => i.payment).length, 1, 'one payment callback');

      const history = await s.shopper.get('/api/orders');
      assert.deepEqual(history.body.data.map((o: any) => o.id), [paid.body.order.id]);
      const merchantView = await s.shop.merchant.get(`/api/pages/${s.shop.page.id}/orders/${paid.body.order.id}`);
      assert.deepEqual(merchantView.body.nextStatuses, ['shipped', 'cancelled']);
    });

    test('a declined card says so clearly, charges nothing, and another card then pays', async () => {
      const s = await scene();
      await s.shopper.post('/api/wallet/cards', card('4000000000000002'));
      const sheet = await open(s);
      const declined = await s.shopper.post(`/api/checkouts/${sheet.body.id}/pay`, { idempotencyKey: 'decline-aaaaaaaa', cardId: await cardId(s.shopper, '0002') });
      assert.deepEqual({ status: declined.body.status, code: declined.body.code }, { status: 'failed', code: 'card_declined' });
      assert.match(declined.body.message, /declined.*another card/i);
      assert.equal((await s.shopper.get(`/api/checkouts/${sheet.body.id}`)).body.failure.code, 'card_declined');
      const paid = await s.shopper.post(`/api/checkouts/${sheet.body.id}/pay`, { idempotencyKey: 'second-aaaaaaaa', cardId: await cardId(s.shopper) });
      assert.equal(paid.body.status, 'paid');
      assert.equal((await s.shopper.get(`/api/checkouts/${sheet.body.id}`)).body.failure, null);
    });

    test('the bot refusing at pre-checkout, or not answering in time, stops the payment and says so', async () => {
      const s = await scene();
      s.hook.behave((hit) => (hit.body.entry[0].messaging[0].pre_checkout ? { status: 200, body: { success: false } } : 200));
      const sheet = await open(s);
      const refused = await s.shopper.post(`/api/checkouts/${sheet.body.id}/pay`, { idempotencyKey: 'refused-aaaaaaaa', cardId: await cardId(s.shopper) });
      assert.deepEqual([refused.body.status, refused.body.code], ['failed', 'refused_by_shop']);
      assert.match(refused.body.message, /not charged/);
      s.hook.behave((hit) => (hit.body.entry[0].messaging[0].pre_checkout ? 'hang' : 200));
      const silent = await s.shopper.post(`/api/checkouts/${sheet.body.id}/pay`, { idempotencyKey: 'silent-aaaaaaaa', cardId: await cardId(s.shopper) });
      assert.deepEqual([silent.body.status, silent.body.code], ['failed', 'shop_unavailable']);
      s.hook.behave((hit) => (hit.body.entry[0].messaging[0].pre_checkout ? { status: 200, body: { ok: 'yes' } } : 200));
      const garbled = await s.shopper.post(`/api/checkouts/${sheet.body.id}/pay`, { idempotencyKey: 'garble-aaaaaaaa', cardId: await cardId(s.shopper) });
      assert.deepEqual([garbled.body.status, garbled.body.code], ['failed', 'shop_unavailable']);
      const { rows } = await sql<{ n: number }>`select count(*) as n from payments where checkout_id = ${sheet.body.id}`.execute(server.platform.deps.db);
      assert.equal(Number(rows[0]!.n), 0, 'no charge was attempted');
    });

    test('a flexible amount asks the bot for shipping options for the address, and the chosen option is charged', async () => {
      const s = await scene({ ...fixedSummary, payment_type: 'FLEXIBLE_AMOUNT', requested_user_info: ['shipping_address', 'contact_name'] });
      s.hook.behave((hit) => {
        const item = hit.body.entry[0].messaging[0];
        if (item.checkout_update) {
          const domestic = item.checkout_update.shipping_address.country === 'US';
          return { status: 200, body: { shipping: domestic ? [{ option_id: 'std', option_title: 'Standard', price_list: [{ label: 'Shipping', amount: '4.99' }] }, { option_id: 'exp', option_title: 'Express', price_list: [{ label: 'Shipping', amount: 14.99 }] }] : [] } };
        }
        if (item.pre_checkout) return { status: 200, body: { success: true } };
        return 200;
      });
      const address = (await s.shopper.post('/api/wallet/addresses', { name: 'Leila Ben Ali', street1: '1 Hacker Way', city: 'Menlo Park', state: 'CA', postalCode: '94025', country: 'US' })).body;
      const sheet = await open(s);
      const withOptions = await s.shopper.post(`/api/checkouts/${sheet.body.id}/shipping-address`, { addressId: address.id });
      assert.deepEqual(withOptions.body.shippingOptions.map((o: any) => [o.id, o.total.decimal]), [['std', '4.99'], ['exp', '14.99']]);
      const update = await s.hook.waitFor((i) => i.checkout_update);
      assert.deepEqual(update.checkout_update.shipping_address.street1, '1 Hacker Way');
      const paid = await s.shopper.post(`/api/checkouts/${sheet.body.id}/pay`, { idempotencyKey: 'flex-aaaaaaaa', cardId: await cardId(s.shopper), addressId: address.id, shippingOptionId: 'exp' });
      assert.equal(paid.body.status, 'paid', JSON.stringify(paid.body));
      assert.equal(paid.body.order.total.decimal, '28.74');
      assert.deepEqual(paid.body.order.shippingOption, { id: 'exp', title: 'Express' });
      const payment = await s.hook.waitFor((i) => i.payment);
      assert.equal(payment.payment.shipping_option_id, 'exp');
      assert.equal(payment.payment.requested_user_info.shipping_address.postal_code, '94025');
    });

    test('a flexible amount to an address the shop does not ship to cannot be paid, and says why', async () => {
      const s = await scene({ ...fixedSummary, payment_type: 'FLEXIBLE_AMOUNT', requested_user_info: ['shipping_address'] });
      s.hook.behave((hit) => (hit.body.entry[0].messaging[0].checkout_update ? { status: 200, body: { shipping: [] } } : 200));
      const abroad = (await s.shopper.post('/api/wallet/addresses', { name: 'Leila', street1: '5 Rue de Rome', city: 'Tunis', postalCode: '1000', country: 'TN' })).body;
      const sheet = await open(s);
      const options = await s.shopper.post(`/api/checkouts/${sheet.body.id}/shipping-address`, { addressId: abroad.id });
      assert.deepEqual(options.body.shippingOptions, []);
      const attempt = await s.shopper.post(`/api/checkouts/${sheet.body.id}/pay`, { idempotencyKey: 'abroad-aaaaaaaa', cardId: await cardId(s.shopper), addressId: abroad.id });
      assert.deepEqual([attempt.body.status, attempt.body.field], ['failed', 'body.shippingOptionId']);
      assert.match(attempt.body.message, /does not ship/);
    });

    test('refunds: partial then full, idempotent, noted in the conversation, and the ledger agrees', async () => {
      const s = await scene();
      const sheet = await open(s);
      const paid = await s.shopper.post(`/api/checkouts/${sheet.body.id}/pay`, { idempotencyKey: 'refund-aaaaaaaa', cardId: await cardId(s.shopper) });
      const orderPath = `/api/pages/${s.shop.page.id}/orders/${paid.body.order.id}`;
      const partial = await s.shop.merchant.post(`${orderPath}/refunds`, { idempotencyKey: 'r1-aaaaaaaa', amount: 500, reason: 'Chipped handle' });
      assert.equal(partial.status, 201, JSON.stringify(partial.body));
      assert.equal(partial.body.status, 'partially_refunded');
      assert.equal(partial.body.refunded.decimal, '5.00');
      const replay = await s.shop.merchant.post(`${orderPath}/refunds`, { idempotencyKey: 'r1-aaaaaaaa', amount: 500 });
      assert.equal(replay.status, 200);
      assert.equal(replay.body.refunded.decimal, '5.00', 'a replayed refund refunds nothing more');
      const tooMuch = await s.shop.merchant.post(`${orderPath}/refunds`, { idempotencyKey: 'r2-aaaaaaaa', amount: 2000 });
      assert.equal(tooMuch.status, 400);
      assert.equal(tooMuch.body.error.field, 'body.amount');
      const rest = await s.shop.merchant.post(`${orderPath}/refunds`, { idempotencyKey: 'r3-aaaaaaaa' });
      assert.equal(rest.body.status, 'refunded');
      assert.equal(rest.body.refunded.decimal, '13.75');
      const thread = await s.shopper.get(`/api/threads/${s.threadId}/messages`);
      const notes = thread.body.data.filter((m: any) => /refund/i.test(m.text ?? '')).map((m: any) => m.text);
      assert.equal(notes.length, 2);
      assert.match(notes[0], /5\.00 USD/);
      const shipped = await s.shop.merchant.post(`${orderPath}/status`, { status: 'shipped' });
      assert.equal(shipped.status, 409, 'a refunded order cannot ship');
      const { rows } = await sql<{ total: number }>`select sum(amount) as total from test_processor_refunds`.execute(server.platform.deps.db);
      assert.ok(Number(rows[0]!.total) >= 1375);
    });

    test('a partial refund after shipping keeps the order shipped, and the refund shows in its history', async () => {
      const s = await scene();
      const sheet = await open(s);
      const paid = await s.shopper.post(`/api/checkouts/${sheet.body.id}/pay`, { idempotencyKey: 'ship-aaaaaaaa', cardId: await cardId(s.shopper) });
      const orderPath = `/api/pages/${s.shop.page.id}/orders/${paid.body.order.id}`;
      assert.equal((await s.shop.merchant.post(`${orderPath}/status`, { status: 'shipped' })).body.status, 'shipped');
      const refunded = await s.shop.merchant.post(`${orderPath}/refunds`, { idempotencyKey: 'ship-refund-1', amount: 250, reason: 'Late delivery' });
      assert.equal(refunded.body.status, 'shipped');
      assert.equal(refunded.body.refunded.decimal, '2.50');
      assert.deepEqual(refunded.body.nextStatuses, ['delivered']);
      assert.match(refunded.body.events.at(-1).note, /Refund of 2\.50 USD: Late delivery/);
      assert.equal((await s.shop.merchant.post(`${orderPath}/status`, { status: 'delivered' })).body.status, 'delivered');
      assert.equal((await s.shop.merchant.post(`${orderPath}/refunds`, { idempotencyKey: 'ship-refund-2' })).body.status, 'refunded');
    });

    test('a page that charges through Stripe: the charge and a refund go to Stripe, once each', async () => {
      const s = await scene({ ...fixedSummary, is_test_payment: false });
      await s.shop.merchant.post(`/api/developer/apps/${s.bot.appId}/payments-application`, { useCase: 'Mugs, sold through our Messenger bot.' });
      await approve(s.bot.appId);
      const settings = await s.shop.merchant.request('PUT', `/api/pages/${s.shop.page.id}/payment-settings`, { provider: 'stripe', stripeSecretKey: stripe.secretKey });
      assert.equal(settings.status, 200, JSON.stringify(settings.body));
      assert.equal(settings.body.stripeKeyHint, `…${stripe.secretKey.slice(-4)}`);
      const sheet = await open(s);
      const paid = await s.shopper.post(`/api/checkouts/${sheet.body.id}/pay`, { idempotencyKey: 'stripe-aaaaaaaa', cardId: await cardId(s.shopper) });
      assert.equal(paid.body.status, 'paid', JSON.stringify(paid.body));
      assert.equal(paid.body.order.provider, 'stripe');
      const charge = stripe.charges.at(-1)!;
      assert.equal(charge.amount, 1375);
      const payment = await s.hook.waitFor((i) => i.payment);
      assert.deepEqual([payment.payment.payment_credential.provider_type, payment.payment.payment_credential.charge_id], ['stripe', charge.id]);
      const refunded = await s.shop.merchant.post(`/api/pages/${s.shop.page.id}/orders/${paid.body.order.id}/refunds`, { idempotencyKey: 'stripe-refund-1', amount: 375 });
      assert.equal(refunded.body.status, 'partially_refunded');
      assert.deepEqual(stripe.refunds.map((r) => [r.charge, r.amount]).at(-1), [charge.id, 375]);
    });

    test('tokenized payments: the bot receives a single-use card encrypted to the page\'s PGP key', async () => {
      const s = await scene({ ...fixedSummary, is_test_payment: false });
      await s.shop.merchant.post(`/api/developer/apps/${s.bot.appId}/payments-application`, { useCase: 'Mugs, charged with our own processor.' });
      await approve(s.bot.appId);
      const { privateKey, publicKey } = await openpgp.generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'Mug Shop' }], format: 'armored' });
      const profile = await fetch(`${server.url}/v6.0/me/messenger_profile?access_token=${s.bot.token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ payment_settings: { privacy_url: 'https://mugs.example/privacy', public_key: publicKey, testers: [] } }),
      });
      assert.equal(profile.status, 200);
      assert.equal((await s.shop.merchant.request('PUT', `/api/pages/${s.shop.page.id}/payment-settings`, { provider: 'token' })).status, 200);
      const sheet = await open(s);
      const paid = await s.shopper.post(`/api/checkouts/${sheet.body.id}/pay`, { idempotencyKey: 'token-aaaaaaaa', cardId: await cardId(s.shopper) });
      assert.equal(paid.body.status, 'paid', JSON.stringify(paid.body));
      const { payment } = await s.hook.waitFor((i) => i.payment);
      assert.equal(payment.payment_credential.provider_type, 'token');
      const key = await openpgp.readPrivateKey({ armoredKey: privateKey });
      const decrypt = async (armored: string) => (await openpgp.decrypt({ message: await openpgp.readMessage({ armoredMessage: armored }), decryptionKeys: key })).data as string;
      const virtualNumber = await decrypt(payment.payment_credential.tokenized_card);
      assert.match(virtualNumber, /^\d{16}$/);
      assert.notEqual(virtualNumber, '4242424242424242', 'never the shopper\'s own card');
      assert.match(await decrypt(payment.payment_credential.tokenized_cvv), /^\d{3}$/);
      assert.match(payment.payment_credential.token_expiry_year, /^\d{4}$/);
    });

    test('Buy buttons are checked when the bot sends them: first in the element, exact amounts, a privacy policy', async () => {
      const s = await scene();
      const send = (summary: Record<string, unknown>, buttonsFirst = true) =>
        graphSend(server.url, s.bot, {
          recipient: { id: s.psid },
          message: {
            attachment: {
              type: 'template',
              payload: {
                template_type: 'generic',
                elements: [{ title: 'Mug', buttons: buttonsFirst ? [{ type: 'payment', title: 'Buy', payload: 'X', payment_summary: summary }] : [{ type: 'postback', title: 'Info', payload: 'I' }, { type: 'payment', title: 'Buy', payload: 'X', payment_summary: summary }] }],
              },
            },
          },
        });
      const misplaced = await send(fixedSummary, false);
      assert.equal(misplaced.status, 400);
      assert.match(misplaced.body.error.message, /elements\[0\]\.buttons\[1\].*first button/);
      const inexact = await send({ ...fixedSummary, currency: 'JPY', price_list: [{ label: 'Mug', amount: '1200.50' }] });
      assert.equal(inexact.status, 400);
      assert.match(inexact.body.error.message, /price_list\[0\]\.amount.*never rounded/);
      const unknownCurrency = await send({ ...fixedSummary, currency: 'ABC' });
      assert.equal(unknownCurrency.status, 400);
      await fetch(`${server.url}/v6.0/me/messenger_profile?access_token=${s.bot.token}`, { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fields: ['payment_settings'] }) });
      const noPolicy = await send(fixedSummary);
      assert.equal(noPolicy.status, 400);
      assert.match(noPolicy.body.error.message, /privacy_url/);
    });

    test('the payments beta: before approval only the page\'s testers can make test payments', async () => {
      const s = await scene(fixedSummary, { tester: false });
      const sheet = await open(s);
      const blocked = await s.shopper.post(`/api/checkouts/${sheet.body.id}/pay`, { idempotencyKey: 'beta-aaaaaaaa', cardId: await cardId(s.shopper) });
      assert.deepEqual([blocked.body.status, blocked.body.code], ['failed', 'payments_not_enabled']);
      const real = await scene({ ...fixedSummary, is_test_payment: false });
      const realSheet = await open(real);
      const unapproved = await real.shopper.post(`/api/checkouts/${realSheet.body.id}/pay`, { idempotencyKey: 'real-aaaaaaaa', cardId: await cardId(real.shopper) });
      assert.deepEqual([unapproved.body.status, unapproved.body.code], ['failed', 'payments_not_enabled']);
      assert.match(unapproved.body.message, /approval/);

      // The developer applies; an operator approves; the same real payment then goes through.
      const applied = await real.shop.merchant.post(`/api/developer/apps/${real.bot.appId}/payments-application`, { useCase: 'We sell hand-thrown mugs to our followers.' });
      assert.equal(applied.status, 201);
      assert.equal(applied.body.status, 'pending');
      assert.equal((await real.shop.merchant.get('/api/admin/payment-applications')).status, 403, 'merchants are not operators');
      const operator = new ApiClient(server.url);
      await createOperator(server.platform.deps.db, { email: uniqueEmail('operator'), password: 'operator password', name: 'Op' }).then(async ({ account }) => operator.signIn(account.email, 'operator password'));
      const queue = await operator.get('/api/admin/payment-applications?status=pending');
      assert.ok(queue.body.data.some((a: any) => a.appId === real.bot.appId));
      const decision = await operator.post(`/api/admin/payment-applications/${real.bot.appId}/decision`, { approve: true, note: 'Welcome aboard' });
      assert.equal(decision.body.status, 'approved');
      const approved = await real.shopper.post(`/api/checkouts/${realSheet.body.id}/pay`, { idempotencyKey: 'real-bbbbbbbb', cardId: await cardId(real.shopper) });
      assert.equal(approved.body.status, 'paid', JSON.stringify(approved.body));
      assert.equal(approved.body.order.isTest, false);

      const ledger = await operator.get('/api/admin/ledger-check');
      assert.deepEqual(ledger.body, { ok: true, problems: [] });
    });
  });
}
