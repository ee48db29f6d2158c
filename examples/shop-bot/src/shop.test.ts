import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { parseCatalog, parseShipping } from './catalog.js';
import { checkoutUpdate, pageToken, payment, postback, preCheckout, shippedShop, startHarness, text, usAddress, verifyToken, waitFor, type Harness } from './testing.js';

const template = (message: any) => message?.attachment?.payload;

describe('shop bot over HTTP, against a stand-in Graph API', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  test('answers the verify handshake and refuses unsigned or mis-signed deliveries', async () => {
    const ok = await fetch(`${h.botUrl}/webhook?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=42`);
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), '42');
    const body = JSON.stringify({ object: 'page', entry: [{ id: '1', time: 1, messaging: [postback('u0', 'GET_STARTED')] }] });
    const unsigned = await fetch(`${h.botUrl}/webhook`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    assert.equal(unsigned.status, 403);
    const wrong = `sha256=${createHmac('sha256', 'not-the-secret').update(body).digest('hex')}`;
    const forged = await fetch(`${h.botUrl}/webhook`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': wrong } });
    assert.equal(forged.status, 403);
    assert.equal(h.sentTo('u0').length, 0);
  });

  test('Get Started: a greeting, then a carousel whose cards have Buy first with a valid payment_summary', async () => {
    const { catalog } = shippedShop();
    const answer = await h.deliver(postback('u1', 'GET_STARTED'));
    assert.equal(answer.status, 200);
    const profileCall = h.calls.find((call) => call.method === 'GET' && call.path === '/v6.0/u1');
    assert.equal(profileCall?.query.get('fields'), 'first_name');
    assert.equal(profileCall?.query.get('access_token'), pageToken);

    const [greeting, shop, ...rest] = h.sentTo('u1');
    assert.equal(rest.length, 0);
    assert.match(String(greeting?.['text']), /^Welcome, Amira, to Souk & Steep!/);
    assert.match(String(greeting?.['text']), /test payments/);
    const carousel = template(shop);
    assert.equal(carousel.template_type, 'generic');
    assert.equal(carousel.elements.length, catalog.products.length);

    for (const [index, product] of catalog.products.entries()) {
      const card = carousel.elements[index];
      assert.equal(card.title, product.title);
      assert.equal(card.image_url, `${h.botUrl}/images/${product.id}.svg`);
      const details = { type: 'postback', title: 'Details', payload: `DETAILS:${product.id}` };
      if (product.stock === 0) {
        assert.deepEqual(card.buttons, [details], `${product.id} is sold out: no Buy button`);
        assert.match(card.subtitle, /^Sold out/);
        continue;
      }
      assert.equal(card.buttons.length, 2);
      const [buy, second] = card.buttons;
      assert.deepEqual(second, details);
      assert.equal(buy.type, 'payment', `${product.id}: the Buy button comes first`);
      assert.equal(buy.payload, product.id);
      assert.deepEqual(buy.payment_summary, {
        currency: 'USD',
        payment_type: 'FLEXIBLE_AMOUNT',
        is_test_payment: true,
        merchant_name: 'Souk & Steep',
        requested_user_info: ['shipping_address', 'contact_name', 'contact_email'],
        price_list: [{ label: product.title, amount: buy.payment_summary.price_list[0].amount }],
      });
      assert.match(buy.payment_summary.price_list[0].amount, /^\d+\.\d{2}$/);
    }
    const mint = carousel.elements.find((card: any) => card.title === 'Gunpowder Mint Tea');
    assert.equal(mint.buttons[0].payment_summary.price_list[0].amount, '8.50');
    assert.equal(mint.subtitle, '$8.50 · Green tea and spearmint, 100 g');
  });

  test('the product pictures are served by the bot itself', async () => {
    const image = await fetch(`${h.botUrl}/images/saffron.svg`);
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
    assert.match(await image.text(), /<svg[^>]*viewBox="0 0 382 200"[\s\S]*Saffron/);
    assert.equal((await fetch(`${h.botUrl}/images/nothing.svg`)).status, 404);
    const privacy = await fetch(`${h.botUrl}/privacy`);
    assert.match(await privacy.text(), /Souk &amp; Steep: payment privacy/);
  });

  test('a first message gets the carousel; later "menu"/"buy" too; anything else a hint', async () => {
    await h.deliver(text('u2', 'hello there'));
    assert.deepEqual(h.sentTo('u2').map((message) => template(message)?.template_type ?? 'text'), ['text', 'generic']);
    await h.deliver(text('u2', 'what is on the menu?'));
    await h.deliver(text('u2', 'I want to BUY'));
    await h.deliver(text('u2', 'how is the weather'));
    const kinds = h.sentTo('u2').map((message) => template(message)?.template_type ?? 'text');
    assert.deepEqual(kinds, ['text', 'generic', 'text', 'generic', 'text', 'generic', 'text']);
    const hint = h.sentTo('u2').at(-1);
    assert.deepEqual(hint?.['quick_replies'], [{ content_type: 'text', title: 'Show the shop', payload: 'SHOW_SHOP' }]);
  });

  test('a redelivered message (same mid) is answered once', async () => {
    const item = text('u3', 'shop', 'mid.same');
    await h.deliver(item);
    await h.deliver(item);
    assert.equal(h.sentTo('u3').length, 2);
  });

  test('Details: the description, then a button template with Buy first', async () => {
    await h.deliver(postback('u4', 'DETAILS:yirgacheffe'));
    const [description, card] = h.sentTo('u4');
    assert.match(String(description?.['text']), /^Ethiopian Yirgacheffe: Washed heirloom Arabica/);
    const buttons = template(card);
    assert.equal(buttons.template_type, 'button');
    assert.match(buttons.text, /\$16\.00/);
    assert.equal(buttons.buttons[0].type, 'payment');
    assert.equal(buttons.buttons[0].payload, 'yirgacheffe');
    assert.deepEqual(buttons.buttons[0].payment_summary.price_list, [{ label: 'Ethiopian Yirgacheffe', amount: '16.00' }]);
    assert.deepEqual(buttons.buttons[1], { type: 'postback', title: 'Back to the shop', payload: 'SHOW_SHOP' });

    await h.deliver(postback('u4', 'DETAILS:ras-el-hanout'));
    const soldOut = template(h.sentTo('u4').at(-1));
    assert.ok(soldOut.buttons.every((button: any) => button.type !== 'payment'));
  });

  test('checkout_update: two US options with exact amounts, one international, none where the shop does not ship', async () => {
    const us = await h.deliver(checkoutUpdate('u5', 'mint-tea', 'US'));
    assert.equal(us.status, 200);
    assert.deepEqual(us.json, {
      shipping: [
        { option_id: 'us-standard', option_title: 'US Standard (3–5 days)', price_list: [{ label: 'Shipping', amount: '4.99' }] },
        { option_id: 'us-express', option_title: 'US Express (1–2 days)', price_list: [{ label: 'Shipping', amount: '14.99' }] },
      ],
    });
    const tn = await h.deliver(checkoutUpdate('u5', 'mint-tea', 'tn'));
    assert.deepEqual(tn.json, { shipping: [{ option_id: 'international', option_title: 'International (7–14 days)', price_list: [{ label: 'Shipping', amount: '19.99' }] }] });
    assert.deepEqual((await h.deliver(checkoutUpdate('u5', 'mint-tea', 'AU'))).json, { shipping: [] });
    assert.deepEqual((await h.deliver(checkoutUpdate('u5', 'no-such-product', 'US'))).json, { shipping: [] });
    assert.equal(h.sentTo('u5').length, 0, 'checkout_update is answered in the HTTP response, nothing is sent');
  });

  test('with test payments on, a payment keeps its own fb_payment_id as order number and is labelled a test', async () => {
    await h.deliver(payment('u8', 'earl-grey', '13.99', { fbPaymentId: '01m88ba7x0cb1zwgg8ejtq64vk', chargeId: 'tp_ch_1', shippingOptionId: 'us-standard' }));
    const [receiptMessage, thanks] = h.sentTo('u8');
    assert.equal(template(receiptMessage).order_number, '01m88ba7x0cb1zwgg8ejtq64vk');
    assert.equal(template(receiptMessage).payment_method, 'Card (test payment)');
    assert.match(String(thanks?.['text']), /This was a test payment: no money moved/);
  });

  test('pre_checkout: checks the amount and the address, and reserves stock', async () => {
    // 8.50 + 4.99 and 8.50 + 14.99 are the two valid totals for a US address.
    assert.deepEqual((await h.deliver(preCheckout('u6', 'mint-tea', '13.49'))).json, { success: true });
    assert.deepEqual((await h.deliver(preCheckout('u6', 'mint-tea', '23.49'))).json, { success: true });
    assert.deepEqual((await h.deliver(preCheckout('u6', 'mint-tea', '8.50'))).json, { success: false }, 'shipping missing');
    assert.deepEqual((await h.deliver(preCheckout('u6', 'mint-tea', '28.49'))).json, { success: false }, 'the international rate, for a US address');
    const tunis = { street1: '5 Rue de Marseille', city: 'Tunis', state: 'Tunis', country: 'TN', postal_code: '1000' };
    assert.deepEqual((await h.deliver(preCheckout('u7', 'mint-tea', '28.49', tunis))).json, { success: true }, 'international is 19.99 for TN');
    assert.deepEqual((await h.deliver(preCheckout('u7', 'mint-tea', '28.49', { ...tunis, country: 'NZ' }))).json, { success: false }, 'not shipped to NZ');
    assert.deepEqual((await h.deliver(preCheckout('u7', 'mint-tea', '23.49', usAddress, 'EUR'))).json, { success: false }, 'another currency');
    assert.equal(h.shop.inventory.available('mint-tea'), 12 - 2, 'u6 and u7 hold one unit each');
  });
});

