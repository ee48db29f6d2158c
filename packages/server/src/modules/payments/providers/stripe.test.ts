import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { startStripeStandIn, type StripeStandIn } from '../../../../test/helpers/stripe-stand-in.js';
import type { RevealedCard } from '../../wallet/wallet.service.js';
import type { ChargeRequest } from './provider.js';
import { createStripeProvider } from './stripe.js';

let stand: StripeStandIn;
before(async () => {
  stand = await startStripeStandIn();
});
after(() => stand.close());

const nextYear = new Date().getUTCFullYear() + 1;
const cardOf = (number: string): RevealedCard => ({ id: 'card_test', number, brand: 'visa', last4: number.slice(-4), expMonth: 12, expYear: nextYear, holderName: 'Ada Shopper', postalCode: '94025' });
const chargeOf = (number: string, overrides: Partial<ChargeRequest> = {}): ChargeRequest => ({ idempotencyKey: `pay_${randomUUID()}`, amount: 2999, currency: 'USD', card: cardOf(number), description: 'Order 42 at Peter\'s Apparel', ...overrides });
const provider = (overrides: { secretKey?: string; apiBase?: string; timeoutMs?: number } = {}) => createStripeProvider({ secretKey: stand.secretKey, apiBase: stand.url, ...overrides });
const requestsWithKey = (key: string) => stand.requests.filter((request) => request.idempotencyKey === key);

test('a good card is charged once, captured, and the charge id comes back', async () => {
  const request = chargeOf('4242424242424242');
  const outcome = await provider().charge(request);
  assert.ok(outcome.ok, JSON.stringify(outcome));
  assert.match(outcome.reference, /^ch_/);
  assert.equal(outcome.providerType, 'stripe');

  const charge = stand.charges.find((candidate) => candidate.id === outcome.reference);
  assert.deepEqual({ amount: charge?.amount, currency: charge?.currency, status: charge?.status }, { amount: 2999, currency: 'usd', status: 'succeeded' });
  const [sent] = requestsWithKey(request.idempotencyKey);
  assert.equal(sent?.method, 'POST');
  assert.equal(sent?.path, '/v1/payment_intents');
  assert.equal(sent?.headers.authorization, `Bearer ${stand.secretKey}`);
  assert.equal(sent?.headers['content-type'], 'application/x-www-form-urlencoded');
  assert.deepEqual(
    { amount: sent?.body.amount, currency: sent?.body.currency, confirm: sent?.body.confirm, capture_method: sent?.body.capture_method, description: sent?.body.description, automatic_payment_methods: sent?.body.automatic_payment_methods },
    { amount: '2999', currency: 'usd', confirm: 'true', capture_method: 'automatic', description: 'Order 42 at Peter\'s Apparel', automatic_payment_methods: { enabled: 'true', allow_redirects: 'never' } },
  );
  assert.deepEqual(sent?.body.payment_method_data, {
    type: 'card',
    card: { number: '4242424242424242', exp_month: '12', exp_year: String(nextYear) },
    billing_details: { name: 'Ada Shopper', address: { postal_code: '94025' } },
  });
  assert.equal(sent?.body.payment_method_data && 'cvc' in (sent.body.payment_method_data as any).card, false, 'no CVC is sent: it is never stored');
});

test('each Stripe test card that declines comes back as its decline code with Stripe\'s message', async () => {
  const cases = [
    ['4000000000000002', 'card_declined', /declined/],
    ['4000000000009995', 'insufficient_funds', /insufficient funds/],
    ['4000000000000069', 'expired_card', /expired/],
    ['4000000000000119', 'processing_error', /error occurred while processing/],
    ['4000000000000127', 'incorrect_cvc', /security code/],
    // A real card number in test mode: Stripe declines it rather than charge it.
    ['4111111111111111', 'card_declined', /non test \(live\) card/],
  ] as const;
  const before = stand.charges.length;
  for (const [number, code, message] of cases) {
    const outcome = await provider().charge(chargeOf(number));
    assert.equal(outcome.ok, false, number);
    if (outcome.ok) continue;
    assert.equal(outcome.code, code, number);
    assert.match(outcome.message, message, number);
  }
  assert.deepEqual(stand.charges.slice(before).map((charge) => charge.status), cases.map(() => 'failed'), 'each attempt is a failed charge at Stripe');
});

test('a card number Stripe finds wrong is a decline, not a crash', async () => {
  const outcome = await provider().charge(chargeOf('4242424242424241'));
  assert.deepEqual(outcome, { ok: false, code: 'card_declined', message: 'Your card number is incorrect.' });
});

