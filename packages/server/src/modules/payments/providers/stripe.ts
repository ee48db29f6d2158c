import Stripe from 'stripe';
import { declineMessages, type ChargeOutcome, type ChargeRequest, type DeclineCode, type PaymentProvider, type RefundOutcome } from './provider.js';

export interface StripeProviderOptions {
  /** The merchant's secret key (`sk_live_…` or `sk_test_…`). */
  secretKey: string;
  /** Where Stripe's API answers; a stand-in in tests (`http://127.0.0.1:12345`). Default `https://api.stripe.com`. */
  apiBase?: string;
  /** Per attempt. The SDK retries a failed attempt once, under the same idempotency key. Default 15 000. */
  timeoutMs?: number;
}

/**
 * Charges through the merchant's Stripe account with the official SDK: one PaymentIntent, created
 * and confirmed in one request, captured at once.
 *
 * The card goes to Stripe as raw details (`payment_method_data[card][number]`), because the wallet
 * vault holds the number and nothing in front of it tokenizes. Real Stripe accounts refuse raw card
 * numbers unless Stripe has enabled "raw card data" access for them (it requires PCI SAQ D); an
 * account without it needs a tokenization step (Stripe.js / Elements in the checkout sheet) instead.
 *
 * @example
 * const stripe = createStripeProvider({ secretKey: 'sk_test_…' });
 * const outcome = await stripe.charge({ idempotencyKey: 'pay_123', amount: 2999, currency: 'USD', card, description: 'Order 42' });
 * if (!outcome.ok) show(outcome.message);
 */
export function createStripeProvider(options: StripeProviderOptions): PaymentProvider {
  if (!options.secretKey.trim()) throw new Error('A Stripe secret key is required (sk_live_… or sk_test_…)');
  const stripe = new Stripe(options.secretKey, {
    ...endpointOf(options.apiBase),
    timeout: options.timeoutMs ?? 15_000,
    // Safe because every request carries the caller's idempotency key: a retry replays, never repeats.
    maxNetworkRetries: 1,
    appInfo: { name: 'Tijara' },
  });

  return {
    type: 'stripe',
    async charge(request): Promise<ChargeOutcome> {
      try {
        const intent = await stripe.paymentIntents.create(intentParams(request), { idempotencyKey: request.idempotencyKey });
        return outcomeOf(intent, request);
      } catch (error) {
        return { ok: false, ...failureOf(error, request.card.number) };
      }
    },
    async refund(request): Promise<RefundOutcome> {
      // A charge made without a charge id on its intent was recorded under the intent's id.
      const target = request.reference.startsWith('pi_') ? { payment_intent: request.reference } : { charge: request.reference };
      try {
        const refund = await stripe.refunds.create({ ...target, amount: request.amount }, { idempotencyKey: request.idempotencyKey });
        if (refund.status === 'failed' || refund.status === 'canceled') {
          return { ok: false, code: 'refund_failed', message: `Stripe could not refund the charge (refund ${refund.id} is ${refund.status}${refund.failure_reason ? `: ${refund.failure_reason}` : ''})` };
        }
        // `pending` counts as done: Stripe has accepted the refund and settles it with the card network.
        return { ok: true, reference: refund.id };
      } catch (error) {
        const failure = failureOf(error, '');
        return failure.code === 'provider_unavailable' ? { ok: false, code: 'provider_unavailable', message: failure.message } : { ok: false, code: 'refund_failed', message: failure.message };
      }
    },
  };
}

type CardPaymentMethodData = NonNullable<Stripe.PaymentIntentCreateParams['payment_method_data']> & { card: Stripe.PaymentMethodCreateParams.Card };

function intentParams(request: ChargeRequest): Stripe.PaymentIntentCreateParams & { payment_method_data: CardPaymentMethodData } {
  const { card } = request;
  return {
    amount: request.amount,
    currency: request.currency.toLowerCase(),
    description: request.description,
    confirm: true,
    capture_method: 'automatic',
    // Confirming on the server, with nowhere to send the shopper: Stripe wants a return_url unless redirects are off.
    automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    // The SDK's types leave raw card details out (most accounts may not send them); the API accepts them. No CVC: it is never stored.
    payment_method_data: {
      type: 'card',
      card: { number: card.number, exp_month: card.expMonth, exp_year: card.expYear },
      billing_details: { name: card.holderName, address: { postal_code: card.postalCode } },
    },
  };
}

