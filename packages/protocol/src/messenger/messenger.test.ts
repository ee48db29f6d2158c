// The reference's JSON blocks (shared/messenger-platform.md) validate; broken variants do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import {
  AttachmentUploadRequest,
  BatchRequest,
  Button,
  ButtonTemplate,
  GenericTemplate,
  GraphError,
  ListTemplate,
  MessengerProfile,
  PaymentButton,
  QuickReply,
  ReceiptTemplate,
  SendRequest,
  SendResponse,
  ThreadSettingsRequest,
  findGraphErrorCode,
  graphError,
  graphErrorCodes,
  messengerLimits,
  misplacedPaymentButton,
  type MessageTag,
} from './index.js';

function valid(schema: TSchema, value: unknown): void {
  const errors = [...Value.Errors(schema, value)].map((e) => `${e.path}: ${e.message}`);
  assert.deepEqual(errors, [], 'expected the example to validate');
}
function invalid(schema: TSchema, value: unknown): void {
  assert.equal(Value.Check(schema, value), false, 'expected the example to be refused');
}
const clone = <T>(value: T): T => structuredClone(value);

const buyButton = {
  type: 'payment',
  title: 'buy',
  payload: 'DEVELOPER_DEFINED_PAYLOAD',
  payment_summary: {
    currency: 'USD',
    payment_type: 'FIXED_AMOUNT',
    is_test_payment: true,
    merchant_name: "Peter's Apparel",
    requested_user_info: ['shipping_address', 'contact_name', 'contact_phone', 'contact_email'],
    price_list: [
      { label: 'Subtotal', amount: '29.99' },
      { label: 'Taxes', amount: '2.47' },
    ],
  },
};

const generic = {
  template_type: 'generic',
  image_aspect_ratio: 'horizontal',
  sharable: true,
  elements: [
    {
      title: 'Classic T-Shirt',
      subtitle: 'Soft cotton',
      image_url: 'https://example.com/shirt.png',
      default_action: {
        type: 'web_url',
        url: 'https://example.com/shirt',
        webview_height_ratio: 'tall',
        messenger_extensions: false,
        fallback_url: 'https://example.com/',
      },
      buttons: [buyButton, { type: 'postback', title: 'Details', payload: 'DETAILS_1' }],
    },
  ],
};

const receipt = {
  template_type: 'receipt',
  recipient_name: 'Peter Chang',
  merchant_name: "Peter's Apparel",
  order_number: 'order123',
  currency: 'USD',
  payment_method: 'Visa 1234',
  timestamp: '1428444852',
  order_url: 'https://example.com/order/123',
  elements: [{ title: 'Oculus Rift', subtitle: 'VR headset', quantity: 1, price: 599.0, currency: 'USD', image_url: 'https://example.com/rift.png' }],
  address: { street_1: '1 Hacker Way', street_2: '', city: 'Menlo Park', postal_code: '94025', state: 'CA', country: 'US' },
  summary: { subtotal: 698.99, shipping_cost: 20.0, total_tax: 57.67, total_cost: 626.66 },
  adjustments: [{ name: 'New Customer Discount', amount: -50 }],
  sharable: true,
};

test('the Send API examples of §2 validate', () => {
  valid(SendRequest, {
    recipient: { id: '1254477777772919' },
    message: { attachment: { type: 'image', payload: { url: 'https://example.com/a.png', is_reusable: true } } },
  });
  valid(SendRequest, { recipient: { id: '1' }, message: { attachment: { type: 'video', payload: { attachment_id: '1857777774821032' } } } });
  valid(SendRequest, { recipient: { id: '1' }, sender_action: 'typing_on' });
  valid(SendRequest, {
    recipient: { user_ref: 'UNIQUE_REF' },
    messaging_type: 'MESSAGE_TAG',
    tag: 'SHIPPING_UPDATE',
    notification_type: 'SILENT_PUSH',
    message: { text: 'Your order shipped', metadata: 'order-123' },
    access_token: 'token-in-the-body', // §2.1: Graph accepts the token as a body parameter
  });
  valid(SendResponse, { recipient_id: '1254477777772919', message_id: 'mid.$cAAJsujCd2ORj_1qmrFdzhVa-4cvO' });
  valid(SendResponse, { message_id: 'm_abc', attachment_id: '1857777774821032' });
  valid(AttachmentUploadRequest, { message: { attachment: { type: 'image', payload: { url: 'https://example.com/a.png', is_reusable: true } } } });
  valid(GraphError, {
    error: { message: '(#100) No matching user found', type: 'OAuthException', code: 100, error_subcode: 2018001, fbtrace_id: 'BLBz/WZt8dN' },
  });
});

