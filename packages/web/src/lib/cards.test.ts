import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brandName, cardDigits, checkCard, detectBrand, formatCardNumber, formatExpiryInput, luhnValid, parseExpiry } from './cards';

test('the brand shows as the first digits are typed', () => {
  assert.equal(detectBrand('4'), 'visa');
  assert.equal(detectBrand('51'), 'mastercard');
  assert.equal(detectBrand('2221'), 'mastercard');
  assert.equal(detectBrand('37'), 'amex');
  assert.equal(detectBrand('6011'), 'discover');
  assert.equal(detectBrand('9'), null);
  assert.equal(brandName('amex'), 'American Express');
  assert.equal(brandName('elo'), 'Elo');
});

test('numbers group as printed on the card', () => {
  assert.equal(formatCardNumber(cardDigits('4242-4242 4242424')), '4242 4242 4242 424');
  assert.equal(formatCardNumber('378282246310005'), '3782 822463 10005');
  assert.equal(formatCardNumber('4242'), '4242');
  assert.equal(cardDigits('4242 4242 4242 4242 4242 99'), '4242424242424242424');
});

test('the checks match the server: Luhn, brand, expiry, CVC length', () => {
  const now = new Date(2026, 4, 15);
  const card = { digits: '4242424242424242', expMonth: 5, expYear: 2026, cvc: '123' };
  assert.equal(luhnValid('4000000000000002'), true);
  assert.equal(luhnValid('4242424242424241'), false);
  assert.equal(checkCard(card, now), null, 'valid through the end of its month');
  assert.equal(checkCard({ ...card, digits: '4242424242424241' }, now), 'number');
  assert.equal(checkCard({ ...card, expMonth: 4 }, now), 'expired');
  assert.equal(checkCard({ ...card, cvc: '12' }, now), 'cvc');
  assert.equal(checkCard({ ...card, digits: '378282246310005', cvc: '123' }, now), 'cvc', 'American Express has four digits');
  assert.equal(checkCard({ ...card, digits: '9999999999999995' }, now), 'brand');
});

test('the expiry reads as typed', () => {
  assert.deepEqual(parseExpiry('08 / 29'), { month: 8, year: 2029 });
  assert.deepEqual(parseExpiry('1/2031'), { month: 1, year: 2031 });
  assert.equal(parseExpiry('13/29'), null);
  assert.equal(formatExpiryInput('0829', ''), '08 / 29');
  assert.equal(formatExpiryInput('4', ''), '04 / ');
  assert.equal(formatExpiryInput('08 /', '08 / '), '0', 'backspace over the slash takes the digit with it');
});
