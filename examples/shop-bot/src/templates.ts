// What the shop sends, as pure functions of the catalog: the carousel, the details card, the
// Buy button and the receipt. Everything is assembled with the @tijara/bot builders.
import {
  buttonTemplate,
  buyButton,
  element,
  genericTemplate,
  postbackButton,
  receiptTemplate,
  type ButtonTemplate,
  type GenericTemplate,
  type PaymentButton,
  type PaymentCredential,
  type ReceiptAddress,
  type ReceiptTemplate,
  type RequestedUserInfoField,
  type WebhookAddress,
} from '@tijara/bot';
import { priceText, type Catalog, type Product } from './catalog.js';
import { formatPrice, toReceiptNumber } from './money.js';

export const GET_STARTED = 'GET_STARTED';
export const SHOW_SHOP = 'SHOW_SHOP';
const DETAILS = 'DETAILS:';

export const detailsPayload = (product: Product): string => `${DETAILS}${product.id}`;
export const productIdOfDetails = (payload: string): string | undefined => (payload.startsWith(DETAILS) ? payload.slice(DETAILS.length) : undefined);

/** What the checkout sheet asks for: the address (it drives the shipping options), name and email for the receipt. */
export const requestedUserInfo: RequestedUserInfoField[] = ['shipping_address', 'contact_name', 'contact_email'];

export interface TemplateContext {
  catalog: Catalog;
  /** Where /images/<id>.svg is served from. */
  publicUrl: string;
  testPayments: boolean;
}

export function imageUrl(context: TemplateContext, product: Product): string {
  return product.image_url ?? `${context.publicUrl}/images/${product.id}.svg`;
}

/**
 * The Buy button (§4.2) for one unit: FLEXIBLE_AMOUNT, because shipping depends on the address
 * and is added by the checkout_update answer. The payload is the product id.
 */
export function productBuyButton(context: TemplateContext, product: Product): PaymentButton {
  return buyButton(product.id, {
    currency: context.catalog.currency,
    payment_type: 'FLEXIBLE_AMOUNT',
    is_test_payment: context.testPayments,
    merchant_name: context.catalog.merchantName,
    requested_user_info: requestedUserInfo,
    price_list: [{ label: product.title, amount: priceText(context.catalog, product) }],
  });
}

/**
 * Every product as a card. A product still in stock gets the Buy button first (§3.1 requires
 * that place) and "Details"; a sold-out one is shown as such, with "Details" only.
 */
export function carousel(context: TemplateContext, available: (product: Product) => number): GenericTemplate {
  const { catalog } = context;
  return genericTemplate(
    catalog.products.map((product) => {
      const left = available(product);
      const price = formatPrice(product.price, catalog.currency);
      const subtitle = left > 0 ? `${price} · ${product.subtitle}` : `Sold out · ${product.subtitle}`;
      const buttons = left > 0 ? [productBuyButton(context, product), postbackButton('Details', detailsPayload(product))] : [postbackButton('Details', detailsPayload(product))];
      return element(product.title, { subtitle: subtitle.slice(0, 80), image_url: imageUrl(context, product), buttons });
    }),
  );
}

/** The text that goes before the details card. */
export function detailsText(product: Product, available: number): string {
  const stock = available < 1 ? 'Sold out for now.' : available <= 3 ? `Only ${available} left.` : 'In stock.';
  return `${product.title}: ${product.description}\n${stock}`;
}

export function detailsCard(context: TemplateContext, product: Product, available: number): ButtonTemplate {
  const price = formatPrice(product.price, context.catalog.currency);
  const back = postbackButton('Back to the shop', SHOW_SHOP);
  if (available < 1) return buttonTemplate(`${product.title}, ${price}. Sold out: have a look at the rest of the shop.`, [back]);
  return buttonTemplate(`${product.title}, ${price} plus shipping to your address.`, [productBuyButton(context, product), back]);
}

/** "Card", "PayPal", with "(test)" for test payments (their ids start with test_, §4.6). */
export function paymentMethod(credential: PaymentCredential, testPayment: boolean): string {
  const method = credential.provider_type === 'paypal' ? 'PayPal' : 'Card';
  return testPayment ? `${method} (test payment)` : method;
}

/**
 * The receipt address (§3.4) from the webhook's shipping address. The webhooks spell the street
 * `street1` (Tijara, the tables) or `street_1` (the 2016 payment example, §4.7); the receipt
 * template uses `street_1`.
 */
export function receiptAddress(address: WebhookAddress): ReceiptAddress {
  const street1 = address.street1 ?? address.street_1 ?? '';
  const street2 = address.street2 ?? address.street_2;
  return {
    street_1: street1,
    ...(street2 ? { street_2: street2 } : {}),
    city: address.city,
    postal_code: address.postal_code,
    state: address.state,
    country: address.country,
  };
}

export interface ReceiptInput {
  recipientName: string;
  orderNumber: string;
  currency: string;
  paymentMethod: string;
  /** Epoch milliseconds of the payment event. */
  timestamp: number;
  product: { title: string; subtitle?: string; image_url?: string; price: bigint };
  address?: WebhookAddress;
  subtotal: bigint;
  shipping: bigint;
  total: bigint;
}

/** The receipt template (§3.4). Amounts become JSON numbers here and only here. */
export function receipt(input: ReceiptInput, merchantName: string): ReceiptTemplate {
  const money = (minor: bigint): number => toReceiptNumber(minor, input.currency);
  const { product } = input;
  return receiptTemplate({
    recipient_name: input.recipientName,
    merchant_name: merchantName,
    order_number: input.orderNumber,
    currency: input.currency,
    payment_method: input.paymentMethod,
    timestamp: String(Math.floor(input.timestamp / 1000)),
    elements: [
      {
        title: product.title,
        ...(product.subtitle ? { subtitle: product.subtitle } : {}),
        quantity: 1,
        price: money(product.price),
        currency: input.currency,
        ...(product.image_url ? { image_url: product.image_url } : {}),
      },
    ],
    ...(input.address ? { address: receiptAddress(input.address) } : {}),
    summary: { subtotal: money(input.subtotal), shipping_cost: money(input.shipping), total_cost: money(input.total) },
  });
}