test('a send request is refused when it mixes what the reference says are alternatives', () => {
  invalid(SendRequest, { recipient: { id: '1' }, message: { text: 'hi' }, sender_action: 'typing_on' });
  invalid(SendRequest, { recipient: { id: '1' }, message: { text: 'hi', attachment: { type: 'image', payload: { url: 'https://x.io/a.png' } } } });
  invalid(SendRequest, { recipient: { id: '1', user_ref: 'r' }, message: { text: 'hi' } });
  invalid(SendRequest, { recipient: { id: '1' }, message: {} });
  invalid(SendRequest, { recipient: { id: '1' }, message: { text: '' } });
  invalid(SendRequest, { recipient: { id: '1' }, message: { text: 'x'.repeat(messengerLimits.messageText + 1) } });
  invalid(SendRequest, { recipient: { id: '1' }, message: { text: 'hi', metadata: 'm'.repeat(1001) } });
  invalid(SendRequest, { recipient: { id: '1' }, message: { text: 'hi', quick_reply: [] } });
  invalid(SendRequest, { recipient: { id: '1' }, sender_action: 'typing' });
});

test('quick replies keep their 20-character titles and 11-item cap', () => {
  valid(QuickReply, { content_type: 'text', title: 'Red', payload: 'PICK_RED', image_url: 'https://example.com/red.png' });
  valid(QuickReply, { content_type: 'location' });
  valid(QuickReply, { content_type: 'user_email' });
  invalid(QuickReply, { content_type: 'text', title: 'x'.repeat(21), payload: 'P' });
  invalid(QuickReply, { content_type: 'text', title: 'Red', payload: 'p'.repeat(1001) });
  const replies = Array.from({ length: 12 }, (_, i) => ({ content_type: 'text', title: `n${i}`, payload: `${i}` }));
  invalid(SendRequest, { recipient: { id: '1' }, message: { text: 'pick', quick_replies: replies } });
  valid(SendRequest, { recipient: { id: '1' }, message: { text: 'pick', quick_replies: replies.slice(0, 11) } });
});

test('the generic template of §3.1 with the Buy button of §4.2 validates', () => {
  valid(GenericTemplate, generic);
  valid(PaymentButton, buyButton);
  valid(SendRequest, { recipient: { id: '1' }, message: { attachment: { type: 'template', payload: generic } } });
  assert.equal(misplacedPaymentButton(generic.elements[0]?.buttons), -1);
});

test('a generic template breaking a limit is refused', () => {
  const longTitle = clone(generic);
  longTitle.elements[0]!.title = 'x'.repeat(81);
  invalid(GenericTemplate, longTitle);
  const longSubtitle = clone(generic);
  longSubtitle.elements[0]!.subtitle = 'x'.repeat(81);
  invalid(GenericTemplate, longSubtitle);
  const fourButtons = clone(generic);
  const postback = { type: 'postback', title: 'More', payload: 'MORE' };
  fourButtons.elements[0]!.buttons = [buyButton, postback, postback, postback];
  invalid(GenericTemplate, fourButtons);
  const elevenCards = clone(generic);
  elevenCards.elements = Array.from({ length: 11 }, () => clone(generic.elements[0]!));
  invalid(GenericTemplate, elevenCards);
  const badRatio = { ...clone(generic), image_aspect_ratio: 'portrait' };
  invalid(GenericTemplate, badRatio);
  const unknownField = clone(generic);
  Object.assign(unknownField.elements[0]!, { subtitel: 'typo' });
  invalid(GenericTemplate, unknownField);
});

test('a Buy button after another button is reported by misplacedPaymentButton', () => {
  assert.equal(misplacedPaymentButton([{ type: 'postback' }, { type: 'payment' }]), 1);
  assert.equal(misplacedPaymentButton(undefined), -1);
});

test('buttons keep their titles, payloads and types', () => {
  valid(Button, { type: 'web_url', url: 'https://example.com', title: 'Open', webview_height_ratio: 'compact', webview_share_button: 'hide' });
  valid(Button, { type: 'phone_number', title: 'Call', payload: '+16505551234' });
  valid(Button, { type: 'account_link', url: 'https://example.com/authorize' });
  invalid(Button, { type: 'postback', title: 'x'.repeat(21), payload: 'P' });
  invalid(Button, { type: 'postback', title: 'Go', payload: 'p'.repeat(1001) });
  invalid(Button, { type: 'phone_number', title: 'Call', payload: '650-555-1234' });
  invalid(Button, { type: 'web_url', url: 'javascript:alert(1)', title: 'Open' });
  invalid(Button, { type: 'teleport', title: 'Go' });
  const flexible = clone(buyButton);
  flexible.payment_summary.payment_type = 'FLEXIBLE_AMOUNT';
  flexible.payment_summary.price_list = [{ label: 'Subtotal', amount: 29.99 as unknown as string }]; // MEYA sends numbers
  valid(PaymentButton, flexible);
  const badType = clone(buyButton);
  badType.payment_summary.payment_type = 'SOME_AMOUNT';
  invalid(PaymentButton, badType);
  const badInfo = clone(buyButton);
  badInfo.payment_summary.requested_user_info = ['SHIPPING_ADDRESS'];
  invalid(PaymentButton, badInfo);
  const badAmount = clone(buyButton);
  badAmount.payment_summary.price_list = [{ label: 'Subtotal', amount: '29,99' }];
  invalid(PaymentButton, badAmount);
  const besideSummary = { ...clone(buyButton), price_list: buyButton.payment_summary.price_list }; // MOL's shape
  invalid(PaymentButton, besideSummary);
});

