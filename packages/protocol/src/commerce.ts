import { Type, type Static } from '@sinclair/typebox';
import { Contact } from './wallet.js';

/** An amount in minor units with its currency and the text to show ("29.99"). */
export const Money = Type.Object({
  amount: Type.Integer({ description: 'minor units: cents for USD, fils for KWD, yen for JPY' }),
  currency: Type.String(),
  decimal: Type.String({ description: 'the same amount as a decimal string, e.g. "29.99"' }),
});
export type Money = Static<typeof Money>;

export const PriceLine = Type.Object({ label: Type.String(), amount: Money });
export type PriceLine = Static<typeof PriceLine>;

export const ShippingOption = Type.Object({ id: Type.String(), title: Type.String(), priceList: Type.Array(PriceLine), total: Money });
export type ShippingOption = Static<typeof ShippingOption>;

export const RequestedInfo = Type.Union([Type.Literal('shipping_address'), Type.Literal('contact_name'), Type.Literal('contact_email'), Type.Literal('contact_phone')]);
export type RequestedInfo = Static<typeof RequestedInfo>;

export const OrderStatus = Type.Union(['paid', 'shipped', 'delivered', 'partially_refunded', 'refunded', 'cancelled'].map((s) => Type.Literal(s)));
export type OrderStatus = 'paid' | 'shipped' | 'delivered' | 'partially_refunded' | 'refunded' | 'cancelled';

export const ShippingAddress = Type.Object({
  name: Type.String(),
  street1: Type.String(),
  street2: Type.String(),
  city: Type.String(),
  state: Type.String(),
  postalCode: Type.String(),
  country: Type.String(),
});
export type ShippingAddress = Static<typeof ShippingAddress>;

export const OrderEvent = Type.Object({ from: Type.Union([Type.String(), Type.Null()]), to: Type.String(), note: Type.Union([Type.String(), Type.Null()]), actor: Type.String(), at: Type.Number() });

export const Refund = Type.Object({ id: Type.String(), amount: Money, reason: Type.Union([Type.String(), Type.Null()]), status: Type.String(), createdAt: Type.Number() });
export type Refund = Static<typeof Refund>;

export const Order = Type.Object({
  id: Type.String(),
  number: Type.String(),
  status: OrderStatus,
  pageId: Type.String(),
  pageName: Type.String(),
  threadId: Type.String(),
  shopperName: Type.String(),
  lines: Type.Array(PriceLine),
  shippingOption: Type.Union([Type.Object({ id: Type.String(), title: Type.String() }), Type.Null()]),
  total: Money,
  refunded: Money,
  shippingAddress: Type.Union([ShippingAddress, Type.Null()]),
  contact: Type.Union([Type.Partial(Contact), Type.Null()]),
  paymentMethod: Type.String({ description: 'e.g. "Visa •••• 4242"' }),
  provider: Type.String(),
  isTest: Type.Boolean({ description: 'a test payment: no real money moved' }),
  refunds: Type.Array(Refund),
  events: Type.Array(OrderEvent),
  nextStatuses: Type.Array(Type.String(), { description: 'what the merchant may move it to' }),
  createdAt: Type.Number(),
});
export type Order = Static<typeof Order>;

export const OrderList = Type.Object({ data: Type.Array(Order), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type OrderList = Static<typeof OrderList>;

export const Checkout = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('paying'), Type.Literal('paid')]),
  merchantName: Type.String(),
  pageName: Type.String(),
  paymentType: Type.Union([Type.Literal('FIXED_AMOUNT'), Type.Literal('FLEXIBLE_AMOUNT')]),
  isTest: Type.Boolean(),
  privacyUrl: Type.Union([Type.String(), Type.Null()]),
  requestedUserInfo: Type.Array(RequestedInfo),
  priceList: Type.Array(PriceLine),
  /** FLEXIBLE_AMOUNT: the options the bot answered for the chosen address (null until one is chosen). */
  shippingOptions: Type.Union([Type.Array(ShippingOption), Type.Null()]),
  shippingAddressId: Type.Union([Type.String(), Type.Null()]),
  /** The button's lines, before shipping. */
  subtotal: Money,
  /** The last failure of this checkout, shown on the sheet (a decline, a refusal by the shop). */
  failure: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
  order: Type.Union([Order, Type.Null()]),
});
export type Checkout = Static<typeof Checkout>;

