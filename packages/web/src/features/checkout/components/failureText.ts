import { useCallback } from 'react';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import type { SheetPart } from './sheetState';
import type { PayFailure } from './useCheckout';

const byCode: Record<string, MessageKey> = {
  card_declined: 'pay.fail.card_declined',
  insufficient_funds: 'pay.fail.insufficient_funds',
  expired_card: 'pay.fail.expired_card',
  incorrect_cvc: 'pay.fail.card_declined',
  processing_error: 'pay.fail.processing_error',
  refused_by_shop: 'pay.fail.refused_by_shop',
  shop_unavailable: 'pay.fail.shop_unavailable',
  payments_not_enabled: 'pay.fail.payments_not_enabled',
  payment_in_progress: 'pay.fail.in_progress',
};

const missing: Record<Exclude<SheetPart, null>, MessageKey> = {
  card: 'pay.missing.card',
  address: 'pay.missing.address',
  shipping: 'pay.missing.shipping',
  name: 'pay.missing.name',
  email: 'pay.missing.email',
  phone: 'pay.missing.phone',
};

/**
 * What to tell the shopper. The server explains in English, so English shows its words (they name
 * the exact cause); other languages get ours for the codes we know, and the server's otherwise.
 */
export function useFailureText(): (failure: PayFailure) => string {
  const { t, locale } = useI18n();
  return useCallback(
    (failure: PayFailure) => {
      if (failure.code === 'missing' && failure.part) return t(missing[failure.part]);
      if (failure.code === 'network') return t('error.network');
      if (locale === 'en' && failure.message) return failure.message;
      const key = byCode[failure.code];
      if (key) return t(key);
      if (failure.code === 'missing_info' && failure.part) return t(missing[failure.part]);
      return failure.message || t('error.generic');
    },
    [t, locale],
  );
}
