import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Checkout, ShippingOption } from '@tijara/protocol';
import { cheapestOption, missingPart, partOf, payRequest, preferred, requestedContact, totalMinor, type Choices } from './sheetState';

const usd = (amount: number) => ({ amount, currency: 'USD', decimal: (amount / 100).toFixed(2) });
const option = (id: string, amount: number): ShippingOption => ({ id, title: id, priceList: [{ label: 'Shipping', amount: usd(amount) }], total: usd(amount) });

const checkout: Checkout = {
  id: 'co_1',
  status: 'open',
  merchantName: 'Souk & Steep',
  pageName: 'Souk & Steep',
  paymentType: 'FLEXIBLE_AMOUNT',
  isTest: true,
  privacyUrl: 'https://shop.example/privacy',
  requestedUserInfo: ['shipping_address', 'contact_name', 'contact_email'],
  priceList: [{ label: 'Mint tea', amount: usd(850) }],
  shippingOptions: null,
  shippingAddressId: null,
  subtotal: usd(850),
  failure: null,
  order: null,
};

const complete: Choices = { cardId: 'card_1', addressId: 'addr_1', optionId: 'us-standard', contact: { name: 'Amira', email: 'amira@example.test', phone: '' } };

test('the cheapest shipping option is preselected, the first one on a tie', () => {
  assert.equal(cheapestOption([option('express', 1499), option('standard', 499), option('slow', 499)])?.id, 'standard');
  assert.equal(cheapestOption([]), null);
  assert.equal(cheapestOption(null), null);
});

test('the default card or address is picked, else the first one', () => {
  assert.equal(preferred([{ id: 'a', isDefault: false }, { id: 'b', isDefault: true }])?.id, 'b');
  assert.equal(preferred([{ id: 'a', isDefault: false }])?.id, 'a');
  assert.equal(preferred([]), null);
});

test('the total is the button\'s lines plus the chosen shipping, in minor units', () => {
  assert.equal(totalMinor(checkout, option('us-standard', 499)), 1349);
  assert.equal(totalMinor(checkout, null), 850);
});

test('Pay asks only for what the shop requested, and says what is missing first', () => {
  assert.deepEqual(requestedContact(checkout), ['name', 'email']);
  assert.deepEqual(payRequest(checkout, complete), {
    cardId: 'card_1',
    addressId: 'addr_1',
    shippingOptionId: 'us-standard',
    contact: { name: 'Amira', email: 'amira@example.test' },
  });
  const fixed: Checkout = { ...checkout, paymentType: 'FIXED_AMOUNT', requestedUserInfo: [] };
  assert.deepEqual(payRequest(fixed, complete), { cardId: 'card_1' });
  assert.equal(missingPart(checkout, complete), null);
  assert.equal(missingPart(checkout, { ...complete, optionId: null }), 'shipping');
  assert.equal(missingPart(checkout, { ...complete, contact: { ...complete.contact, email: ' ' } }), 'email');
  assert.equal(missingPart(checkout, { ...complete, cardId: null }), 'card');
});

test('a failure points at the part of the sheet that fixes it', () => {
  assert.equal(partOf({ code: 'card_declined' }), 'card');
  assert.equal(partOf({ code: 'insufficient_funds' }), 'card');
  assert.equal(partOf({ code: 'missing_info', field: 'body.shippingOptionId' }), 'shipping');
  assert.equal(partOf({ code: 'missing_info', field: 'body.contact.email' }), 'email');
  assert.equal(partOf({ code: 'refused_by_shop' }), null);
});
