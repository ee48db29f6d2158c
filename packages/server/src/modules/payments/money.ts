/**
 * Money is an integer count of the currency's minor units everywhere inside Tijara. The Messenger
 * dialect's decimal strings ("29.99") are converted here, at the edge, exactly: an amount with more
 * decimals than the currency has is refused, never rounded. No floating-point arithmetic is used.
 */

/** ISO 4217 minor-unit exponents that differ from 2. */
const exponents: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};

/** Codes Tijara accepts: ISO 4217 currencies in use (funds and metals left out). */
const known = new Set([
  ...Object.keys(exponents),
  'AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BMD', 'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD',
  'CAD', 'CDF', 'CHF', 'CNY', 'COP', 'CRC', 'CUP', 'CVE', 'CZK', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD',
  'GTQ', 'GYD', 'HKD', 'HNL', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IRR', 'JMD', 'KES', 'KGS', 'KHR', 'KPW', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'MAD',
  'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'PAB', 'PEN', 'PGK', 'PHP',
  'PKR', 'PLN', 'QAR', 'RON', 'RSD', 'RUB', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS',
  'TMT', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'USD', 'UYU', 'UZS', 'VES', 'WST', 'XCD', 'YER', 'ZAR', 'ZMW', 'ZWL',
]);

export class MoneyError extends Error {
  override name = 'MoneyError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export function isCurrency(code: string): boolean {
  return known.has(code);
}

export function minorUnits(currency: string, field = 'currency'): number {
  if (!known.has(currency)) throw new MoneyError(`${field} "${currency}" is not an ISO 4217 currency Tijara supports`, field);
  return exponents[currency] ?? 2;
}

/** Largest amount accepted, in minor units: far above any real basket, far below 2^53. */
export const maxMinor = 10 ** 15;

/**
 * "29.99" USD → 2999; "1000" JPY → 1000; "1.5" KWD → 1500. A JSON number is read through its
 * shortest decimal representation (what the bot wrote), never through arithmetic.
 */
export function toMinor(amount: string | number, currency: string, field = 'amount'): number {
  const exponent = minorUnits(currency);
  const text = typeof amount === 'number' ? (Number.isFinite(amount) ? String(amount) : '') : amount.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new MoneyError(`${field} must be a decimal number like "12.50" (got ${JSON.stringify(amount)})`, field);
  const [, sign, whole, fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    throw new MoneyError(`${field} ${text} has more decimals than ${currency} allows (${exponent}); amounts are never rounded`, field);
  }
  const digits = `${whole}${fraction.padEnd(exponent, '0').slice(0, exponent)}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 16 || Number(digits) > maxMinor) throw new MoneyError(`${field} ${text} is too large`, field);
  const value = Number(digits);
  return sign === '-' && value !== 0 ? -value : value;
}

/** 2999 USD → "29.99"; 1000 JPY → "1000"; 1500 KWD → "1.500". */
export function toDecimal(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new MoneyError(`amount ${minor} is not a whole number of minor units`, 'amount');
  const exponent = minorUnits(currency);
  const negative = minor < 0;
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Sums minor-unit amounts, refusing to leave the safe integer range. */
export function sum(amounts: number[]): number {
  let total = 0;
  for (const amount of amounts) {
    total += amount;
    if (!Number.isSafeInteger(total) || Math.abs(total) > maxMinor) throw new MoneyError('the total is too large', 'amount');
  }
  return total;
}
