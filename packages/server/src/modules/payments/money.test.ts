import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MoneyError, toDecimal, toMinor } from './money.js';

test('decimal strings become minor units by each currency\'s exponent', () => {
  assert.equal(toMinor('29.99', 'USD'), 2999);
  assert.equal(toMinor('29.9', 'USD'), 2990);
  assert.equal(toMinor('1000', 'JPY'), 1000);
  assert.equal(toMinor('1.5', 'KWD'), 1500);
  assert.equal(toMinor('0.125', 'BHD'), 125);
  assert.equal(toMinor('12.500', 'TND'), 12500);
  assert.equal(toMinor('2.70', 'USD'), 270);
  assert.equal(toMinor(4.99, 'USD'), 499, 'a JSON number is read by its written digits');
  assert.equal(toMinor('-50', 'USD'), -5000);
});

test('an amount that cannot be represented exactly is refused, never rounded', () => {
  for (const [amount, currency] of [['29.999', 'USD'], ['100.5', 'JPY'], ['1.0005', 'KWD'], [0.1 + 0.2, 'USD']] as const) {
    assert.throws(() => toMinor(amount, currency, 'price_list[0].amount'), (error: Error) => {
      assert.ok(error instanceof MoneyError);
      assert.equal((error as MoneyError).field, 'price_list[0].amount');
      assert.match(error.message, /never rounded/);
      return true;
    });
  }
  assert.throws(() => toMinor('12,50', 'EUR'), /decimal number/);
  assert.throws(() => toMinor('1e3', 'USD'), /decimal number/);
  assert.throws(() => toMinor('10', 'XYZ'), /not an ISO 4217 currency/);
});

test('minor units print back as the decimal string bots expect', () => {
  assert.equal(toDecimal(2999, 'USD'), '29.99');
  assert.equal(toDecimal(5, 'USD'), '0.05');
  assert.equal(toDecimal(1000, 'JPY'), '1000');
  assert.equal(toDecimal(1500, 'KWD'), '1.500');
  assert.equal(toDecimal(-250, 'EUR'), '-2.50');
});

test('converting to a decimal string and back is the identity, for every exponent', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom('USD', 'JPY', 'KWD', 'BHD', 'EUR', 'OMR'), (minor, currency) => {
      assert.equal(toMinor(toDecimal(minor, currency), currency), minor);
    }),
  );
});
