import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMinorUnits, formatMoney, toMinorUnits } from './money';

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
