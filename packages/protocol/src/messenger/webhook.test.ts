// The webhook examples of §4.4–4.6 and §5.3–5.4 validate; the envelope and replies keep their shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import {
  CheckoutUpdateItem,
  CheckoutUpdateReply,
  MessagingItem,
  PaymentItem,
  PreCheckoutItem,
  PreCheckoutReply,
  WebhookEnvelope,
  WebhookVerificationQuery,
} from './index.js';

function valid(schema: TSchema, value: unknown): void {
  assert.deepEqual([...Value.Errors(schema, value)].map((e) => `${e.path}: ${e.message}`), []);
}
const party = { sender: { id: 'USER_ID' }, recipient: { id: 'PAGE_ID' } };

test('the envelope of §5.3 carrying a message with a quick reply validates', () => {
  valid(WebhookEnvelope, {
    object: 'page',
    entry: [
      {
        id: 'PAGE_ID',
        time: 1458692752478,
        messaging: [
          {
            ...party,
            timestamp: 1458692752478,
            message: {
              mid: 'mid.1457764197618:41d102a3e1ae206a38',
              seq: 73,
              text: 'hello',
              quick_reply: { payload: 'DEVELOPER_DEFINED_PAYLOAD' },
            },
          },
        ],
      },
    ],
  });
  assert.equal(Value.Check(WebhookEnvelope, { object: 'user', entry: [] }), false);
});

test('every event of §5.4 validates as a messaging item', () => {
  const items = [
    { ...party, timestamp: 1, message: { mid: 'm1', attachments: [{ type: 'image', payload: { url: 'https://scontent.example/a.png' } }] } },
    { ...party, timestamp: 1, message: { mid: 'm2', attachments: [{ type: 'location', payload: { coordinates: { lat: 1.5, long: 2.5 } }, title: 'Pin' }] } },
    { ...party, timestamp: 1, message: { mid: 'm3', attachments: [{ type: 'fallback', payload: null, title: 'A link', url: 'https://example.com' }] } },
    { ...party, timestamp: 1, message: { mid: 'm4', is_echo: true, app_id: 1517776481860111, metadata: 'DEVELOPER_DEFINED_METADATA', text: 'hi' } },
    { ...party, timestamp: 1, delivery: { mids: ['mid.1458668856218:ed81099e15d3f4f233'], watermark: 1458668856253, seq: 37 } },
    { ...party, delivery: { watermark: 1458668856253 } },
    { ...party, timestamp: 1, read: { watermark: 1458668856253, seq: 38 } },
    { ...party, timestamp: 1, postback: { title: 'Get Started', payload: 'GET_STARTED', referral: { ref: 'spring-sale', source: 'SHORTLINK', type: 'OPEN_THREAD' } } },
    { ...party, timestamp: 1, postback: { title: null, payload: 'OLD_BOT' } },
    { ...party, timestamp: 1, referral: { ref: 'spring-sale', source: 'SHORTLINK', type: 'OPEN_THREAD' } },
    { recipient: { id: 'PAGE_ID' }, timestamp: 1, optin: { ref: 'PASS_THROUGH_PARAM', user_ref: 'UNIQUE_REF_PARAM' } },
    { ...party, timestamp: 1, account_linking: { status: 'linked', authorization_code: 'PASS_THROUGH_AUTHORIZATION_CODE' } },
  ];
  for (const item of items) valid(MessagingItem, item);
});

test('checkout_update (§4.4) with a numeric address id validates, and so does its reply', () => {
  valid(CheckoutUpdateItem, {
    ...party,
    timestamp: 1473204787206,
    checkout_update: {
      payload: 'DEVELOPER_DEFINED_PAYLOAD',
      shipping_address: { id: 10105655000959552, country: 'US', city: 'MENLO PARK', street1: '1 Hacker Way', street2: '', state: 'CA', postal_code: '94025' },
    },
  });
  valid(CheckoutUpdateReply, {
    shipping: [
      { option_id: '1', option_title: 'Fedex', price_list: [{ label: 'Shipping', amount: 5.99 }, { label: 'Tax', amount: 1.99 }] },
      { option_id: '2', option_title: 'USPS', price_list: [{ label: 'Shipping', amount: '4.99' }, { label: 'Tax', amount: '0.99' }] },
    ],
  });
  assert.equal(Value.Check(CheckoutUpdateReply, { shipping: [{ option_id: 1, option_title: 'Fedex', price_list: [] }] }), false);
});

test('pre_checkout (§4.5) and its reply validate', () => {
  valid(PreCheckoutItem, {
    ...party,
    timestamp: 1473204787206,
    pre_checkout: {
      payload: 'xyz',
      requested_user_info: {
        shipping_address: { name: 'Tao Jiang', street1: '600 Edgewater Blvd', street2: '', city: 'Foster City', state: 'CA', country: 'US', postal_code: '94404' },
        contact_name: 'Tao Jiang',
      },
      amount: { currency: 'USD', amount: '2.70' },
    },
  });
  valid(PreCheckoutReply, { success: true });
  assert.equal(Value.Check(PreCheckoutReply, { success: 'yes' }), false);
});

test('payment (§4.6) validates with Stripe and tokenized credentials', () => {
  const payment = {
    payload: 'DEVELOPER_DEFINED_PAYLOAD',
    requested_user_info: {
      shipping_address: { street_1: '1 Hacker Way', street_2: '', city: 'MENLO PARK', state: 'CA', country: 'US', postal_code: '94025' },
      contact_name: 'Peter Chang',
      contact_email: 'peter@anemailprovider.com',
      contact_phone: '+15105551234',
    },
    payment_credential: { provider_type: 'stripe', charge_id: 'ch_18tmdBEoNIH3FPJHa60ep123', fb_payment_id: '123456789' },
    amount: { currency: 'USD', amount: '29.62' },
    shipping_option_id: '123',
  };
  valid(PaymentItem, { ...party, timestamp: 1473208792799, payment });
  const tokenized = {
    provider_type: 'token',
    tokenized_card: '-----BEGIN PGP MESSAGE-----…',
    tokenized_cvv: '-----BEGIN PGP MESSAGE-----…',
    token_expiry_month: '3',
    token_expiry_year: '2019',
    fb_payment_id: '123456789',
    charge_id: null,
  };
  valid(PaymentItem, { ...party, timestamp: 1, payment: { ...payment, payment_credential: tokenized } });
  valid(PaymentItem, { ...party, timestamp: 1, payment: { ...payment, amount: { currency: 'USD', amount: 29.62 } } }); // RFB fixture
});

test('the handshake query of §5.1 validates', () => {
  valid(WebhookVerificationQuery, { 'hub.mode': 'subscribe', 'hub.verify_token': 'secret', 'hub.challenge': '1158201444' });
  assert.equal(Value.Check(WebhookVerificationQuery, { 'hub.mode': 'unsubscribe', 'hub.verify_token': 's', 'hub.challenge': '1' }), false);
});
