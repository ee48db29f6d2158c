/** Card checks that need no network: Luhn, brand by number range, expiry, CVC length. */

export type Brand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'diners' | 'unionpay';

const brands: Array<{ brand: Brand; test: (digits: string) => boolean; lengths: number[]; cvc: number }> = [
  { brand: 'amex', test: (d) => /^3[47]/.test(d), lengths: [15], cvc: 4 },
  { brand: 'visa', test: (d) => d.startsWith('4'), lengths: [13, 16, 19], cvc: 3 },
  { brand: 'mastercard', test: (d) => /^5[1-5]/.test(d) || (Number(d.slice(0, 4)) >= 2221 && Number(d.slice(0, 4)) <= 2720), lengths: [16], cvc: 3 },
  { brand: 'discover', test: (d) => /^(6011|65|64[4-9])/.test(d), lengths: [16, 19], cvc: 3 },
  { brand: 'jcb', test: (d) => Number(d.slice(0, 4)) >= 3528 && Number(d.slice(0, 4)) <= 3589, lengths: [16, 17, 18, 19], cvc: 3 },
  { brand: 'diners', test: (d) => /^3(0[0-5]|[689])/.test(d), lengths: [14, 16, 19], cvc: 3 },
  { brand: 'unionpay', test: (d) => d.startsWith('62'), lengths: [16, 17, 18, 19], cvc: 3 },
];

export function luhnValid(digits: string): boolean {
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    total += digit;
  }
  return total % 10 === 0;
}

export interface CardProblem {
  field: 'number' | 'expMonth' | 'cvc';
  code: 'invalid_number' | 'unsupported_brand' | 'expired_card' | 'invalid_cvc';
  message: string;
}

/** The first problem with a card as typed, or the cleaned number and its brand. */
export function checkCard(input: { number: string; expMonth: number; expYear: number; cvc: string }, now = new Date()): { digits: string; brand: Brand } | CardProblem {
  const digits = input.number.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return { field: 'number', code: 'invalid_number', message: 'The card number may only contain digits' };
  const match = brands.find((candidate) => candidate.test(digits));
  if (!match) return { field: 'number', code: 'unsupported_brand', message: 'This card brand is not supported; use Visa, Mastercard, American Express, Discover, JCB, Diners Club or UnionPay' };
  if (!match.lengths.includes(digits.length) || !luhnValid(digits)) return { field: 'number', code: 'invalid_number', message: 'The card number is not valid; check the digits' };
  const lastValidMonth = input.expYear * 12 + input.expMonth;
  if (lastValidMonth < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1) return { field: 'expMonth', code: 'expired_card', message: 'This card has expired' };
  if (!/^\d+$/.test(input.cvc) || input.cvc.length !== match.cvc) {
    return { field: 'cvc', code: 'invalid_cvc', message: `The security code of ${match.brand === 'amex' ? 'an American Express card has 4 digits' : 'this card has 3 digits'}` };
  }
  return { digits, brand: match.brand };
}
