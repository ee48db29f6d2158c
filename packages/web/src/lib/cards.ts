/**
 * Card number helpers for the "Add card" form: the brand as the digits are typed, the usual grouping,
 * and the same checks the server makes, so most mistakes show before the number leaves the page.
 * The server stays the judge; these only spare a round trip.
 */
export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'diners' | 'unionpay';

const ranges: { brand: CardBrand; test(digits: string): boolean; lengths: number[] }[] = [
  { brand: 'amex', test: (d) => /^3[47]/.test(d), lengths: [15] },
  { brand: 'visa', test: (d) => d.startsWith('4'), lengths: [13, 16, 19] },
  { brand: 'mastercard', test: (d) => /^5[1-5]/.test(d) || (d.length >= 4 && Number(d.slice(0, 4)) >= 2221 && Number(d.slice(0, 4)) <= 2720), lengths: [16] },
  { brand: 'discover', test: (d) => /^(6011|65|64[4-9])/.test(d), lengths: [16, 19] },
  { brand: 'jcb', test: (d) => d.length >= 4 && Number(d.slice(0, 4)) >= 3528 && Number(d.slice(0, 4)) <= 3589, lengths: [16, 17, 18, 19] },
  { brand: 'diners', test: (d) => /^3(0[0-5]|[689])/.test(d), lengths: [14, 16, 19] },
  { brand: 'unionpay', test: (d) => d.startsWith('62'), lengths: [16, 17, 18, 19] },
];

export const brandNames: Record<CardBrand, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  jcb: 'JCB',
  diners: 'Diners Club',
  unionpay: 'UnionPay',
};

/** "visa" → "Visa"; a brand we do not know keeps its own name, capitalised. */
export function brandName(brand: string): string {
  return brand in brandNames ? brandNames[brand as CardBrand] : brand.charAt(0).toUpperCase() + brand.slice(1);
}

/** The digits of what was typed or pasted, at most 19. */
export function cardDigits(text: string): string {
  return text.replace(/\D/g, '').slice(0, 19);
}

export function detectBrand(digits: string): CardBrand | null {
  return ranges.find((range) => range.test(digits))?.brand ?? null;
}

/** "4242 4242 4242 4242"; American Express and Diners Club group as printed on the card (4-6-5, 4-6-4). */
export function formatCardNumber(digits: string): string {
  const brand = detectBrand(digits);
  if ((brand === 'amex' || brand === 'diners') && digits.length <= 15) {
    return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10, 15)].filter(Boolean).join(' ');
  }
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export const cvcLength = (brand: CardBrand | null): number => (brand === 'amex' ? 4 : 3);

/** The longest number a brand issues: the input stops there. */
export const maxLength = (brand: CardBrand | null): number => Math.max(...(ranges.find((range) => range.brand === brand)?.lengths ?? [19]));

export type CardProblem = 'number' | 'brand' | 'expired' | 'cvc';

/** The first problem with a card as typed, checked as the server will; null when it looks right. */
export function checkCard(input: { digits: string; expMonth: number; expYear: number; cvc: string }, now = new Date()): CardProblem | null {
  const range = ranges.find((candidate) => candidate.test(input.digits));
  if (!range) return 'brand';
  if (!range.lengths.includes(input.digits.length) || !luhnValid(input.digits)) return 'number';
  const thisMonth = now.getFullYear() * 12 + now.getMonth();
  if (input.expYear * 12 + (input.expMonth - 1) < thisMonth) return 'expired';
  if (!new RegExp(`^\\d{${cvcLength(range.brand)}}$`).test(input.cvc)) return 'cvc';
  return null;
}

/** "08/29", "8 / 2029", "0829" → month and four-digit year; null when it is not a date. */
export function parseExpiry(text: string): { month: number; year: number } | null {
  const match = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  const raw = match[2] ?? '';
  const year = raw.length === 2 ? 2000 + Number(raw) : Number(raw);
  return month >= 1 && month <= 12 ? { month, year } : null;
}

/** Formats the expiry as typed: "0", "08", "08 / 2", "08 / 29". */
export function formatExpiryInput(text: string, previous: string): string {
  const digits = text.replace(/\D/g, '').slice(0, 4);
  // Deleting the slash deletes the month's last digit too, or the slash would come straight back.
  if (previous.endsWith(' / ') && text.length < previous.length) return digits.slice(0, 1);
  if (digits.length === 1 && Number(digits) > 1) return `0${digits} / `;
  if (digits.length < 2) return digits;
  return `${digits.slice(0, 2)} / ${digits.slice(2)}`;
}

/** "08/29": a card's expiry as printed on it. */
export const expiryText = (month: number, year: number): string => `${String(month).padStart(2, '0')}/${String(year % 100).padStart(2, '0')}`;
