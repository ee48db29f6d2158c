import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CatalogError, findShippingOption, parseCatalog, parseShipping, shippingOptionsFor } from './catalog.js';
import { Inventory } from './inventory.js';
import { shippedShop } from './testing.js';

const product = { id: 'tea', title: 'Tea', subtitle: 'Leaves', description: 'Good.', price: '1.00', stock: 1 };

test('the shipped catalog.json and shipping.json load and hold what the README promises', () => {
  const { catalog, shipping } = shippedShop();
  assert.equal(catalog.currency, 'USD');
  assert.ok(catalog.products.length >= 6 && catalog.products.length <= 8);
  assert.deepEqual(new Set(catalog.products.map((item) => item.kind)), new Set(['tea', 'coffee', 'spice']));
  assert.deepEqual(shippingOptionsFor(shipping, 'US').map((option) => [option.id, option.price]), [['us-standard', 499n], ['us-express', 1499n]]);
  assert.deepEqual(shippingOptionsFor(shipping, 'de').map((option) => [option.id, option.price]), [['international', 1999n]]);
  assert.deepEqual(shippingOptionsFor(shipping, 'AU'), []);
  assert.deepEqual(shippingOptionsFor(shipping, 'Australia'), [], 'not an ISO code: nothing');
  assert.equal(findShippingOption(shipping, 'us-express')?.title, 'US Express (1–2 days)');
});

test('catalog mistakes are refused with the field named', () => {
  const bad = (patch: object, message: RegExp) => assert.throws(() => parseCatalog({ merchant_name: 'M', products: [{ ...product, ...patch }] }, 'c.json'), (error: unknown) => error instanceof CatalogError && message.test(error.message));
  bad({ price: 1 }, /c\.json: products\[0\]\.price must be a decimal string/);
  bad({ price: '1.005' }, /products\[0\]\.price: 1\.005 has more decimals than USD allows/);
  bad({ price: '-1.00' }, /products\[0\]\.price/);
  bad({ stock: -1 }, /products\[0\]\.stock/);
  bad({ stock: 1.5 }, /products\[0\]\.stock/);
  bad({ id: 'Not An Id' }, /products\[0\]\.id/);
  bad({ currency: 'EUR' }, /one currency per catalog/);
  bad({ kind: 'wine' }, /products\[0\]\.kind/);
  bad({ title: 'x'.repeat(81) }, /products\[0\]\.title is longer than 80/);
  assert.throws(() => parseCatalog({ merchant_name: 'M', products: [product, product] }), /used twice/);
  assert.throws(() => parseCatalog({ merchant_name: 'M', currency: 'usd', products: [product] }), /currency/);
  assert.equal(parseCatalog({ merchant_name: 'M', products: [product] }).currency, 'USD', 'USD by default');
  assert.equal(parseCatalog({ merchant_name: 'M', currency: 'JPY', products: [{ ...product, price: '1200' }] }).products[0]?.price, 1200n);
});

test('shipping mistakes are refused with the field named', () => {
  const zone = (options: object[], countries: unknown = ['US']) => ({ name: 'Z', countries, options });
  const option = { option_id: 'std', option_title: 'Standard', price: '4.99' };
  assert.throws(() => parseShipping({ currency: 'EUR', zones: [] }, 'USD'), /one currency per catalog/);
  assert.throws(() => parseShipping({ zones: [zone([option]), zone([option], ['CA'])] }, 'USD'), /option_id "std" is used twice/);
  assert.throws(() => parseShipping({ zones: [zone([option]), zone([{ ...option, option_id: 'b' }])] }, 'USD'), /US is in two zones/);
  assert.throws(() => parseShipping({ zones: [zone([option], '*'), zone([{ ...option, option_id: 'b' }], '*')] }, 'USD'), /only one zone may be "\*"/);
  assert.throws(() => parseShipping({ zones: [zone([])] }, 'USD'), /options is empty/);
  assert.throws(() => parseShipping({ zones: [zone([{ ...option, price: '4.999' }])] }, 'USD'), /zones\[0\]\.options\[0\]\.price/);
  assert.throws(() => parseShipping({ zones: [zone([option])], not_served: ['US'] }, 'USD'), /also in a zone/);
  const rules = parseShipping({ zones: [zone([option])] }, 'USD');
  assert.deepEqual(shippingOptionsFor(rules, 'FR'), [], 'without a "*" zone only the named countries are served');
});

test('inventory: reservations hold units, lapse after their time, and payments take them', () => {
  let now = 0;
  const stock = new Inventory([['tea', 2]], { ttlMs: 1000, now: () => now });
  assert.equal(stock.reserve('tea', 'a'), true);
  assert.equal(stock.reserve('tea', 'a'), true, 'the same shopper renews, not doubles');
  assert.equal(stock.reserve('tea', 'b'), true);
  assert.equal(stock.reserve('tea', 'c'), false);
  assert.equal(stock.available('tea'), 0);
  assert.equal(stock.available('tea', 'a'), 1, 'a counts its own hold as available');
  now = 1000;
  assert.equal(stock.available('tea'), 2, 'both holds lapsed');
  assert.equal(stock.reserve('tea', 'c'), true);
  assert.equal(stock.commit('tea', 'c'), true);
  assert.equal(stock.onHand('tea'), 1);
  assert.equal(stock.available('tea'), 1);
  assert.equal(stock.commit('tea', 'd'), true, 'a payment without pre_checkout takes a free unit');
  assert.equal(stock.commit('tea', 'e'), false, 'the shelf is empty: the sale stands but is flagged');
  assert.equal(stock.onHand('tea'), 0);
  assert.equal(stock.reserve('nothing', 'a'), false);
});
