import { Type, type Static } from '@sinclair/typebox';
import { limits } from './limits.js';
import { Page } from './pages.js';

export const Side = Type.Union([Type.Literal('shopper'), Type.Literal('page')]);
export type Side = Static<typeof Side>;

export const Message = Type.Object({
  id: Type.String({ description: 'Messenger-style message id (mid)' }),
  threadId: Type.String(),
  seq: Type.Number({ description: 'position in the thread, from 1' }),
  side: Side,
  clientId: Type.Union([Type.String(), Type.Null()]),
  text: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Number(),
  /** A Messenger attachment ({type, payload}): media or a template with buttons. */
  attachment: Type.Optional(Type.Unknown()),
  /** Messenger quick replies offered with this message. */
  quickReplies: Type.Optional(Type.Array(Type.Unknown())),
  /** The shopper tapped a quick reply: its payload. */
  quickReply: Type.Optional(Type.Object({ payload: Type.String() })),
  /** The shopper tapped a postback button (or Get Started). */
  postback: Type.Optional(Type.Object({ title: Type.String(), payload: Type.String() })),
  /** The bot app that sent it, for page messages sent through the Send API. */
  appId: Type.Optional(Type.String()),
});
export type Message = Static<typeof Message>;

/** Delivery and read marks of one side: every message of the other side up to seq is delivered/read. */
export const Marks = Type.Object({ deliveredSeq: Type.Number(), readSeq: Type.Number() });
export type Marks = Static<typeof Marks>;

export const ShopperSummary = Type.Object({ name: Type.String(), psid: Type.String() });

export const Thread = Type.Object({
  id: Type.String(),
  page: Page,
  shopper: ShopperSummary,
  lastMessage: Type.Union([Message, Type.Null()]),
  lastSeq: Type.Number(),
  unread: Type.Number({ description: 'messages from the other side not yet read by the viewer' }),
  marks: Type.Object({ shopper: Marks, page: Marks }),
  createdAt: Type.Number(),
});
export type Thread = Static<typeof Thread>;

export const ThreadList = Type.Object({
  data: Type.Array(Thread),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type ThreadList = Static<typeof ThreadList>;

export const MessageList = Type.Object({
  data: Type.Array(Message, { description: 'oldest first' }),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'pass as before= for older messages' }),
});
export type MessageList = Static<typeof MessageList>;

export const OpenConversationBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: limits.pageUsernameMax }),
    ref: Type.Optional(Type.String({ maxLength: limits.ref })),
    optin: Type.Optional(Type.String({ minLength: 1, maxLength: limits.ref, description: 'the data-ref of a "message us" opt-in link (/m/<username>?optin=…)' })),
  },
  { additionalProperties: false },
);
export type OpenConversationBody = Static<typeof OpenConversationBody>;

export const SendMessageBody = Type.Object(
  {
    clientId: Type.String({
      minLength: 1,
      maxLength: limits.clientId,
      description: 'chosen by the client; resending the same id returns the first message',
    }),
    text: Type.String({ minLength: 1, maxLength: limits.messageText }),
    quickReply: Type.Optional(
      Type.Object({ payload: Type.String({ maxLength: 1000 }) }, { additionalProperties: false, description: 'set when the text is the title of a tapped quick reply' }),
    ),
  },
  { additionalProperties: false },
);
export type SendMessageBody = Static<typeof SendMessageBody>;

/** The shopper tapped a postback button, a persistent-menu item or Get Started. */
export const PostbackBody = Type.Object(
  {
    clientId: Type.String({ minLength: 1, maxLength: limits.clientId }),
    title: Type.String({ minLength: 1, maxLength: 80 }),
    payload: Type.String({ maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type PostbackBody = Static<typeof PostbackBody>;

/** The page's Messenger profile as this shopper sees it. */
export const ThreadProfile = Type.Object({
  greeting: Type.Union([Type.String(), Type.Null()], { description: 'with {{user_first_name}} and friends filled in' }),
  getStarted: Type.Union([Type.Object({ payload: Type.String() }), Type.Null()], { description: 'show the Get Started screen while the thread is empty' }),
  persistentMenu: Type.Union([Type.Array(Type.Unknown()), Type.Null()], { description: 'call_to_actions for the shopper\'s language' }),
  composerInputDisabled: Type.Boolean(),
});
export type ThreadProfile = Static<typeof ThreadProfile>;

export const MarkBody = Type.Object(
  { seq: Type.Optional(Type.Integer({ minimum: 0, description: 'defaults to the thread\'s last message' })) },
  { additionalProperties: false },
);
export type MarkBody = Static<typeof MarkBody>;

export const TypingBody = Type.Object({ on: Type.Boolean() }, { additionalProperties: false });
export type TypingBody = Static<typeof TypingBody>;

export const HistoryQuery = Type.Object(
  {
    before: Type.Optional(Type.String()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: limits.pageSizeMax })),
  },
  { additionalProperties: false },
);
export type HistoryQuery = Static<typeof HistoryQuery>;

export const ListQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: limits.pageSizeMax })),
  },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof ListQuery>;