test('a card that asks for 3-D Secure is refused with a message that says why, and nothing is captured', async () => {
  const outcome = await provider().charge(chargeOf('4000002760003184'));
  assert.equal(outcome.ok, false);
  if (!outcome.ok) {
    assert.equal(outcome.code, 'card_declined');
    assert.match(outcome.message, /authentication/);
  }
  assert.equal(stand.charges.some((charge) => charge.last4 === '3184'), false);
});

test('the same idempotency key twice charges once and answers the same charge', async () => {
  const request = chargeOf('4242424242424242');
  const stripe = provider();
  const first = await stripe.charge(request);
  const again = await stripe.charge(request);
  const [racedA, racedB] = await Promise.all([provider().charge(request), provider().charge(request)]);
  assert.ok(first.ok);
  for (const outcome of [again, racedA, racedB]) assert.deepEqual(outcome, first);
  const sent = requestsWithKey(request.idempotencyKey);
  assert.equal(sent.length, 4);
  assert.deepEqual(sent.map((hit) => hit.replayed), [false, true, true, true]);
  const intentsCharged = new Set(stand.charges.filter((charge) => charge.id === first.reference).map((charge) => charge.paymentIntent));
  assert.equal(intentsCharged.size, 1);
  assert.equal(stand.charges.filter((charge) => intentsCharged.has(charge.paymentIntent)).length, 1, 'one charge, on one PaymentIntent');
});

test('a retried decline replays the decline instead of trying the card again', async () => {
  const request = chargeOf('4000000000009995');
  const before = stand.charges.length;
  const first = await provider().charge(request);
  const again = await provider().charge(request);
  assert.deepEqual(again, first);
  assert.equal(first.ok ? '' : first.code, 'insufficient_funds');
  assert.equal(stand.charges.length, before + 1, 'one failed charge attempt, not two');
});

test('the amount goes to Stripe in minor units and the currency in lower case', async () => {
  const request = chargeOf('4242424242424242', { amount: 1500, currency: 'JPY' });
  const outcome = await provider().charge(request);
  assert.ok(outcome.ok);
  const [sent] = requestsWithKey(request.idempotencyKey);
  assert.deepEqual([sent?.body.amount, sent?.body.currency], ['1500', 'jpy']);
});

test('a charge is refunded in part, then for the rest, and no further; a retried refund refunds once', async () => {
  const stripe = provider();
  const charged = await stripe.charge(chargeOf('4242424242424242', { amount: 5000 }));
  assert.ok(charged.ok);
  const partKey = `ref_${randomUUID()}`;
  const part = await stripe.refund({ idempotencyKey: partKey, reference: charged.reference, amount: 2000, currency: 'USD' });
  assert.ok(part.ok, JSON.stringify(part));
  assert.match(part.reference, /^re_/);
  assert.deepEqual(await stripe.refund({ idempotencyKey: partKey, reference: charged.reference, amount: 2000, currency: 'USD' }), part);
  assert.deepEqual(requestsWithKey(partKey).map((hit) => [hit.path, hit.body]), [
    ['/v1/refunds', { charge: charged.reference, amount: '2000' }],
    ['/v1/refunds', { charge: charged.reference, amount: '2000' }],
  ]);

  const rest = await stripe.refund({ idempotencyKey: `ref_${randomUUID()}`, reference: charged.reference, amount: 3000, currency: 'USD' });
  assert.ok(rest.ok);
  const refunded = stand.refunds.filter((refund) => refund.charge === charged.reference);
  assert.deepEqual(refunded.map((refund) => refund.amount), [2000, 3000]);
  assert.equal(stand.charges.find((charge) => charge.id === charged.reference)?.amountRefunded, 5000);

  const tooMuch = await stripe.refund({ idempotencyKey: `ref_${randomUUID()}`, reference: charged.reference, amount: 1, currency: 'USD' });
  assert.equal(tooMuch.ok, false);
  if (!tooMuch.ok) {
    assert.equal(tooMuch.code, 'refund_failed');
    assert.match(tooMuch.message, /already been refunded/);
  }
});

test('a whole charge is refunded in one call, and refunding more than was charged fails with a reason', async () => {
  const stripe = provider();
  const charged = await stripe.charge(chargeOf('5555555555554444', { amount: 1299 }));
  assert.ok(charged.ok);
  const over = await stripe.refund({ idempotencyKey: `ref_${randomUUID()}`, reference: charged.reference, amount: 1300, currency: 'USD' });
  assert.deepEqual(over.ok ? null : over.code, 'refund_failed');
  assert.match(over.ok ? '' : over.message, /greater than unrefunded amount/);
  const full = await stripe.refund({ idempotencyKey: `ref_${randomUUID()}`, reference: charged.reference, amount: 1299, currency: 'USD' });
  assert.ok(full.ok);
  const unknown = await stripe.refund({ idempotencyKey: `ref_${randomUUID()}`, reference: 'ch_does_not_exist', amount: 100, currency: 'USD' });
  assert.deepEqual(unknown.ok ? null : [unknown.code, /No such charge/.test(unknown.message)], ['refund_failed', true]);
});

