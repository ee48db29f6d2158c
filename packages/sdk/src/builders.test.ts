import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { Button, ButtonTemplate, GenericTemplate, ListTemplate, PaymentButton, QuickReply, ReceiptTemplate } from '@tijara/protocol/messenger';
import {
  buttonTemplate,
  buyButton,
  callButton,
  element,
  genericTemplate,
  listTemplate,
  postbackButton,
  quickReply,
  receiptTemplate,
  urlButton,
} from './builders.js';

// The builders' output must pass the very schemas the server validates with.
function valid(schema: TSchema, value: unknown): void {
  assert.deepEqual([...Value.Errors(schema, value)].map((e) => `${e.path}: ${e.message}`), []);
}

test('buttons and quick replies built by the SDK match the protocol', () => {
  valid(Button, urlButton('View', 'https://shop.example/1', { webview_height_ratio: 'tall' }));
  valid(Button, postbackButton('Start over', 'RESTART'));
  valid(Button, callButton('Call us', '+16505551234'));
  valid(QuickReply, quickReply('Red', 'COLOR_RED'));
  valid(QuickReply, quickReply('Red', 'COLOR_RED', 'https://shop.example/red.png'));
  assert.deepEqual(quickReply('Red', 'COLOR_RED'), { content_type: 'text', title: 'Red', payload: 'COLOR_RED' });
});

test('a generic template with a Buy button first validates', () => {
  const buy = buyButton('SKU_42', {
    currency: 'USD',
    payment_type: 'FIXED_AMOUNT',
    is_test_payment: true,
    merchant_name: 'Mug Shop',
    requested_user_info: ['shipping_address', 'contact_email'],
    price_list: [{ label: 'Mug', amount: '12.00' }],
  });
  valid(PaymentButton, buy);
  assert.equal(buy.title, 'buy');
  const template = genericTemplate(
    [element('Blue mug', { subtitle: '$12', image_url: 'https://shop.example/mug.png', buttons: [buy, postbackButton('Details', 'D')] })],
    { image_aspect_ratio: 'square' },
  );
  valid(GenericTemplate, template);
});

test('button, list and receipt templates validate', () => {
  valid(ButtonTemplate, buttonTemplate('What next?', [postbackButton('Shop', 'SHOP'), urlButton('Help', 'https://shop.example/help')]));
  valid(ListTemplate, listTemplate([element('Mug'), element('Cup')], { top_element_style: 'compact', buttons: [postbackButton('More', 'MORE')] }));
  valid(
    ReceiptTemplate,
    receiptTemplate({
      recipient_name: 'Peter Chang',
      order_number: 'order123',
      currency: 'USD',
      payment_method: 'Visa 1234',
      timestamp: '1428444852',
      elements: [{ title: 'Mug', quantity: 1, price: 12, currency: 'USD' }],
      summary: { subtotal: 12, total_cost: 12 },
    }),
  );
});
