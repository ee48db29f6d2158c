import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWebhookHandler, type WebhookHandlerOptions } from './webhook.js';
import { signWebhookBody } from './signature.js';
import { HandlerError, WebhookRequestError, type TijaraBotError } from './errors.js';
import type { WebhookEvent } from './events.js';

const appSecret = 'shh';
const verifyToken = 'verify-me';
const user = { id: '1254477777772919' };
const page = { id: '1234567890123456' };

function setup(extra: Partial<WebhookHandlerOptions> = {}) {
  const errors: TijaraBotError[] = [];
  const bot = createWebhookHandler({ appSecret, verifyToken, onError: (error) => errors.push(error), ...extra });
  return { bot, errors };
}

function post(items: object[][], headers?: Record<string, string>) {
  const rawBody = Buffer.from(JSON.stringify({ object: 'page', entry: items.map((messaging) => ({ id: page.id, time: 1, messaging })) }));
  return { method: 'POST', url: '/webhook', headers: headers ?? signWebhookBody(appSecret, rawBody), rawBody };
}

const item = (event: object) => ({ sender: user, recipient: page, timestamp: 1458692752478, ...event });

test('the handshake echoes hub.challenge when the verify token matches', async () => {
  const { bot } = setup();
  const ok = await bot.handle({ method: 'GET', url: '/webhook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444', headers: {} });
  assert.deepEqual([ok.status, ok.body], [200, '1158201444']);
});

test('a handshake with the wrong verify token gets 403, one without hub.mode 400', async () => {
  const { bot, errors } = setup();
  const wrong = await bot.handle({ method: 'GET', url: '/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1', headers: {} });
  assert.equal(wrong.status, 403);
  assert.ok(errors[0] instanceof WebhookRequestError);
  assert.equal((await bot.handle({ method: 'GET', url: '/webhook', headers: {} })).status, 400);
});

test('a POST with a bad signature gets 403 and no handler runs', async () => {
  const seen: WebhookEvent[] = [];
  const { bot, errors } = setup({ onEvent: (event) => seen.push(event) });
  const request = post([[item({ message: { mid: 'm1', text: 'hi' } })]], { 'x-hub-signature-256': `sha256=${'a'.repeat(64)}` });
  const response = await bot.handle(request);
  assert.equal(response.status, 403);
  assert.equal(seen.length, 0);
  assert.match(errors[0]?.message ?? '', /does not match/);
  assert.equal((await bot.handle({ ...request, headers: {} })).status, 403);
});

test('events of every entry are dispatched in order, each to its typed handler', async () => {
  const order: string[] = [];
  const { bot } = setup({ onEvent: (event) => order.push(`any:${event.type}`) });
  bot
    .on('message', (event) => order.push(`message:${event.message.text}`))
    .on('echo', (event) => order.push(`echo:${event.message.app_id}`))
    .on('postback', async (event) => {
      await new Promise((resolve) => setTimeout(resolve, 5)); // an async handler finishes before the next event
      order.push(`postback:${event.postback.payload}`);
    })
    .on('delivery', (event) => order.push(`delivery:${event.delivery.watermark}`))
    .on('read', (event) => order.push(`read:${event.read.watermark}`))
    .on('referral', (event) => order.push(`referral:${event.referral.ref}`))
    .on('optin', (event) => order.push(`optin:${event.optin.user_ref}`))
    .on('payment', (event) => order.push(`payment:${event.payment.payment_credential.fb_payment_id}`))
    .on('unknown', (event) => order.push(`unknown:${Object.keys(event.item).join(',')}`));
  const payment = {
    payload: 'SKU',
    requested_user_info: {},
    payment_credential: { provider_type: 'stripe', charge_id: 'test_charge_id_12345', fb_payment_id: 'test_payment_id_12345' },
    amount: { currency: 'USD', amount: '29.62' },
  };
  const response = await bot.handle(
    post([
      [item({ message: { mid: 'm1', text: 'hello' } }), item({ postback: { title: 'Get Started', payload: 'GET_STARTED' } })],
      [{ sender: page, recipient: user, timestamp: 2, message: { mid: 'm2', is_echo: true, app_id: 42, text: 'hi back' } }],
      [item({ delivery: { mids: ['m2'], watermark: 3 } }), item({ read: { watermark: 4 } })],
      [item({ referral: { ref: 'spring', source: 'SHORTLINK', type: 'OPEN_THREAD' } })],
      [{ recipient: page, timestamp: 5, optin: { ref: 'r', user_ref: 'checkbox-1' } }],
      [item({ payment })],
      [item({ pass_thread_control: { new_owner_app_id: '1' } })],
    ]),
  );
  assert.deepEqual([response.status, response.body], [200, 'EVENT_RECEIVED']);
  assert.deepEqual(order, [
    'any:message', 'message:hello',
    'any:postback', 'postback:GET_STARTED',
    'any:echo', 'echo:42',
    'any:delivery', 'delivery:3',
    'any:read', 'read:4',
    'any:referral', 'referral:spring',
    'any:optin', 'optin:checkbox-1',
    'any:payment', 'payment:test_payment_id_12345',
    'any:unknown', 'unknown:sender,recipient,timestamp,pass_thread_control',
  ]);
});

