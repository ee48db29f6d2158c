import { useCallback } from 'react';
import { ApiError } from './api';
import { useI18n, type MessageKey } from './i18n';

const knownCodes: Record<string, MessageKey> = {
  network: 'error.network',
  email_taken: 'error.emailTaken',
  invalid_credentials: 'error.invalidCredentials',
  rate_limited: 'error.rateLimited',
  username_taken: 'error.usernameTaken',
  unauthenticated: 'error.unauthenticated',
  invalid_field: 'error.invalidField',
  invalid_number: 'card.invalidNumber',
  unsupported_brand: 'card.unsupportedBrand',
  expired_card: 'card.expired',
  invalid_cvc: 'card.invalidCvcGeneric',
  shop_unavailable: 'pay.fail.shop_unavailable',
  operator_only: 'admin.operatorsOnly',
};

/**
 * The server writes its messages in English and names the field, so English shows them as they are;
 * other languages get our translation for the codes we know and the server's words otherwise.
 */
export function useErrorText(): (error: unknown) => string {
  const { t, locale } = useI18n();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t('error.generic');
      const key = knownCodes[error.code];
      if (key && (locale !== 'en' || error.code === 'network')) return t(key);
      return error.message || t('error.generic');
    },
    [t, locale],
  );
}

/** "body.email" → "email": the form field an error belongs under, if any. */
export function errorField(error: unknown): string | null {
  if (!(error instanceof ApiError) || !error.field) return null;
  const parts = error.field.split('.');
  return parts[0] === 'body' ? parts.slice(1).join('.') : null;
}
