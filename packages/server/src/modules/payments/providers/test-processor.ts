import type { Db } from '../../../db/database.js';
import { newId } from '../../../lib/ids.js';
import type { ChargeOutcome, DeclineCode, PaymentProvider, RefundOutcome } from './provider.js';

/**
 * Test card numbers (the same ones Stripe documents, so developers know them). Any other valid
 * card succeeds. Outcomes depend only on the number: deterministic.
 */
export const testCards: Record<string, DeclineCode | 'success'> = {
  '4242424242424242': 'success',
  '5555555555554444': 'success',
  '378282246310005': 'success',
  '4000000000000002': 'card_declined',
  '4000000000009995': 'insufficient_funds',
  '4000000000000069': 'expired_card',
  '4000000000000119': 'processing_error',
};

const declineText: Record<DeclineCode, string> = {
  card_declined: 'Your card was declined.',
  insufficient_funds: 'Your card has insufficient funds.',
  expired_card: 'Your card has expired.',
  processing_error: 'An error occurred while processing your card.',
  incorrect_cvc: 'Your card\'s security code is incorrect.',
  provider_unavailable: 'The processor is unavailable.',
};

/** An offline card network with its own books: authorizations, captures and refunds in its own tables. */
export function createTestProcessor(db: Db): PaymentProvider {
  return {
    type: 'test',
    async charge(request): Promise<ChargeOutcome> {
      const previous = await db.selectFrom('test_processor_authorizations').selectAll().where('idempotency_key', '=', request.idempotencyKey).executeTakeFirst();
      if (previous) {
        return previous.status === 'captured'
          ? { ok: true, reference: previous.id, providerType: 'test' }
          : { ok: false, code: previous.decline_code as DeclineCode, message: declineText[previous.decline_code as DeclineCode] };
      }
      const verdict = testCards[request.card.number] ?? 'success';
      const now = Date.now();
      const id = `tp_auth_${newId(now)}`;
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('test_processor_authorizations')
          .values({ id, idempotency_key: request.idempotencyKey, amount: request.amount, currency: request.currency, card_last4: request.card.last4, status: verdict === 'success' ? 'captured' : 'declined', decline_code: verdict === 'success' ? null : verdict, created_at: now })
          .execute();
        if (verdict === 'success') {
          await trx.insertInto('test_processor_captures').values({ id: `tp_cap_${newId(now)}`, authorization_id: id, idempotency_key: `${request.idempotencyKey}:capture`, amount: request.amount, created_at: now }).execute();
        }
      });
      return verdict === 'success' ? { ok: true, reference: id, providerType: 'test' } : { ok: false, code: verdict, message: declineText[verdict] };
    },
    async refund(request): Promise<RefundOutcome> {
      const previous = await db.selectFrom('test_processor_refunds').select('id').where('idempotency_key', '=', request.idempotencyKey).executeTakeFirst();
      if (previous) return { ok: true, reference: previous.id };
      const capture = await db.selectFrom('test_processor_captures').selectAll().where('authorization_id', '=', request.reference).executeTakeFirst();
      if (!capture) return { ok: false, code: 'refund_failed', message: 'No captured charge has this reference' };
      const refunded = await db.selectFrom('test_processor_refunds').select((eb) => eb.fn.sum<number>('amount').as('total')).where('capture_id', '=', capture.id).executeTakeFirst();
      if (Number(refunded?.total ?? 0) + request.amount > Number(capture.amount)) return { ok: false, code: 'refund_failed', message: 'The refund is larger than what is left of the charge' };
      const id = `tp_ref_${newId()}`;
      await db.insertInto('test_processor_refunds').values({ id, capture_id: capture.id, idempotency_key: request.idempotencyKey, amount: request.amount, created_at: Date.now() }).execute();
      return { ok: true, reference: id };
    },
  };
}
