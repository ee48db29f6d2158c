import { Type, type Static } from '@sinclair/typebox';
import { Currency, DecimalAmount, OneOf, Party } from './common.js';
import { PriceLine } from './buttons.js';

// Payment webhooks (§4.4–4.6) and the two synchronous replies. Events are what Tijara sends and
// bots parse, so they stay open to extra fields: a bot must not break when a field is added.

/**
 * Shipping address as the payment webhooks carry it. Tijara emits `street1`/`street2` (§4.7);
 * `street_1`/`street_2` are declared because the 2016 payment example used them. `id` was a
 * JSON number in the checkout_update example although documented as a string.
 */
export const WebhookAddress = Type.Object({
  id: Type.Optional(Type.Union([Type.String(), Type.Number()])),
  name: Type.Optional(Type.String()),
  street1: Type.Optional(Type.String()),
  street2: Type.Optional(Type.String()),
  street_1: Type.Optional(Type.String()),
  street_2: Type.Optional(Type.String()),
  city: Type.String(),
  state: Type.String(),
  country: Type.String(),
  postal_code: Type.String(),
});
export type WebhookAddress = Static<typeof WebhookAddress>;

/** Only the keys the Buy button requested are present. */
export const RequestedUserInfo = Type.Object({
  shipping_address: Type.Optional(WebhookAddress),
  contact_name: Type.Optional(Type.String()),
  contact_email: Type.Optional(Type.String()),
  contact_phone: Type.Optional(Type.String()),
});
export type RequestedUserInfo = Static<typeof RequestedUserInfo>;

/** `amount` is a decimal string in the docs ("29.62"); RFB's fixture used a number. */
export const PaymentAmount = Type.Object({ currency: Currency, amount: DecimalAmount });
export type PaymentAmount = Static<typeof PaymentAmount>;

export const CheckoutUpdate = Type.Object({ payload: Type.String(), shipping_address: WebhookAddress });
export type CheckoutUpdate = Static<typeof CheckoutUpdate>;

export const PreCheckout = Type.Object({
  payload: Type.String(),
  requested_user_info: RequestedUserInfo,
  amount: PaymentAmount,
});
export type PreCheckout = Static<typeof PreCheckout>;

/**
 * Stripe/PayPal fill `charge_id`; tokenized payments fill the PGP blobs and expiry (strings), the
 * others being null. Test payments use `test_charge_id_12345` / `test_payment_id_12345`.
 */
export const PaymentCredential = Type.Object({
  provider_type: OneOf(['stripe', 'paypal', 'token']),
  charge_id: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  fb_payment_id: Type.String(),
  tokenized_card: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  tokenized_cvv: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  token_expiry_month: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  token_expiry_year: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export type PaymentCredential = Static<typeof PaymentCredential>;

export const Payment = Type.Object({
  payload: Type.String(),
  requested_user_info: RequestedUserInfo,
  payment_credential: PaymentCredential,
  amount: PaymentAmount,
  /** Flexible-amount payments only: the option chosen from the checkout_update reply. */
  shipping_option_id: Type.Optional(Type.String()),
});
export type Payment = Static<typeof Payment>;

const item = { sender: Party, recipient: Party, timestamp: Type.Number() };

export const CheckoutUpdateItem = Type.Object({ ...item, checkout_update: CheckoutUpdate });
export type CheckoutUpdateItem = Static<typeof CheckoutUpdateItem>;
export const PreCheckoutItem = Type.Object({ ...item, pre_checkout: PreCheckout });
export type PreCheckoutItem = Static<typeof PreCheckoutItem>;
export const PaymentItem = Type.Object({ ...item, payment: Payment });
export type PaymentItem = Static<typeof PaymentItem>;

export const ShippingOption = Type.Object({
  option_id: Type.String({ minLength: 1 }),
  option_title: Type.String({ minLength: 1 }),
  price_list: Type.Array(PriceLine),
});
export type ShippingOption = Static<typeof ShippingOption>;

/** The HTTP response body to a checkout_update POST (§4.4). */
export const CheckoutUpdateReply = Type.Object({ shipping: Type.Array(ShippingOption) });
export type CheckoutUpdateReply = Static<typeof CheckoutUpdateReply>;

/**
 * The HTTP response body to a pre_checkout POST (§4.5); `false` fails the checkout without a
 * charge. No error-message field is documented [U]; extra fields are allowed and ignored.
 */
export const PreCheckoutReply = Type.Object({ success: Type.Boolean() });
export type PreCheckoutReply = Static<typeof PreCheckoutReply>;