test('pre_checkout is answered with the hook reply as JSON', async () => {
  const { bot } = setup({ onPreCheckout: async (event) => ({ success: event.pre_checkout.amount.amount === '2.70' }) });
  const preCheckout = { payload: 'xyz', requested_user_info: { contact_name: 'Tao Jiang' }, amount: { currency: 'USD', amount: '2.70' } };
  const response = await bot.handle(post([[item({ pre_checkout: preCheckout })]]));
  assert.equal(response.status, 200);
  assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
  assert.deepEqual(JSON.parse(response.body), { success: true });
});

test('checkout_update is answered with shipping options', async () => {
  const shipping = [{ option_id: '1', option_title: 'Fedex', price_list: [{ label: 'Shipping', amount: '5.99' }] }];
  const { bot } = setup({ onCheckoutUpdate: (event) => (event.checkout_update.shipping_address.state === 'CA' ? { shipping } : { shipping: [] }) });
  const address = { id: 10105655000959552, country: 'US', city: 'MENLO PARK', street1: '1 Hacker Way', street2: '', state: 'CA', postal_code: '94025' };
  const response = await bot.handle(post([[item({ checkout_update: { payload: 'P', shipping_address: address } })]]));
  assert.deepEqual(JSON.parse(response.body), { shipping });
});

test('a payment callback without its hook, or with an unusable reply, fails so nothing is charged', async () => {
  const event = item({ pre_checkout: { payload: 'xyz', requested_user_info: {}, amount: { currency: 'USD', amount: '1.00' } } });
  const missing = setup();
  assert.equal((await missing.bot.handle(post([[event]]))).status, 501);
  assert.match(missing.errors[0]?.message ?? '', /no onPreCheckout hook/);
  const broken = setup({ onPreCheckout: () => ({ success: 'yes' }) as unknown as { success: boolean } });
  assert.equal((await broken.bot.handle(post([[event]]))).status, 500);
  assert.ok(broken.errors[0] instanceof HandlerError);
});

test('a handler that throws gets 500, stops the batch, and reaches onError as a HandlerError', async () => {
  const handled: string[] = [];
  const failure = new Error('database down');
  const { bot, errors } = setup();
  bot.on('message', (event) => {
    handled.push(event.message.mid);
    if (event.message.mid === 'm1') throw failure;
  });
  const response = await bot.handle(post([[item({ message: { mid: 'm1', text: 'a' } })], [item({ message: { mid: 'm2', text: 'b' } })]]));
  assert.deepEqual([response.status, response.body], [500, 'handler failed']);
  assert.deepEqual(handled, ['m1']);
  const [error] = errors;
  assert.ok(error instanceof HandlerError);
  assert.equal(error.cause, failure);
  assert.equal(error.event?.type, 'message');
  assert.match(error.message, /message handler failed: database down/);
});

test('non-page objects are acknowledged, bad JSON is 400, other methods 405', async () => {
  const { bot } = setup();
  const other = Buffer.from('{"object":"user","entry":[]}');
  assert.equal((await bot.handle({ method: 'POST', url: '/', headers: signWebhookBody(appSecret, other), rawBody: other })).status, 200);
  const bad = Buffer.from('{not json');
  assert.equal((await bot.handle({ method: 'POST', url: '/', headers: signWebhookBody(appSecret, bad), rawBody: bad })).status, 400);
  const put = await bot.handle({ method: 'PUT', url: '/', headers: {} });
  assert.deepEqual([put.status, put.headers['allow']], [405, 'GET, POST']);
});
