import { Type, type Static } from '@sinclair/typebox';
import { Message, Marks, Side } from './messaging.js';

/**
 * What the socket pushes. Events with an `id` come from the outbox and are replayed after a reconnect
 * (`/api/socket?since=<last id>`); typing is ephemeral and never replayed.
 */
export const MessageCreated = Type.Object({
  id: Type.Number(),
  type: Type.Literal('message.created'),
  threadId: Type.String(),
  pageId: Type.String(),
  message: Message,
});

export const MarksChanged = Type.Object({
  id: Type.Number(),
  type: Type.Literal('marks.changed'),
  threadId: Type.String(),
  pageId: Type.String(),
  side: Side,
  marks: Marks,
  previous: Type.Optional(Marks),
});

/** A shopper opened an existing conversation through a link with ?ref=: for bots only, never pushed to sockets. */
export const ReferralReceived = Type.Object({
  id: Type.Number(),
  type: Type.Literal('referral.received'),
  threadId: Type.String(),
  pageId: Type.String(),
  ref: Type.String(),
  at: Type.Number(),
});

export const TypingChanged = Type.Object({
  type: Type.Literal('typing.changed'),
  threadId: Type.String(),
  pageId: Type.String(),
  side: Side,
  on: Type.Boolean(),
});

/** Sent once after connect and replay: everything up to `lastEventId` has been sent. */
export const Ready = Type.Object({ type: Type.Literal('ready'), lastEventId: Type.Number() });

export const SocketFrame = Type.Union([MessageCreated, MarksChanged, TypingChanged, Ready]);
export type SocketFrame = Static<typeof SocketFrame>;
/** A shopper opted in through a link with ?optin=: for bots only. */
export const OptinReceived = Type.Object({
  id: Type.Number(),
  type: Type.Literal('optin.received'),
  threadId: Type.String(),
  pageId: Type.String(),
  ref: Type.String(),
  at: Type.Number(),
});

/** A checkout was paid: becomes the messaging_payments webhook (its `payment` is already in the Messenger shape). */
export const PaymentCompleted = Type.Object({
  id: Type.Number(),
  type: Type.Literal('payment.completed'),
  threadId: Type.String(),
  pageId: Type.String(),
  at: Type.Number(),
  payment: Type.Record(Type.String(), Type.Unknown()),
});

export type SocketEvent = Static<typeof MessageCreated> | Static<typeof MarksChanged>;
export type StoredEvent = SocketEvent | Static<typeof ReferralReceived> | Static<typeof OptinReceived> | Static<typeof PaymentCompleted>;