export const OpenCheckoutBody = Type.Object(
  {
    messageId: Type.String({ maxLength: 40, description: 'the message holding the Buy button' }),
    buttonPath: Type.String({ maxLength: 60, description: 'where the button is in the template, e.g. "elements.0.buttons.0"' }),
  },
  { additionalProperties: false },
);
export type OpenCheckoutBody = Static<typeof OpenCheckoutBody>;

export const ShippingAddressBody = Type.Object({ addressId: Type.String({ maxLength: 40 }) }, { additionalProperties: false });
export type ShippingAddressBody = Static<typeof ShippingAddressBody>;

export const PayBody = Type.Object(
  {
    idempotencyKey: Type.String({ minLength: 8, maxLength: 80, description: 'one per Pay tap; a retry with the same key never charges twice' }),
    cardId: Type.String({ maxLength: 40 }),
    addressId: Type.Optional(Type.String({ maxLength: 40 })),
    shippingOptionId: Type.Optional(Type.String({ maxLength: 100 })),
    contact: Type.Optional(Type.Partial(Type.Object({ name: Type.String({ maxLength: 100 }), email: Type.String({ maxLength: 254 }), phone: Type.String({ maxLength: 30 }) }), { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type PayBody = Static<typeof PayBody>;

export const PayResult = Type.Union([
  Type.Object({ status: Type.Literal('paid'), order: Order }),
  Type.Object({ status: Type.Literal('failed'), code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
]);
export type PayResult = Static<typeof PayResult>;

export const RefundBody = Type.Object(
  {
    idempotencyKey: Type.String({ minLength: 8, maxLength: 80 }),
    amount: Type.Optional(Type.Integer({ minimum: 1, description: 'minor units; omit for the whole remaining amount' })),
    reason: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type RefundBody = Static<typeof RefundBody>;

export const OrderStatusBody = Type.Object(
  { status: Type.Union([Type.Literal('shipped'), Type.Literal('delivered'), Type.Literal('cancelled')]), note: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
export type OrderStatusBody = Static<typeof OrderStatusBody>;

export const PaymentSettingsView = Type.Object({
  provider: Type.Union([Type.Literal('test'), Type.Literal('stripe'), Type.Literal('token')]),
  stripeKeyHint: Type.Union([Type.String(), Type.Null()], { description: 'the last characters of the saved Stripe key' }),
  privacyUrl: Type.Union([Type.String(), Type.Null()]),
  publicKey: Type.Boolean({ description: 'a PGP public key is set (payment_settings.public_key)' }),
  testers: Type.Array(Type.String()),
});
export type PaymentSettingsView = Static<typeof PaymentSettingsView>;

export const PaymentSettingsBody = Type.Object(
  {
    provider: Type.Union([Type.Literal('test'), Type.Literal('stripe'), Type.Literal('token')]),
    stripeSecretKey: Type.Optional(Type.String({ pattern: '^(sk|rk)_(test|live)_[A-Za-z0-9]{8,}$', description: 'required to switch to Stripe' })),
  },
  { additionalProperties: false },
);
export type PaymentSettingsBody = Static<typeof PaymentSettingsBody>;

export const BetaApplication = Type.Object({
  appId: Type.String(),
  appName: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]),
  useCase: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  appliedAt: Type.Number(),
  decidedAt: Type.Union([Type.Number(), Type.Null()]),
});
export type BetaApplication = Static<typeof BetaApplication>;

export const ApplyForPaymentsBody = Type.Object({ useCase: Type.String({ minLength: 10, maxLength: 1000, description: 'what the app sells and how' }) }, { additionalProperties: false });
export type ApplyForPaymentsBody = Static<typeof ApplyForPaymentsBody>;

export const DecisionBody = Type.Object({ approve: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export type DecisionBody = Static<typeof DecisionBody>;
