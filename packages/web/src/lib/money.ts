import type { Locale } from './i18n';

/** Digits after the decimal point in a currency (2 for USD, 0 for JPY, 3 for KWD), as Intl knows it. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** A bot's amount (a decimal string or a JSON number) in the currency's minor units, or null. */
export function toMinorUnits(amount: string | number, currency: string): number | null {
  const value = typeof amount === 'number' ? amount : Number(amount);
  if (!Number.isFinite(value)) return null;
  return Math.round(value * 10 ** currencyDigits(currency));
}

/** "1 234,50 €" or "$1,234.50", in the reader's language; an unknown currency code falls back to "12.50 XYZ". */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

export function formatMinorUnits(minor: number, currency: string, locale: Locale): string {
  return formatMoney(minor / 10 ** currencyDigits(currency), currency, locale);
}
