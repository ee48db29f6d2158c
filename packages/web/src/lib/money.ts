import type { Money } from '@tijara/protocol';
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

/** The server's exponent for an amount: the digits after the point of its decimal ("29.99" → 2, "1200" → 0, "7.500" → 3). */
export function exponentOf(money: Pick<Money, 'decimal'>): number {
  const point = money.decimal.indexOf('.');
  return point < 0 ? 0 : money.decimal.length - point - 1;
}

/** Minor units as an exact decimal string (1349, 2 → "13.49"; -5, 3 → "-0.005"); no floating point. */
export function minorToDecimal(minor: number, exponent: number): string {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(minor))).padStart(exponent + 1, '0');
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/**
 * "$13.49", "13,49 $US", "١٣٫٤٩ US$": the exact decimal handed to Intl as a string (Intl reads it as
 * a decimal, not a float), with exactly the currency's digits.
 */
export function formatDecimal(decimal: string, currency: string, exponent: number, locale: Locale): string {
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent });
    return format.format(decimal as `${number}`);
  } catch {
    return `${decimal} ${currency}`;
  }
}

/** A Money from the server, in the reader's language. */
export function formatAmount(money: Money, locale: Locale): string {
  return formatDecimal(money.decimal, money.currency, exponentOf(money), locale);
}

/** Minor units of the same currency as `like` (a sum, a remainder), in the reader's language. */
export function formatMinorLike(minor: number, like: Money, locale: Locale): string {
  const exponent = exponentOf(like);
  return formatDecimal(minorToDecimal(minor, exponent), like.currency, exponent, locale);
}

export type ParsedAmount = { ok: true; minor: number } | { ok: false; reason: 'invalid' | 'too_precise' | 'zero' };

// Arabic-Indic and Eastern Arabic-Indic digits, as an Arabic keyboard types them.
const localDigits = /[\u0660-\u0669\u06f0-\u06f9]/g;
const toAsciiDigit = (ch: string) => String((ch.codePointAt(0) ?? 0) & 0xf);

/**
 * What a person typed ("4.50", "4,5", "٤٫٥٠") in minor units, exactly: digit by digit, never through
 * a float. More decimals than the currency has is refused, not rounded (4.505 USD is not 4.51).
 */
export function parseAmount(text: string, exponent: number): ParsedAmount {
  const cleaned = text.trim().replace(localDigits, toAsciiDigit).replace('\u066b', '.');
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, reason: 'invalid' };
  const whole = match[1] ?? '';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) return { ok: false, reason: 'too_precise' };
  const minor = Number(whole + fraction.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: 'invalid' };
  if (minor === 0) return { ok: false, reason: 'zero' };
  return { ok: true, minor };
}