function outcomeOf(intent: Stripe.PaymentIntent, request: ChargeRequest): ChargeOutcome {
  if (intent.status === 'succeeded') {
    const charge = typeof intent.latest_charge === 'string' ? intent.latest_charge : intent.latest_charge?.id;
    return { ok: true, reference: charge ?? intent.id, providerType: 'stripe' };
  }
  if (intent.status === 'requires_action') {
    // 3-D Secure and the like need the shopper in front of the bank's page, which this checkout does not show.
    return { ok: false, code: 'card_declined', message: 'The card asks for an extra authentication step (such as 3-D Secure) that this checkout cannot show. Choose another card.' };
  }
  if (intent.status === 'requires_payment_method') {
    const error = intent.last_payment_error;
    return { ok: false, code: declineCodeOf(error?.code, error?.decline_code), message: scrub(error?.message || declineMessages.card_declined, request.card.number) };
  }
  return { ok: false, code: 'processing_error', message: `Stripe left the payment ${intent.id} in status ${intent.status}; it was not completed` };
}

function failureOf(error: unknown, cardNumber: string): { code: DeclineCode; message: string } {
  if (!(error instanceof Stripe.errors.StripeError)) throw error;
  const said = scrub(error.message, cardNumber);
  switch (error.type) {
    case 'StripeCardError':
      return { code: declineCodeOf(error.code, error.decline_code), message: said || declineMessages[declineCodeOf(error.code, error.decline_code)] };
    case 'StripeConnectionError':
      // After a timeout the charge may have reached Stripe; only a retry under the same key can tell, and it never charges twice.
      return { code: 'provider_unavailable', message: `Stripe did not answer (${said}); a retry with the same idempotency key returns the charge's outcome if it reached Stripe` };
    case 'StripeAPIError':
      return { code: 'provider_unavailable', message: `Stripe failed to handle the request (HTTP ${error.statusCode ?? '?'}): ${said}` };
    case 'StripeRateLimitError':
      return { code: 'provider_unavailable', message: 'Stripe is limiting the rate of requests from this account; try again shortly' };
    case 'StripeAuthenticationError':
    case 'StripePermissionError':
      // Not the shopper's doing and no retry will help; the merchant must fix the key. Nothing was charged.
      return { code: 'provider_unavailable', message: `Stripe refused the merchant's secret key (HTTP ${error.statusCode ?? '?'}); the page's Stripe key must be fixed in its payment settings` };
    default:
      // An invalid request (an amount Stripe does not accept, raw card data not enabled, a reused idempotency key).
      return { code: 'processing_error', message: `Stripe refused the request: ${said}` };
  }
}

function declineCodeOf(code: string | undefined, declineCode: string | undefined): DeclineCode {
  for (const candidate of [declineCode, code]) {
    if (candidate === 'insufficient_funds' || candidate === 'expired_card' || candidate === 'processing_error' || candidate === 'incorrect_cvc') return candidate;
    if (candidate === 'invalid_cvc') return 'incorrect_cvc';
  }
  return 'card_declined';
}

/** Stripe's messages are meant for shoppers, but nothing that looks like a card number leaves this module. */
function scrub(message: string, cardNumber: string): string {
  const withoutCard = cardNumber ? message.split(cardNumber).join('[card number]') : message;
  return withoutCard.replace(/\d(?:[ -]?\d){11,18}/g, '[card number]');
}

function endpointOf(apiBase: string | undefined): { host?: string; port?: number; protocol?: 'http' | 'https' } {
  if (!apiBase) return {};
  const url = new URL(apiBase);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`The Stripe API base must be an http or https URL, not ${apiBase}`);
  if (url.pathname !== '/' || url.search) throw new Error(`The Stripe API base is an origin without a path (the SDK adds /v1/…), not ${apiBase}`);
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'https' ? 443 : 80, protocol };
}
