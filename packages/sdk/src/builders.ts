import type {
  Button,
  ButtonTemplate,
  CallButton,
  DefaultAction,
  GenericElement,
  GenericTemplate,
  ImageAspectRatio,
  ListElement,
  ListTemplate,
  PaymentButton,
  PaymentSummary,
  PostbackButton,
  ReceiptTemplate,
  TextQuickReply,
  UrlButton,
} from '@tijara/protocol/messenger';

// Builders only assemble the wire shapes; length limits are checked by the server, which answers
// a GraphApiError naming the field (and by the protocol schemas, for bots that want to check first).

/**
 * A button that opens a URL.
 * @example urlButton('View order', 'https://shop.example/orders/42', { webview_height_ratio: 'tall' })
 */
export function urlButton(title: string, url: string, options: Omit<UrlButton, 'type' | 'title' | 'url'> = {}): UrlButton {
  return { type: 'web_url', title, url, ...options };
}

/**
 * A button that sends `payload` back as a postback event.
 * @example postbackButton('Start over', 'RESTART')
 */
export function postbackButton(title: string, payload: string): PostbackButton {
  return { type: 'postback', title, payload };
}

/**
 * A button that dials a number (E.164, "+16505551234").
 * @example callButton('Call us', '+16505551234')
 */
export function callButton(title: string, phoneNumber: string): CallButton {
  return { type: 'phone_number', title, payload: phoneNumber };
}

/**
 * The Buy button (§4.2); it must be the first button of its element. Amounts are decimal strings.
 * @example
 * buyButton('SKU_42', { currency: 'USD', payment_type: 'FIXED_AMOUNT', merchant_name: 'Shop',
 *   requested_user_info: ['contact_email'], price_list: [{ label: 'Mug', amount: '12.00' }] })
 */
export function buyButton(payload: string, summary: PaymentSummary, title = 'buy'): PaymentButton {
  return { type: 'payment', title, payload, payment_summary: summary };
}

/**
 * One card of a generic template, or one row of a list template.
 * @example element('Blue mug', { subtitle: '$12', image_url: 'https://shop.example/mug.png', buttons: [postbackButton('Add', 'ADD_MUG')] })
 */
export function element(
  title: string,
  options: { subtitle?: string; image_url?: string; default_action?: DefaultAction; buttons?: Button[] } = {},
): GenericElement & ListElement {
  return { title, ...options };
}

/**
 * A carousel of up to 10 cards.
 * @example genericTemplate([element('Blue mug'), element('Red mug')], { image_aspect_ratio: 'square' })
 */
export function genericTemplate(
  elements: GenericElement[],
  options: { image_aspect_ratio?: ImageAspectRatio; sharable?: boolean } = {},
): GenericTemplate {
  return { template_type: 'generic', ...options, elements };
}

/**
 * Text with up to three buttons.
 * @example buttonTemplate('What next?', [postbackButton('Shop', 'SHOP'), urlButton('Help', 'https://shop.example/help')])
 */
export function buttonTemplate(text: string, buttons: Button[]): ButtonTemplate {
  return { template_type: 'button', text, buttons };
}

/**
 * Two to four rows, with an optional global button.
 * @example listTemplate([element('Mug'), element('Cup')], { top_element_style: 'compact' })
 */
export function listTemplate(
  elements: ListElement[],
  options: { top_element_style?: 'large' | 'compact'; buttons?: Button[]; sharable?: boolean } = {},
): ListTemplate {
  return { template_type: 'list', ...options, elements };
}

/**
 * An order receipt (§3.4). Amounts are JSON numbers; `timestamp` epoch seconds as a string.
 * @example
 * receiptTemplate({ recipient_name: 'Peter Chang', order_number: 'order123', currency: 'USD',
 *   payment_method: 'Visa 1234', summary: { total_cost: 626.66 } })
 */
export function receiptTemplate(receipt: Omit<ReceiptTemplate, 'template_type'>): ReceiptTemplate {
  return { template_type: 'receipt', ...receipt };
}

/**
 * A text quick reply; tapping it sends the title as text plus `quick_reply.payload`.
 * @example quickReply('Red', 'COLOR_RED', 'https://shop.example/red.png')
 */
export function quickReply(title: string, payload: string, imageUrl?: string): TextQuickReply {
  return imageUrl === undefined ? { content_type: 'text', title, payload } : { content_type: 'text', title, payload, image_url: imageUrl };
}
