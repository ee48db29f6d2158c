import type {
  AccountLinkingItem,
  CheckoutUpdateItem,
  DeliveryItem,
  MessageItem,
  OptinItem,
  Party,
  PaymentItem,
  PostbackItem,
  PreCheckoutItem,
  ReadItem,
  ReferralItem,
} from '@tijara/protocol/messenger';

// Each event is the wire item plus a `type` tag, so the fields are exactly the reference's and a
// `switch (event.type)` narrows them.

/** A user's message (text, attachments, quick reply). */
export type MessageEvent = MessageItem & { type: 'message' };
/** A copy of a message the page sent (`message.is_echo`); split out so echo loops cannot happen by accident. */
export type EchoEvent = MessageItem & { type: 'echo' };
export type PostbackEvent = PostbackItem & { type: 'postback' };
export type DeliveryEvent = DeliveryItem & { type: 'delivery' };
export type ReadEvent = ReadItem & { type: 'read' };
export type ReferralEvent = ReferralItem & { type: 'referral' };
export type OptinEvent = OptinItem & { type: 'optin' };
export type AccountLinkingEvent = AccountLinkingItem & { type: 'account_linking' };
export type PaymentEvent = PaymentItem & { type: 'payment' };
export type CheckoutUpdateEvent = CheckoutUpdateItem & { type: 'checkout_update' };
export type PreCheckoutEvent = PreCheckoutItem & { type: 'pre_checkout' };
/** A messaging item this SDK version does not know (handover, policy enforcement, …). */
export interface UnknownEvent {
  type: 'unknown';
  sender?: Party;
  recipient?: Party;
  timestamp?: number;
  item: Record<string, unknown>;
}

/**
 * Every webhook event, discriminated by `type`.
 * @example
 * bot.on('message', (event) => console.log(event.sender.id, event.message.text))
 */
export type WebhookEvent =
  | MessageEvent
  | EchoEvent
  | PostbackEvent
  | DeliveryEvent
  | ReadEvent
  | ReferralEvent
  | OptinEvent
  | AccountLinkingEvent
  | PaymentEvent
  | CheckoutUpdateEvent
  | PreCheckoutEvent
  | UnknownEvent;

/** Events that `on()` dispatches; the two payment callbacks that need an answer have their own hooks. */
export interface EventMap {
  message: MessageEvent;
  echo: EchoEvent;
  postback: PostbackEvent;
  delivery: DeliveryEvent;
  read: ReadEvent;
  referral: ReferralEvent;
  optin: OptinEvent;
  account_linking: AccountLinkingEvent;
  payment: PaymentEvent;
  unknown: UnknownEvent;
}

// Trust the platform for the inner shape (it is the one that validated what it sends); only the
// discriminating key is checked, so a field added later never breaks a bot.
export function toEvent(item: Record<string, unknown>): WebhookEvent {
  const message = item['message'];
  if (typeof message === 'object' && message !== null) {
    const echo = 'is_echo' in message && message.is_echo === true;
    return { ...(item as MessageItem), type: echo ? 'echo' : 'message' };
  }
  if ('postback' in item) return { ...(item as PostbackItem), type: 'postback' };
  if ('delivery' in item) return { ...(item as DeliveryItem), type: 'delivery' };
  if ('read' in item) return { ...(item as ReadItem), type: 'read' };
  if ('referral' in item) return { ...(item as ReferralItem), type: 'referral' };
  if ('optin' in item) return { ...(item as OptinItem), type: 'optin' };
  if ('account_linking' in item) return { ...(item as AccountLinkingItem), type: 'account_linking' };
  if ('payment' in item) return { ...(item as PaymentItem), type: 'payment' };
  if ('checkout_update' in item) return { ...(item as CheckoutUpdateItem), type: 'checkout_update' };
  if ('pre_checkout' in item) return { ...(item as PreCheckoutItem), type: 'pre_checkout' };
  const party = (value: unknown): Party | undefined =>
    typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string' ? { id: value.id } : undefined;
  const timestamp = typeof item['timestamp'] === 'number' ? item['timestamp'] : undefined;
  return { type: 'unknown', sender: party(item['sender']), recipient: party(item['recipient']), timestamp, item };
}