describe('stock at pre_checkout and the payment', () => {
  let h: Harness;
  before(async () => {
    const { catalog, shipping } = shippedShop();
    // Saffron down to one unit, so two shoppers race for it.
    const lowStock = { ...catalog, products: catalog.products.map((product) => (product.id === 'saffron' ? { ...product, stock: 1 } : product)) };
    h = await startHarness({ catalog: lowStock, shipping });
  });
  after(() => h.close());

  test('out of stock → success:false, with a word to the shopper; the holder can retry', async () => {
    assert.deepEqual((await h.deliver(preCheckout('a', 'ras-el-hanout', '12.24'))).json, { success: false }, 'sold out from the start');
    assert.deepEqual((await h.deliver(preCheckout('a', 'saffron', '16.98'))).json, { success: true }, 'reserves the last unit');
    assert.deepEqual((await h.deliver(preCheckout('b', 'saffron', '16.98'))).json, { success: false }, 'held for a');
    assert.deepEqual((await h.deliver(preCheckout('a', 'saffron', '16.98'))).json, { success: true }, 'a retry renews the same hold');
    assert.equal(h.shop.inventory.onHand('saffron'), 1);
    const [sorry] = await waitFor(() => h.sentTo('b'));
    assert.match(String(sorry?.['text']), /Saffron Threads just sold out\. Nothing was charged\./);
  });
});

