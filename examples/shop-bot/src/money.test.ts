import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exponentOf, formatPrice, MoneyError, sum, toDecimal, toMinor, toReceiptNumber } from './money.js';

test('decimal strings become integer minor units, by the currency\'s exponent', () => {
  assert.equal(toMinor('8.50', 'USD'), 850n);
  assert.equal(toMinor('8.5', 'USD'), 850n);
  assert.equal(toMinor('14.99', 'USD'), 1499n);
  assert.equal(toMinor('0.07', 'USD'), 7n);
  assert.equal(toMinor('7', 'TND'), 7000n);
  assert.equal(toMinor('1.005', 'KWD'), 1005n);
  assert.equal(toMinor('1200', 'JPY'), 1200n);
  assert.equal(toMinor(' 19.990 ', 'USD'), 1999n, 'trailing zeros past the exponent are not extra precision');
  assert.equal(toMinor(29.62, 'USD'), 2962n, 'a JSON number is read through its decimal spelling');
  assert.equal(toMinor('90071992547409.93', 'USD'), 9007199254740993n, 'past 2^53, still exact');
});

test('no rounding and no sloppy input: more decimals than the currency has, signs, commas, exponents are refused', () => {
  for (const [amount, currency] of [['1.005', 'USD'], ['1.5', 'JPY'], ['1.0001', 'TND'], ['-1.00', 'USD'], ['1,50', 'USD'], ['1e3', 'USD'], ['', 'USD'], ['.5', 'USD'], [Number.NaN, 'USD'], [1e21, 'USD']] as const) {
    assert.throws(() => toMinor(amount, currency), MoneyError, `${String(amount)} ${currency}`);
  }
  assert.throws(() => exponentOf('usd'), MoneyError);
});

test('back to decimal strings, prices for people, and receipt numbers', () => {
  assert.equal(toDecimal(2349n, 'USD'), '23.49');
  assert.equal(toDecimal(7n, 'USD'), '0.07');
  assert.equal(toDecimal(0n, 'USD'), '0.00');
  assert.equal(toDecimal(7000n, 'TND'), '7.000');
  assert.equal(toDecimal(1200n, 'JPY'), '1200');
  assert.equal(toDecimal(-150n, 'EUR'), '-1.50');
  assert.equal(formatPrice(850n, 'USD'), '$8.50');
  assert.equal(formatPrice(7500n, 'TND'), '7.500 TND');
  assert.equal(toReceiptNumber(2349n, 'USD'), 23.49);
  assert.equal(JSON.stringify({ total: toReceiptNumber(toMinor('0.1', 'USD') + toMinor('0.2', 'USD'), 'USD') }), '{"total":0.3}');
});

test('sums are exact where floating point is not', () => {
  assert.notEqual(0.1 + 0.2, 0.3);
  assert.equal(toDecimal(sum([toMinor('0.10', 'USD'), toMinor('0.20', 'USD')]), 'USD'), '0.30');
  assert.equal(toDecimal(sum([toMinor('8.50', 'USD'), toMinor('14.99', 'USD')]), 'USD'), '23.49');
  assert.equal(toDecimal(sum(Array.from({ length: 1000 }, () => toMinor('0.01', 'USD'))), 'USD'), '10.00');
  assert.equal(sum([]), 0n);
});