test('a wrong secret key is refused: nothing is charged and the message points at the merchant\'s key', async () => {
  const request = chargeOf('4242424242424242');
  const outcome = await provider({ secretKey: 'sk_test_not_the_merchants_key' }).charge(request);
  assert.equal(outcome.ok, false);
  if (!outcome.ok) {
    assert.equal(outcome.code, 'provider_unavailable');
    assert.match(outcome.message, /secret key/);
    assert.doesNotMatch(outcome.message, /not_the_merchants_key/, 'the key is not echoed');
  }
  assert.equal(requestsWithKey(request.idempotencyKey)[0]?.status, 401);
  const refund = await provider({ secretKey: 'sk_test_wrong' }).refund({ idempotencyKey: `ref_${randomUUID()}`, reference: 'ch_x', amount: 1, currency: 'USD' });
  assert.deepEqual(refund.ok ? null : refund.code, 'provider_unavailable');
});

test('Stripe out of reach, too slow, or failing is provider_unavailable, never an exception', async () => {
  const gone = await startStripeStandIn();
  await gone.close();
  const unreachable = await createStripeProvider({ secretKey: gone.secretKey, apiBase: gone.url }).charge(chargeOf('4242424242424242'));
  assert.deepEqual(unreachable.ok ? null : unreachable.code, 'provider_unavailable');
  assert.match(unreachable.ok ? '' : unreachable.message, /did not answer/);

  const slow = await startStripeStandIn();
  slow.setMode('hang');
  try {
    const started = Date.now();
    const timedOut = await createStripeProvider({ secretKey: slow.secretKey, apiBase: slow.url, timeoutMs: 200 }).charge(chargeOf('4242424242424242'));
    assert.deepEqual(timedOut.ok ? null : timedOut.code, 'provider_unavailable');
    assert.ok(Date.now() - started < 5000, 'bounded by the timeout (and one retry)');
    slow.setMode('error');
    const failing = await createStripeProvider({ secretKey: slow.secretKey, apiBase: slow.url }).refund({ idempotencyKey: `ref_${randomUUID()}`, reference: 'ch_x', amount: 1, currency: 'USD' });
    assert.deepEqual(failing.ok ? null : failing.code, 'provider_unavailable');
    const failingCharge = await createStripeProvider({ secretKey: slow.secretKey, apiBase: slow.url }).charge(chargeOf('4242424242424242'));
    assert.deepEqual(failingCharge.ok ? null : failingCharge.code, 'provider_unavailable');
    assert.match(failingCharge.ok ? '' : failingCharge.message, /HTTP 500/);
    assert.equal(slow.charges.length, 0);
  } finally {
    await slow.close();
  }
});

test('the card number goes to Stripe\'s payment_intents endpoint and nowhere else, and never comes back', async () => {
  const numbers = ['4242424242424242', '4000000000000002', '4000000000009995', '4000000000000069', '4000000000000119', '4000000000000127', '4000002760003184', '4111111111111111', '4242424242424241'];
  const stripe = provider();
  const returned: unknown[] = [];
  for (const number of numbers) {
    const outcome = await stripe.charge(chargeOf(number));
    returned.push(outcome);
    if (outcome.ok) returned.push(await stripe.refund({ idempotencyKey: `ref_${randomUUID()}`, reference: outcome.reference, amount: 100, currency: 'USD' }));
  }
  returned.push(await provider({ secretKey: 'sk_test_wrong' }).charge(chargeOf('4242424242424242')));
  const text = JSON.stringify(returned);
  for (const number of numbers) assert.ok(!text.includes(number), `${number} is not in what the provider returned`);
  for (const request of stand.requests) {
    if (numbers.some((number) => request.raw.includes(number) || request.path.includes(number))) assert.equal(request.path, '/v1/payment_intents');
  }
});

test('an apiBase that is not an origin is refused at creation', () => {
  assert.throws(() => createStripeProvider({ secretKey: 'sk_test_x', apiBase: 'ftp://127.0.0.1:1' }), /http or https/);
  assert.throws(() => createStripeProvider({ secretKey: 'sk_test_x', apiBase: 'http://127.0.0.1:1/v1' }), /without a path/);
  assert.throws(() => createStripeProvider({ secretKey: ' ' }), /secret key is required/);
});
