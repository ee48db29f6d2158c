import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { luhnValid } from '../../src/modules/wallet/cards.js';

/**
 * Stands in on loopback for the part of Stripe's API that the payment provider uses, because
 * Stripe's servers are outside this machine. It speaks what the official SDK sends and parses:
 * form-encoded bodies, Bearer auth with a test key, Stripe's error JSON, Stripe's documented test
 * card numbers, Idempotency-Key replay. It keeps no books beyond this process and checks only
 * what the provider could get wrong; it is not a model of Stripe.
 */

type Json = Record<string, unknown>;

export interface StandInRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  idempotencyKey: string | undefined;
  /** The form body (or query) decoded into nested objects, as Stripe reads `a[b][c]=v`. */
  body: Json;
  raw: string;
  status: number;
  replayed: boolean;
}

export interface StandInCharge {
  id: string;
  paymentIntent: string;
  amount: number;
  amountRefunded: number;
  currency: string;
  status: 'succeeded' | 'failed';
  last4: string;
  failureCode: string | null;
}

export interface StandInRefund {
  id: string;
  charge: string;
  amount: number;
}

export interface StripeStandIn {
  /** Pass as the provider's `apiBase`. */
  url: string;
  /** The one key it accepts. */
  secretKey: string;
  /** Every request, answered or not, in arrival order. */
  requests: StandInRequest[];
  /** Charge attempts, failed ones included (Stripe records those too). */
  charges: StandInCharge[];
  refunds: StandInRefund[];
  /** `error`: every request gets a 500 api_error; `hang`: requests are read and never answered. */
  setMode(mode: 'up' | 'error' | 'hang'): void;
  close(): Promise<void>;
}

type CardOutcome = 'success' | 'requires_action' | { code: string; decline_code: string; message: string };

