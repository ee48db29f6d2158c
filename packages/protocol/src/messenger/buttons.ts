import { Type, type Static } from '@sinclair/typebox';
import { messengerLimits as L } from './limits.js';
import { Currency, DecimalAmount, HttpUrl, OneOf, Payload } from './common.js';

// Buttons are requests the server validates, so unknown fields are refused: a misspelt
// `webview_height_ratio` would otherwise be dropped silently. Every field the reference lists
// (§3.7, including the 2017 additions) is declared.

export const WebviewHeightRatio = OneOf(['compact', 'tall', 'full']);
export type WebviewHeightRatio = Static<typeof WebviewHeightRatio>;

const urlButtonFields = {
  type: Type.Literal('web_url'),
  url: HttpUrl,
  webview_height_ratio: Type.Optional(WebviewHeightRatio),
  messenger_extensions: Type.Optional(Type.Boolean()),
  fallback_url: Type.Optional(HttpUrl),
  webview_share_button: Type.Optional(Type.Literal('hide')),
};

/** Opens a URL or a webview. */
export const UrlButton = Type.Object(
  { ...urlButtonFields, title: Type.String({ minLength: 1, maxLength: L.buttonTitle }) },
  { additionalProperties: false },
);
export type UrlButton = Static<typeof UrlButton>;

/** Tap target of a generic/list element: a URL button without a title (§3.1). */
export const DefaultAction = Type.Object(urlButtonFields, { additionalProperties: false });
export type DefaultAction = Static<typeof DefaultAction>;

/** Fires a `messaging_postbacks` webhook with the payload. */
export const PostbackButton = Type.Object(
  {
    type: Type.Literal('postback'),
    title: Type.String({ minLength: 1, maxLength: L.buttonTitle }),
    payload: Payload,
  },
  { additionalProperties: false },
);
export type PostbackButton = Static<typeof PostbackButton>;

/** Dials a phone number, written in E.164 (`+16505551234`). */
export const CallButton = Type.Object(
  {
    type: Type.Literal('phone_number'),
    title: Type.String({ minLength: 1, maxLength: L.buttonTitle }),
    payload: Type.String({ pattern: '^\\+[1-9][0-9]{4,14}$' }),
  },
  { additionalProperties: false },
);
export type CallButton = Static<typeof CallButton>;

export const RequestedUserInfoField = OneOf(['shipping_address', 'contact_name', 'contact_phone', 'contact_email']);
export type RequestedUserInfoField = Static<typeof RequestedUserInfoField>;

/** One line of the checkout sheet. `amount` a decimal string ("29.99"); numbers are accepted too. */
export const PriceLine = Type.Object(
  { label: Type.String({ minLength: 1 }), amount: DecimalAmount },
  { additionalProperties: false },
);
export type PriceLine = Static<typeof PriceLine>;

/** §4.2: what the Buy button charges. `price_list` lives inside the summary (docs, not MOL). */
export const PaymentSummary = Type.Object(
  {
    currency: Currency,
    payment_type: OneOf(['FIXED_AMOUNT', 'FLEXIBLE_AMOUNT']),
    is_test_payment: Type.Optional(Type.Boolean()),
    merchant_name: Type.String({ minLength: 1 }),
    requested_user_info: Type.Array(RequestedUserInfoField, { uniqueItems: true }),
    price_list: Type.Array(PriceLine, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type PaymentSummary = Static<typeof PaymentSummary>;

/**
 * The Buy button (§4.2). 2016–2017 docs required the title "buy"; a later page allows any text.
 * Any title up to the button limit is accepted so bots of both eras work.
 */
export const PaymentButton = Type.Object(
  {
    type: Type.Literal('payment'),
    title: Type.String({ minLength: 1, maxLength: L.buttonTitle }),
    payload: Payload,
    payment_summary: PaymentSummary,
  },
  { additionalProperties: false },
);
export type PaymentButton = Static<typeof PaymentButton>;

/** Native share sheet (v1.2, dropped 2019). `share_contents` is a generic template; kept opaque. */
export const ShareButton = Type.Object(
  { type: Type.Literal('element_share'), share_contents: Type.Optional(Type.Object({})) },
  { additionalProperties: false },
);
export type ShareButton = Static<typeof ShareButton>;

export const AccountLinkButton = Type.Object(
  { type: Type.Literal('account_link'), url: HttpUrl },
  { additionalProperties: false },
);
export type AccountLinkButton = Static<typeof AccountLinkButton>;

export const AccountUnlinkButton = Type.Object({ type: Type.Literal('account_unlink') }, { additionalProperties: false });
export type AccountUnlinkButton = Static<typeof AccountUnlinkButton>;

/** Any button allowed in a template. */
export const Button = Type.Union([
  UrlButton,
  PostbackButton,
  CallButton,
  PaymentButton,
  ShareButton,
  AccountLinkButton,
  AccountUnlinkButton,
]);
export type Button = Static<typeof Button>;

/**
 * A Buy button must be the first button of its element (§3.1). JSON Schema cannot say "only
 * first", so the server calls this after the schema check. Returns the index of a misplaced
 * payment button, or -1.
 */
export function misplacedPaymentButton(buttons: readonly { type: string }[] | undefined): number {
  if (!buttons) return -1;
  return buttons.findIndex((button, index) => button.type === 'payment' && index > 0);
}
