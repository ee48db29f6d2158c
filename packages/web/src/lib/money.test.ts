import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exponentOf, formatAmount, formatMinorLike, formatMinorUnits, formatMoney, minorToDecimal, parseAmount, toMinorUnits } from './money';

test('amounts convert to the currency\'s minor units (2 for USD, 0 for JPY, 3 for KWD)', () => {
  assert.equal(toMinorUnits('29.99', 'USD'), 2999);
  assert.equal(toMinorUnits(0.1 + 0.2, 'USD'), 30);
  assert.equal(toMinorUnits('1500', 'JPY'), 1500);
  assert.equal(toMinorUnits('1.005', 'KWD'), 1005);
  assert.equal(toMinorUnits('abc', 'USD'), null);
});

test('money reads in the reader\'s language and the receipt\'s currency', () => {
  assert.equal(formatMoney(30.25, 'USD', 'en'), '$30.25');
  assert.equal(formatMinorUnits(2999, 'EUR', 'fr'), '29,99\u00a0€');
  assert.equal(formatMoney(12, 'XYZ1', 'en'), '12 XYZ1', 'an invalid code does not throw');
});

test('server amounts format exactly, with the currency\'s own digits', () => {
  const usd = { amount: 1349, currency: 'USD', decimal: '13.49' };
  const tnd = { amount: 7500, currency: 'TND', decimal: '7.500' };
  const jpy = { amount: 1200, currency: 'JPY', decimal: '1200' };
  assert.equal(exponentOf(usd), 2);
  assert.equal(exponentOf(tnd), 3);
  assert.equal(exponentOf(jpy), 0);
  assert.equal(formatAmount(usd, 'en'), '$13.49');
  assert.equal(formatAmount(jpy, 'en'), '¥1,200');
  assert.match(formatAmount(tnd, 'fr'), /^7,500\s?TND$/);
  assert.equal(formatMinorLike(1848, usd, 'en'), '$18.48');
  assert.equal(formatAmount({ amount: 900_719_925_474_099, currency: 'USD', decimal: '9007199254740.99' }, 'en'), '$9,007,199,254,740.99', 'no float rounding');
});

test('minor units turn into decimal strings without floating point', () => {
  assert.equal(minorToDecimal(1349, 2), '13.49');
  assert.equal(minorToDecimal(5, 3), '0.005');
  assert.equal(minorToDecimal(-250, 2), '-2.50');
  assert.equal(minorToDecimal(1200, 0), '1200');
});

test('a typed amount converts to minor units exactly, or says why not', () => {
  assert.deepEqual(parseAmount('4.50', 2), { ok: true, minor: 450 });
  assert.deepEqual(parseAmount('4,5', 2), { ok: true, minor: 450 }, 'a French decimal comma');
  assert.deepEqual(parseAmount('٤٫٥٠', 2), { ok: true, minor: 450 }, 'Arabic-Indic digits');
  assert.deepEqual(parseAmount('0.29', 2), { ok: true, minor: 29 }, '0.29 * 100 is 28.999… as a float');
  assert.deepEqual(parseAmount('1.005', 3), { ok: true, minor: 1005 });
  assert.deepEqual(parseAmount('4.505', 2), { ok: false, reason: 'too_precise' });
  assert.deepEqual(parseAmount('4.500', 2), { ok: true, minor: 450 }, 'trailing zeros are not extra precision');
  assert.deepEqual(parseAmount('12.5', 0), { ok: false, reason: 'too_precise' });
  assert.deepEqual(parseAmount('1,234.50', 2), { ok: false, reason: 'invalid' });
  assert.deepEqual(parseAmount('-3', 2), { ok: false, reason: 'invalid' });
  assert.deepEqual(parseAmount('0.00', 2), { ok: false, reason: 'zero' });
});