/** Stripe's documented test numbers. Any other number is a live card, which test mode declines. */
export const standInCards: Record<string, CardOutcome> = {
  '4242424242424242': 'success',
  '5555555555554444': 'success',
  '378282246310005': 'success',
  '6011111111111117': 'success',
  '4000000000000002': { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' },
  '4000000000009995': { code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  '4000000000000069': { code: 'expired_card', decline_code: 'expired_card', message: 'Your card has expired.' },
  '4000000000000119': { code: 'processing_error', decline_code: 'processing_error', message: 'An error occurred while processing your card. Try again in a little bit.' },
  '4000000000000127': { code: 'incorrect_cvc', decline_code: 'incorrect_cvc', message: 'Your card\'s security code is incorrect.' },
  '4000002760003184': 'requires_action',
};

class StripeFailure {
  constructor(
    readonly status: number,
    readonly error: Json,
  ) {}
}

const invalid = (message: string, param?: string, code?: string, status = 400) => new StripeFailure(status, { type: 'invalid_request_error', message, ...(param ? { param } : {}), ...(code ? { code } : {}) });
const cardFailure = (error: Json) => new StripeFailure(402, { type: 'card_error', ...error });
const newObjectId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

export async function startStripeStandIn(options: { secretKey?: string } = {}): Promise<StripeStandIn> {
  const secretKey = options.secretKey ?? `sk_test_${randomBytes(12).toString('hex')}`;
  if (!secretKey.startsWith('sk_test_')) throw new Error('The Stripe stand-in only takes test keys (sk_test_…)');
  const requests: StandInRequest[] = [];
  const charges: StandInCharge[] = [];
  const refunds: StandInRefund[] = [];
  const intents = new Map<string, Json>();
  const chargeObjects = new Map<string, Json>();
  const refundObjects = new Map<string, Json>();
  const saved = new Map<string, { fingerprint: string; status: number; body: Json }>();
  let mode: 'up' | 'error' | 'hang' = 'up';

  function createPaymentIntent(body: Json): Json {
    const amount = positiveInteger(body.amount, 'amount');
    const currency = String(body.currency ?? '');
    if (!/^[a-z]{3}$/.test(currency)) throw invalid(`Invalid currency: ${currency}. Stripe currencies are three-letter ISO codes in lower case.`, 'currency');
    const data = (body.payment_method_data ?? {}) as Json;
    const card = (data.card ?? {}) as Json;
    if (data.type !== 'card' || typeof card.number !== 'string') throw invalid('This stand-in takes card details in payment_method_data[card].', 'payment_method_data');
    // Details Stripe checks before any intent or charge exists.
    const number = card.number;
    const expYear = Number(card.exp_year);
    const expMonth = Number(card.exp_month);
    const now = new Date();
    if (!/^\d{12,19}$/.test(number) || !luhnValid(number)) throw cardFailure({ code: 'incorrect_number', message: 'Your card number is incorrect.', param: 'number' });
    if (!(expMonth >= 1 && expMonth <= 12)) throw cardFailure({ code: 'invalid_expiry_month', message: 'Your card\'s expiration month is invalid.', param: 'exp_month' });
    if (expYear * 12 + expMonth < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1) throw cardFailure({ code: 'invalid_expiry_year', message: 'Your card\'s expiration year is invalid.', param: 'exp_year' });

    const intent: Json = {
      id: newObjectId('pi'),
      object: 'payment_intent',
      amount,
      amount_received: 0,
      currency,
      capture_method: body.capture_method ?? 'automatic_async',
      confirmation_method: 'automatic',
      created: Math.floor(Date.now() / 1000),
      description: body.description ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: {},
      payment_method: newObjectId('pm'),
      payment_method_types: ['card'],
      status: 'requires_confirmation',
    };
    intent.client_secret = `${intent.id}_secret_${randomBytes(8).toString('hex')}`;
    intents.set(intent.id as string, intent);
    if (body.confirm !== 'true') return intent;
    const redirectsOff = (body.automatic_payment_methods as Json | undefined)?.allow_redirects === 'never';
    if (!redirectsOff && !body.allowed_payment_method_types && !body.return_url) {
      throw invalid('A `return_url` must be specified because this Payment Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.', 'return_url');
    }
    const outcome = standInCards[number] ?? { code: 'card_declined', decline_code: 'live_mode_test_card', message: 'Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.' };
    if (outcome === 'requires_action') {
      intent.status = 'requires_action';
      intent.next_action = { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } };
      return intent;
    }
    if (typeof outcome === 'object') {
      const charge = recordCharge(intent, number, 'failed', outcome.decline_code);
      const error = { type: 'card_error', ...outcome };
      Object.assign(intent, { status: 'requires_payment_method', latest_charge: charge.id, last_payment_error: error });
      throw cardFailure({ ...outcome, charge: charge.id, payment_intent: intent });
    }
    const charge = recordCharge(intent, number, 'succeeded', null);
    Object.assign(intent, { status: 'succeeded', amount_received: amount, latest_charge: charge.id });
    return intent;
  }

  function recordCharge(intent: Json, number: string, status: 'succeeded' | 'failed', failureCode: string | null): StandInCharge {
    const charge: StandInCharge = { id: newObjectId('ch'), paymentIntent: intent.id as string, amount: intent.amount as number, amountRefunded: 0, currency: intent.currency as string, status, last4: number.slice(-4), failureCode };
    charges.push(charge);
    chargeObjects.set(charge.id, { id: charge.id, object: 'charge', amount: charge.amount, amount_refunded: 0, captured: status === 'succeeded', currency: charge.currency, failure_code: failureCode, paid: status === 'succeeded', payment_intent: charge.paymentIntent, refunded: false, status, payment_method_details: { type: 'card', card: { last4: charge.last4 } } });
    return charge;
  }

  function createRefund(body: Json): Json {
    let chargeId = typeof body.charge === 'string' ? body.charge : undefined;
    if (!chargeId && typeof body.payment_intent === 'string') {
      const intent = intents.get(body.payment_intent);
      if (!intent) throw invalid(`No such payment_intent: '${body.payment_intent}'`, 'payment_intent', 'resource_missing');
      if (intent.status !== 'succeeded') throw invalid(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, 'payment_intent');
      chargeId = intent.latest_charge as string;
    }
    if (!chargeId) throw invalid('One of the following params should be provided for this request: payment_intent or charge.');
    const charge = charges.find((candidate) => candidate.id === chargeId);
    if (!charge) throw invalid(`No such charge: '${chargeId}'`, 'charge', 'resource_missing');
    if (charge.status !== 'succeeded') throw invalid(`Charge ${charge.id} has not been captured; there is nothing to refund.`, 'charge');
    const left = charge.amount - charge.amountRefunded;
    if (left === 0) throw invalid(`Charge ${charge.id} has already been refunded.`, 'charge', 'charge_already_refunded');
    const amount = body.amount === undefined ? left : positiveInteger(body.amount, 'amount');
    if (amount > left) throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`, 'amount', 'amount_too_large');
    charge.amountRefunded += amount;
    const chargeObject = chargeObjects.get(charge.id)!;
    chargeObject.amount_refunded = charge.amountRefunded;
    chargeObject.refunded = charge.amountRefunded === charge.amount;
    const refund = { id: newObjectId('re'), object: 'refund', amount, charge: charge.id, currency: charge.currency, created: Math.floor(Date.now() / 1000), metadata: {}, payment_intent: charge.paymentIntent, reason: body.reason ?? null, status: 'succeeded' };
    refunds.push({ id: refund.id, charge: charge.id, amount });
    refundObjects.set(refund.id, refund);
    return refund;
  }

  function route(method: string, path: string, body: Json): Json {
    if (method === 'POST' && path === '/v1/payment_intents') return createPaymentIntent(body);
    if (method === 'POST' && path === '/v1/refunds') return createRefund(body);
    const found = method === 'GET' && /^\/v1\/(payment_intents|charges|refunds)\/([^/]+)$/.exec(path);
    if (found) {
      const [, kind, id] = found;
      const object = (kind === 'payment_intents' ? intents : kind === 'charges' ? chargeObjects : refundObjects).get(id!);
      if (!object) throw invalid(`No such ${kind!.replace(/s$/, '')}: '${id}'`, 'id', 'resource_missing', 404);
      return object;
    }
    throw invalid(`Unrecognized request URL (${method}: ${path}). This stand-in answers POST /v1/payment_intents, POST /v1/refunds and GET of those objects.`, undefined, undefined, 404);
  }

  function answer(request: http.IncomingMessage, raw: string): { status: number; body: Json; replayed: boolean } {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const method = request.method ?? 'GET';
    const body = parseForm(method === 'GET' ? url.search.slice(1) : raw);
    const idempotencyKey = header(request, 'idempotency-key');
    const record: StandInRequest = { method, path: url.pathname, headers: request.headers, idempotencyKey, body, raw, status: 0, replayed: false };
    requests.push(record);
    const reply = (status: number, json: Json, replayed = false) => {
      record.status = status;
      record.replayed = replayed;
      return { status, body: json, replayed };
    };

    const authorization = header(request, 'authorization') ?? '';
    if (!authorization.startsWith('Bearer ')) {
      return reply(401, { error: { type: 'invalid_request_error', message: 'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. \'Authorization: Bearer YOUR_SECRET_KEY\').' } });
    }
    const given = authorization.slice('Bearer '.length);
    if (given !== secretKey) {
      return reply(401, { error: { type: 'invalid_request_error', message: `Invalid API Key provided: ${given.slice(0, 8)}${'*'.repeat(Math.max(0, given.length - 12))}${given.slice(-4)}` } });
    }
    if (mode === 'error') return reply(500, { error: { type: 'api_error', message: 'An unknown error occurred' } });

    // Stripe saves the first response to a keyed POST, errors included, and replays it; other parameters are refused.
    const fingerprint = `${method} ${url.pathname} ${raw}`;
    const previous = method === 'POST' && idempotencyKey ? saved.get(idempotencyKey) : undefined;
    if (previous && previous.fingerprint !== fingerprint) {
      return reply(400, { error: { type: 'idempotency_error', message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.` } });
    }
    if (previous) return reply(previous.status, previous.body, true);
    let status = 200;
    let json: Json;
    try {
      json = route(method, url.pathname, body);
    } catch (error) {
      if (!(error instanceof StripeFailure)) throw error;
      status = error.status;
      json = { error: error.error };
    }
    // Snapshot: the intent object lives on and a replay must show it as it was answered.
    json = JSON.parse(JSON.stringify(json)) as Json;
    if (method === 'POST' && idempotencyKey) saved.set(idempotencyKey, { fingerprint, status, body: json });
    return reply(status, json);
  }

  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      if (mode === 'hang') {
        requests.push({ method: request.method ?? 'GET', path: request.url ?? '/', headers: request.headers, idempotencyKey: header(request, 'idempotency-key'), body: parseForm(raw), raw, status: 0, replayed: false });
        hanging.add(response);
        return;
      }
      const { status, body, replayed } = answer(request, raw);
      response.writeHead(status, {
        'content-type': 'application/json',
        'request-id': `req_${randomBytes(7).toString('hex')}`,
        ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
        ...(status === 500 ? { 'stripe-should-retry': 'true' } : {}),
      });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    secretKey,
    requests,
    charges,
    refunds,
    setMode(next) {
      mode = next;
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function header(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `a[b][0]=x&a[c]=y` → `{ a: { b: { 0: 'x' }, c: 'y' } }`: Stripe's bracket encoding, as the SDK writes it. */
function parseForm(raw: string): Json {
  const root: Json = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const path = key.split(/[[\]]+/).filter((part) => part !== '' && part !== '__proto__');
    let node = root;
    path.forEach((part, index) => {
      if (index === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Json;
    });
  }
  return root;
}

function positiveInteger(value: unknown, param: string): number {
  const number = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !(number >= 1)) throw invalid(`Invalid positive integer: ${param} must be a whole number of the currency's smallest unit, at least 1.`, param);
  return number;
}