describe('payment → receipt', () => {
  let h: Harness;
  before(async () => {
    // Real payments (TEST_PAYMENTS=false): only the dummy test ids mark a payment as a test.
    h = await startHarness({ testPayments: false });
  });
  after(() => h.close());

  test('the receipt has the charged total, the street_1 address and the order number; then a thank-you', async () => {
    assert.deepEqual((await h.deliver(preCheckout('p1', 'mint-tea', '23.49'))).json, { success: true });
    const answer = await h.deliver(payment('p1', 'mint-tea', '23.49', { fbPaymentId: '987654321', shippingOptionId: 'us-express', timestamp: 1_767_000_000_123 }));
    assert.equal(answer.status, 200);
    const [receiptMessage, thanks] = h.sentTo('p1');
    assert.deepEqual(template(receiptMessage), {
      template_type: 'receipt',
      recipient_name: 'Amira Ben Ali',
      merchant_name: 'Souk & Steep',
      order_number: '987654321',
      currency: 'USD',
      payment_method: 'Card',
      timestamp: '1767000000',
      elements: [
        { title: 'Gunpowder Mint Tea', subtitle: 'Green tea and spearmint, 100 g', quantity: 1, price: 8.5, currency: 'USD', image_url: `${h.botUrl}/images/mint-tea.svg` },
      ],
      address: { street_1: '1 Hacker Way', street_2: 'Suite 2', city: 'Menlo Park', postal_code: '94025', state: 'CA', country: 'US' },
      summary: { subtotal: 8.5, shipping_cost: 14.99, total_cost: 23.49 },
    });
    assert.equal(String(thanks?.['text']), 'Thank you, Amira! Order 987654321 is paid ($23.49): Gunpowder Mint Tea will go out by US Express (1–2 days) to Menlo Park, US.');
    assert.equal(h.shop.inventory.onHand('mint-tea'), 11);
  });

  test('a redelivered payment sends nothing twice and takes stock once', async () => {
    const event = payment('p2', 'harissa', '11.74', { fbPaymentId: 'pay-harissa', shippingOptionId: 'us-standard' });
    await h.deliver(event);
    await h.deliver(event);
    assert.equal(h.sentTo('p2').length, 2);
    assert.equal(h.shop.inventory.onHand('harissa'), 9);
  });

  test('a failed receipt send answers 500; the redelivery sends it without taking stock again', async () => {
    const event = payment('p3', 'earl-grey', '13.99', { fbPaymentId: 'pay-earl', shippingOptionId: 'us-standard' });
    h.failSends(1);
    assert.equal((await h.deliver(event)).status, 500);
    assert.equal(h.shop.inventory.onHand('earl-grey'), 7);
    assert.equal((await h.deliver(event)).status, 200);
    assert.equal(h.shop.inventory.onHand('earl-grey'), 7);
    const sent = h.sentTo('p3');
    assert.deepEqual(sent.map((message) => template(message)?.template_type ?? 'text'), ['receipt', 'text']);
  });

  test('test payments share the dummy ids: each gets its own order number, labelled as a test', async () => {
    const test1 = payment('p4', 'sumatra', '34.49', { fbPaymentId: 'test_payment_id_12345', chargeId: 'test_charge_id_12345', shippingOptionId: 'international', timestamp: 1 });
    const test2 = payment('p4', 'sumatra', '34.49', { fbPaymentId: 'test_payment_id_12345', chargeId: 'test_charge_id_12345', shippingOptionId: 'international', timestamp: 2 });
    await h.deliver(test1);
    await h.deliver(test2);
    const receipts = h.sentTo('p4').map(template).filter((payload) => payload?.template_type === 'receipt');
    assert.equal(receipts.length, 2);
    assert.notEqual(receipts[0].order_number, receipts[1].order_number);
    assert.match(receipts[0].order_number, /^SHOP-[0-9A-F]{8}$/);
    assert.equal(receipts[0].payment_method, 'Card (test payment)');
    assert.deepEqual(receipts[0].summary, { subtotal: 14.5, shipping_cost: 19.99, total_cost: 34.49 });
    assert.match(String(h.sentTo('p4').at(-1)?.['text']), /This was a test payment/);
    assert.equal(h.shop.inventory.onHand('sumatra'), 4);
  });

  test('the 2016 street_1 spelling in the payment event reaches the receipt too', async () => {
    const address = { street_1: '5 Rue de Marseille', city: 'Tunis', state: 'Tunis', country: 'TN', postal_code: '1000' };
    await h.deliver(payment('p5', 'saffron', '31.98', { fbPaymentId: 'pay-tn', shippingOptionId: 'international', address }));
    const receipt = template(h.sentTo('p5')[0]);
    assert.deepEqual(receipt.address, { street_1: '5 Rue de Marseille', city: 'Tunis', postal_code: '1000', state: 'Tunis', country: 'TN' });
    assert.equal(receipt.summary.total_cost, 31.98);
  });
});

