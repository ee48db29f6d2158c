/**
 * Money for the shop: integer minor units (bigint) inside, decimal strings ("29.99") at the
 * Messenger edge. Parsing is done on the digits, never with floating point; an amount with more
 * decimals than the currency has is refused, not rounded.
 */

/** ISO 4217 minor-unit exponents that differ from the usual 2. */
const exponents: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};

/** Prefixes for a few currencies in prices shown to shoppers; the others get the code after the amount. */
const symbols: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

export class MoneyError extends Error {
  override name = 'MoneyError';
}

/** How many decimals `currency` has (2 unless listed above). */
export function exponentOf(currency: string): number {
  if (!/^[A-Z]{3}$/.test(currency)) throw new MoneyError(`"${currency}" is not an ISO 4217 currency code like "USD"`);
  return exponents[currency] ?? 2;
}

/**
 * "8.50" USD → 850n; "7" TND → 7000n; "1200" JPY → 1200n. A JSON number (some platforms send
 * them) is read through its shortest decimal spelling, i.e. what was written, not through arithmetic.
 */
export function toMinor(amount: string | number, currency: string): bigint {
  const exponent = exponentOf(currency);
  const text = typeof amount === 'number' ? (Number.isFinite(amount) ? String(amount) : '') : amount.trim();
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new MoneyError(`${JSON.stringify(amount)} is not a non-negative decimal amount like "12.50"`);
  const [, whole = '0', fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > exponent) {
    throw new MoneyError(`${text} has more decimals than ${currency} allows (${exponent}); amounts are never rounded`);
  }
  return BigInt(whole + fraction.padEnd(exponent, '0').slice(0, exponent));
}

/** 850n USD → "8.50"; 7000n TND → "7.000"; 1200n JPY → "1200". */
export function toDecimal(minor: bigint, currency: string): string {
  const exponent = exponentOf(currency);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * The receipt template (§3.4) wants JSON numbers. The number is made from the exact decimal
 * string, so it serializes back to the same digits ("23.49" → 23.49); nothing is computed with it.
 */
export function toReceiptNumber(minor: bigint, currency: string): number {
  return Number(toDecimal(minor, currency));
}

/** For people: "$8.50", "7.000 TND". */
export function formatPrice(minor: bigint, currency: string): string {
  const decimal = toDecimal(minor, currency);
  const symbol = symbols[currency];
  return symbol === undefined ? `${decimal} ${currency}` : `${symbol}${decimal}`;
}

/** Sums amounts of one currency. bigint addition is exact at any size. */
export function sum(amounts: readonly bigint[]): bigint {
  return amounts.reduce((total, amount) => total + amount, 0n);
}