test('button, list and receipt templates follow §3.2–3.4', () => {
  const postback = { type: 'postback', title: 'Yes', payload: 'YES' };
  valid(ButtonTemplate, { template_type: 'button', text: 'Continue?', buttons: [postback] });
  invalid(ButtonTemplate, { template_type: 'button', text: 'Continue?', buttons: [] });
  invalid(ButtonTemplate, { template_type: 'button', text: 'x'.repeat(641), buttons: [postback] });
  const row = { title: 'Shirt', subtitle: 'Blue', image_url: 'https://example.com/s.png', buttons: [postback] };
  valid(ListTemplate, { template_type: 'list', top_element_style: 'large', elements: [row, row], buttons: [postback] });
  invalid(ListTemplate, { template_type: 'list', elements: [row] });
  invalid(ListTemplate, { template_type: 'list', elements: [row, row, row, row, row] });
  invalid(ListTemplate, { template_type: 'list', elements: [{ ...row, buttons: [postback, postback] }, row] });
  valid(ReceiptTemplate, receipt);
  const { street_1: street, street_2: _street2, ...cityAndCountry } = receipt.address;
  valid(ReceiptTemplate, { ...receipt, address: { street1: street, ...cityAndCountry } }); // §4.7 spelling
  const { summary: _summary, ...withoutSummary } = receipt;
  invalid(ReceiptTemplate, withoutSummary);
  invalid(ReceiptTemplate, { ...receipt, currency: 'usd' });
  invalid(ReceiptTemplate, { ...receipt, summary: { subtotal: 1 } });
});

test('Messenger Profile and thread_settings bodies of §6.4 and §4.9 validate', () => {
  valid(MessengerProfile, {
    get_started: { payload: 'GET_STARTED' },
    greeting: [{ locale: 'default', text: 'Hello {{user_first_name}}!' }],
    persistent_menu: [
      {
        locale: 'default',
        composer_input_disabled: false,
        call_to_actions: [
          { type: 'postback', title: 'My orders, every one of them', payload: 'ORDERS' },
          { type: 'nested', title: 'More', call_to_actions: [{ type: 'web_url', title: 'Help', url: 'https://example.com/help' }] },
        ],
      },
    ],
    whitelisted_domains: ['https://example.com'],
    payment_settings: { privacy_url: 'https://example.com/privacy', public_key: '-----BEGIN PGP PUBLIC KEY BLOCK-----\n…', testers: ['1254477777772919'] },
  });
  invalid(MessengerProfile, { greeting: [{ locale: 'default', text: 'x'.repeat(161) }] });
  invalid(MessengerProfile, { payment_settings: { test_users: ['1'] } });
  const item = { type: 'postback', title: 'Item', payload: 'I' };
  invalid(MessengerProfile, { persistent_menu: [{ locale: 'default', call_to_actions: [item, item, item, item] }] });
  valid(ThreadSettingsRequest, { setting_type: 'greeting', greeting: { text: 'Welcome!' } });
  valid(ThreadSettingsRequest, { setting_type: 'call_to_actions', thread_state: 'new_thread', call_to_actions: [{ payload: 'GET_STARTED' }] });
  valid(ThreadSettingsRequest, { setting_type: 'payment', payment_privacy_url: 'https://example.com/payment_privacy.html' });
  valid(ThreadSettingsRequest, { setting_type: 'payment', payment_dev_mode_action: 'ADD', payment_testers: ['1254477777772919'] });
  invalid(ThreadSettingsRequest, { setting_type: 'payment' });
  invalid(ThreadSettingsRequest, { setting_type: 'call_to_actions', thread_state: 'existing_thread', call_to_actions: Array(6).fill(item) });
});

test('batch requests cap at 50 sub-requests', () => {
  const sub = { method: 'POST', relative_url: 'me/messages', body: 'recipient=%7B%22id%22%3A%221%22%7D&message=%7B%22text%22%3A%22hi%22%7D' };
  valid(BatchRequest, { batch: [sub], include_headers: false });
  invalid(BatchRequest, { batch: Array(51).fill(sub) });
});

test('graph errors are built and found by code and subcode', () => {
  const body = graphError('noMatchingUser', 'No matching user found', 'AbC123');
  valid(GraphError, body);
  assert.equal(body.error.message, '(#100) No matching user found');
  assert.equal(body.error.error_subcode, 2018001);
  assert.equal(findGraphErrorCode(100, 2018001), graphErrorCodes.noMatchingUser);
  assert.equal(findGraphErrorCode(100, 999), graphErrorCodes.invalidParameter);
  assert.equal(findGraphErrorCode(190), graphErrorCodes.invalidToken);
  assert.equal(findGraphErrorCode(12345), undefined);
  const tag: MessageTag = 'POST_PURCHASE_UPDATE'; // the literal union is typed, not just string
  assert.equal(tag.length > 0, true);
});