describe('a catalog in another currency', () => {
  test('TND: three decimals on the Buy button and the shipping options', async () => {
    const catalog = parseCatalog({
      merchant_name: 'Souk Tunis',
      currency: 'TND',
      products: [{ id: 'harissa', title: 'Harissa', subtitle: 'Cap Bon, 200 g', description: 'Paste.', price: '7.5', stock: 2, kind: 'spice' }],
    });
    const shipping = parseShipping(
      { currency: 'TND', zones: [{ name: 'Tunisia', countries: ['TN'], options: [{ option_id: 'tn-standard', option_title: 'Standard', price: '7' }] }] },
      'TND',
    );
    const h = await startHarness({ catalog, shipping, testPayments: false });
    try {
      await h.deliver(postback('t1', 'GET_STARTED'));
      const buy = template(h.sentTo('t1')[1]).elements[0].buttons[0];
      assert.equal(buy.payment_summary.currency, 'TND');
      assert.equal(buy.payment_summary.is_test_payment, false);
      assert.deepEqual(buy.payment_summary.price_list, [{ label: 'Harissa', amount: '7.500' }]);
      assert.deepEqual((await h.deliver(checkoutUpdate('t1', 'harissa', 'TN'))).json, {
        shipping: [{ option_id: 'tn-standard', option_title: 'Standard', price_list: [{ label: 'Shipping', amount: '7.000' }] }],
      });
      assert.deepEqual((await h.deliver(checkoutUpdate('t1', 'harissa', 'US'))).json, { shipping: [] }, 'no "*" zone: only Tunisia');
      assert.deepEqual((await h.deliver(preCheckout('t1', 'harissa', '14.5', undefined, 'TND'))).json, { success: false }, 'US address');
      const tunis = { street1: '5 Rue de Marseille', city: 'Tunis', state: 'Tunis', country: 'TN', postal_code: '1000' };
      assert.deepEqual((await h.deliver(preCheckout('t1', 'harissa', '14.500', tunis, 'TND'))).json, { success: true });
    } finally {
      await h.close();
    }
  });
});
