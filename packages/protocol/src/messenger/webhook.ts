import { Type, type Static } from '@sinclair/typebox';
import { OneOf, Party } from './common.js';
import { MediaType } from './attachments.js';
import { TemplatePayload } from './templates.js';
import { CheckoutUpdateItem, PaymentItem, PreCheckoutItem } from './webhook-payments.js';

// Webhook events (§5.3–5.4). Sent by Tijara, parsed by bots: no `additionalProperties: false`
// anywhere, so a bot keeps working when the platform adds a field.

export const InboundAttachment = Type.Union([
  Type.Object({
    type: MediaType,
    payload: Type.Object({ url: Type.String(), sticker_id: Type.Optional(Type.Number()) }),
  }),
  Type.Object({
    type: Type.Literal('location'),
    payload: Type.Object({ coordinates: Type.Object({ lat: Type.Number(), long: Type.Number() }) }),
    title: Type.Optional(Type.String()),
    url: Type.Optional(Type.String()),
  }),
  Type.Object({
    type: Type.Literal('fallback'),
    payload: Type.Optional(Type.Null()),
    title: Type.Optional(Type.String()),
    url: Type.Optional(Type.String()),
  }),
  /** Echoes mirror the templates the page sent; users may share generic templates. */
  Type.Object({ type: Type.Literal('template'), payload: TemplatePayload }),
]);
export type InboundAttachment = Static<typeof InboundAttachment>;

/**
 * A user's message, or an echo of the page's (`is_echo: true`, with `app_id` of the sending app,
 * absent when a person replied from the inbox, and the sender's `metadata`). A tapped quick reply
 * arrives as text equal to its title plus `quick_reply.payload`. `seq` is deprecated (Nov 2016).
 */
export const InboundMessage = Type.Object({
  mid: Type.String(),
  seq: Type.Optional(Type.Number()),
  text: Type.Optional(Type.String()),
  quick_reply: Type.Optional(Type.Object({ payload: Type.String() })),
  attachments: Type.Optional(Type.Array(InboundAttachment)),
  sticker_id: Type.Optional(Type.Number()),
  is_echo: Type.Optional(Type.Boolean()),
  app_id: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  metadata: Type.Optional(Type.String()),
  reply_to: Type.Optional(Type.Object({ mid: Type.String() })),
});
export type InboundMessage = Static<typeof InboundMessage>;

export const ReferralSource = OneOf(['SHORTLINK', 'ADS', 'MESSENGER_CODE', 'DISCOVER_TAB', 'CUSTOMER_CHAT_PLUGIN']);
export type ReferralSource = Static<typeof ReferralSource>;

/** Where the user came from: the `ref` of `/m/<username>?ref=…`, an ad, a code. */
export const Referral = Type.Object({
  ref: Type.Optional(Type.String()),
  source: ReferralSource,
  type: Type.Literal('OPEN_THREAD'),
  ad_id: Type.Optional(Type.String()),
  referer_uri: Type.Optional(Type.String()),
});
export type Referral = Static<typeof Referral>;

/** `title` came later (≈2017) and may be null; `payload` is absent only for standby receivers. */
export const Postback = Type.Object({
  title: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  payload: Type.Optional(Type.String()),
  referral: Type.Optional(Referral),
  mid: Type.Optional(Type.String()),
});
export type Postback = Static<typeof Postback>;

/** Every message up to `watermark` (ms) is delivered; `mids` optional. */
export const Delivery = Type.Object({
  mids: Type.Optional(Type.Array(Type.String())),
  watermark: Type.Number(),
  seq: Type.Optional(Type.Number()),
});
export type Delivery = Static<typeof Delivery>;

export const Read = Type.Object({ watermark: Type.Number(), seq: Type.Optional(Type.Number()) });
export type Read = Static<typeof Read>;

/** Send-to-Messenger (`ref`) or checkbox plugin (`user_ref`, and then no `sender`). */
export const Optin = Type.Object({
  ref: Type.Optional(Type.String()),
  user_ref: Type.Optional(Type.String()),
  message_request: Type.Optional(Type.Literal('accept')),
});
export type Optin = Static<typeof Optin>;

export const AccountLinking = Type.Union([
  Type.Object({ status: Type.Literal('linked'), authorization_code: Type.String() }),
  Type.Object({ status: Type.Literal('unlinked') }),
]);
export type AccountLinking = Static<typeof AccountLinking>;

const item = { sender: Party, recipient: Party, timestamp: Type.Number() };

export const MessageItem = Type.Object({
  ...item,
  message: InboundMessage,
  prior_message: Type.Optional(
    Type.Object({ source: OneOf(['checkbox_plugin', 'customer_matching']), identifier: Type.String() }),
  ),
});
export type MessageItem = Static<typeof MessageItem>;
export const PostbackItem = Type.Object({ ...item, postback: Postback });
export type PostbackItem = Static<typeof PostbackItem>;
/** `timestamp` can be absent on deliveries (§5.3). */
export const DeliveryItem = Type.Object({ ...item, timestamp: Type.Optional(Type.Number()), delivery: Delivery });
export type DeliveryItem = Static<typeof DeliveryItem>;
export const ReadItem = Type.Object({ ...item, read: Read });
export type ReadItem = Static<typeof ReadItem>;
export const ReferralItem = Type.Object({ ...item, referral: Referral });
export type ReferralItem = Static<typeof ReferralItem>;
/** No `sender` for checkbox-plugin opt-ins: reply with `recipient: {user_ref}`. */
export const OptinItem = Type.Object({ ...item, sender: Type.Optional(Party), optin: Optin });
export type OptinItem = Static<typeof OptinItem>;
export const AccountLinkingItem = Type.Object({ ...item, account_linking: AccountLinking });
export type AccountLinkingItem = Static<typeof AccountLinkingItem>;

/** One element of `entry[].messaging`; the event is named by its key (§5.3). */
export const MessagingItem = Type.Union([
  MessageItem,
  PostbackItem,
  DeliveryItem,
  ReadItem,
  ReferralItem,
  OptinItem,
  AccountLinkingItem,
  CheckoutUpdateItem,
  PreCheckoutItem,
  PaymentItem,
]);
export type MessagingItem = Static<typeof MessagingItem>;

/** `time` in epoch milliseconds. Tijara puts exactly one item in `messaging` per entry. */
export const WebhookEntry = Type.Object({
  id: Type.String(),
  time: Type.Number(),
  messaging: Type.Optional(Type.Array(MessagingItem)),
  standby: Type.Optional(Type.Array(MessagingItem)),
});
export type WebhookEntry = Static<typeof WebhookEntry>;

/** The body of every webhook POST. */
export const WebhookEnvelope = Type.Object({ object: Type.Literal('page'), entry: Type.Array(WebhookEntry) });
export type WebhookEnvelope = Static<typeof WebhookEnvelope>;

/** GET <callback>?hub.mode=subscribe&hub.verify_token=…&hub.challenge=… (§5.1). */
export const WebhookVerificationQuery = Type.Object({
  'hub.mode': Type.Literal('subscribe'),
  'hub.verify_token': Type.String(),
  'hub.challenge': Type.String(),
});
export type WebhookVerificationQuery = Static<typeof WebhookVerificationQuery>;

/**
 * Signature headers (§5.5): `sha1=<hex>` and `sha256=<hex>`, lower-case hex HMAC of the raw body
 * keyed with the app secret. Tijara sends both; node lower-cases header names.
 */
export const signatureHeaders = { sha1: 'x-hub-signature', sha256: 'x-hub-signature-256' } as const;
