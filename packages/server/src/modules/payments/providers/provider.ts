import type { RevealedCard } from '../../wallet/wallet.service.js';

/** Why a charge did not go through. Expected outcomes are data, never exceptions. */
export type DeclineCode = 'card_declined' | 'insufficient_funds' | 'expired_card' | 'processing_error' | 'incorrect_cvc' | 'provider_unavailable';

export type ChargeOutcome =
  | { ok: true; reference: string; providerType: ProviderType; credential?: Record<string, string | null> }
  | { ok: false; code: DeclineCode; message: string };

export type RefundOutcome = { ok: true; reference: string } | { ok: false; code: 'refund_failed' | 'provider_unavailable'; message: string };

export type ProviderType = 'test' | 'stripe' | 'token';

export interface ChargeRequest {
  /** The same key always yields the same outcome and at most one charge. */
  idempotencyKey: string;
  amount: number;
  currency: string;
  card: RevealedCard;
  description: string;
}

/**
 * A payment provider: authorize and capture (a charge is both at once here), refund. Every call
 * carries an idempotency key, so a retry after a timeout never charges or refunds twice.
 */
export interface PaymentProvider {
  readonly type: ProviderType;
  charge(request: ChargeRequest): Promise<ChargeOutcome>;
  refund(request: { idempotencyKey: string; reference: string; amount: number; currency: string }): Promise<RefundOutcome>;
}

export const declineMessages: Record<DeclineCode, string> = {
  card_declined: 'The card was declined. Choose another card.',
  insufficient_funds: 'The card has insufficient funds. Choose another card.',
  expired_card: 'The card has expired. Choose another card.',
  processing_error: 'The card could not be charged because of a processing error. Try again or choose another card.',
  incorrect_cvc: 'The security code was refused. Choose another card.',
  provider_unavailable: 'The payment service did not answer. You were not charged; try again.',
};
