import { Type, type Static } from '@sinclair/typebox';
import { messengerLimits as L } from './limits.js';
import { Absent, OneOf } from './common.js';
import { Attachment, MediaType, QuickReplies, UploadMediaPayload, UrlMediaPayload } from './attachments.js';

// Top-level request bodies allow unknown fields: Graph also carries `access_token` and
// `appsecret_proof` in the body (§2.1), and top-level fields kept being added (persona_id,
// one_time_notif_token…). Nested objects are strict, where a typo would lose data silently.

/** Exactly one way of addressing the user (§2.2); each branch refuses the others' fields. */
export const Recipient = Type.Union([
  Type.Object({ id: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
  Type.Object({ user_ref: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
  Type.Object(
    {
      phone_number: Type.String({ minLength: 1 }),
      name: Type.Optional(
        Type.Object({ first_name: Type.String(), last_name: Type.String() }, { additionalProperties: false }),
      ),
    },
    { additionalProperties: false },
  ),
  Type.Object({ post_id: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
  Type.Object({ comment_id: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
  Type.Object({ one_time_notif_token: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
]);
export type Recipient = Static<typeof Recipient>;

const messageExtras = {
  quick_replies: Type.Optional(QuickReplies),
  metadata: Type.Optional(Type.String({ maxLength: L.metadata })),
};

export const TextMessage = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: L.messageText }), attachment: Absent, ...messageExtras },
  { additionalProperties: false },
);
export type TextMessage = Static<typeof TextMessage>;

export const AttachmentMessage = Type.Object(
  { attachment: Attachment, text: Absent, ...messageExtras },
  { additionalProperties: false },
);
export type AttachmentMessage = Static<typeof AttachmentMessage>;

/** `message` of a send request: text or an attachment, never both (§2.3). */
export const OutgoingMessage = Type.Union([TextMessage, AttachmentMessage]);
export type OutgoingMessage = Static<typeof OutgoingMessage>;

/**
 * `messaging_type` (§2.2): absent in 2016, mandatory from 2018-05-07. The server defaults it to
 * RESPONSE for old bots; the SDK always sends it.
 */
export const MessagingType = OneOf(['RESPONSE', 'UPDATE', 'MESSAGE_TAG', 'NON_PROMOTIONAL_SUBSCRIPTION']);
export type MessagingType = Static<typeof MessagingType>;

/** Every tag of the 2017–2019 list, BUSINESS_PRODUCTIVITY (2018-09) and the 2020 list (§2.2). */
export const MessageTag = OneOf([
  'ACCOUNT_UPDATE',
  'APPLICATION_UPDATE',
  'APPOINTMENT_UPDATE',
  'BUSINESS_PRODUCTIVITY',
  'COMMUNITY_ALERT',
  'CONFIRMED_EVENT_REMINDER',
  'CONFIRMED_EVENT_UPDATE',
  'FEATURE_FUNCTIONALITY_UPDATE',
  'GAME_EVENT',
  'HUMAN_AGENT',
  'ISSUE_RESOLUTION',
  'NON_PROMOTIONAL_SUBSCRIPTION',
  'PAIRING_UPDATE',
  'PAYMENT_UPDATE',
  'PERSONAL_FINANCE_UPDATE',
  'POST_PURCHASE_UPDATE',
  'RESERVATION_UPDATE',
  'SHIPPING_UPDATE',
  'TICKET_UPDATE',
  'TRANSPORTATION_UPDATE',
]);
export type MessageTag = Static<typeof MessageTag>;

export const NotificationType = OneOf(['REGULAR', 'SILENT_PUSH', 'NO_PUSH']);
export type NotificationType = Static<typeof NotificationType>;

export const SenderAction = OneOf(['mark_seen', 'typing_on', 'typing_off']);
export type SenderAction = Static<typeof SenderAction>;

/**
 * POST /me/messages with a message. `tag` belongs with `messaging_type: MESSAGE_TAG` only; that
 * cross-field rule is the server's (JSON Schema would need if/then, which TypeBox does not type).
 */
export const SendMessageRequest = Type.Object({
  recipient: Recipient,
  message: OutgoingMessage,
  sender_action: Absent,
  messaging_type: Type.Optional(MessagingType),
  tag: Type.Optional(MessageTag),
  notification_type: Type.Optional(NotificationType),
  persona_id: Type.Optional(Type.String()),
});
export type SendMessageRequest = Static<typeof SendMessageRequest>;

/** POST /me/messages with a sender action: only `recipient` beside it (§2.2). */
export const SenderActionRequest = Type.Object({
  recipient: Recipient,
  sender_action: SenderAction,
  message: Absent,
  persona_id: Type.Optional(Type.String()),
});
export type SenderActionRequest = Static<typeof SenderActionRequest>;

export const SendRequest = Type.Union([SendMessageRequest, SenderActionRequest]);
export type SendRequest = Static<typeof SendRequest>;

/**
 * §2.4. `recipient_id` is absent for user_ref/phone_number recipients (from 2018-02-19);
 * `attachment_id` present when `is_reusable` was set. Message ids are opaque strings.
 */
export const SendResponse = Type.Object({
  recipient_id: Type.Optional(Type.String()),
  message_id: Type.String(),
  attachment_id: Type.Optional(Type.String()),
});
export type SendResponse = Static<typeof SendResponse>;

/** Sender actions answer with the recipient only. */
export const SenderActionResponse = Type.Object({ recipient_id: Type.String() });
export type SenderActionResponse = Static<typeof SenderActionResponse>;

/**
 * POST /me/message_attachments (§2.6). JSON bodies carry a `url`; multipart bodies send `message`
 * as a JSON string beside a `filedata` part and no url, so the server checks that one of the two
 * is there.
 */
export const AttachmentUploadRequest = Type.Object({
  message: Type.Object(
    {
      attachment: Type.Object(
        { type: MediaType, payload: Type.Union([UrlMediaPayload, UploadMediaPayload]) },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  ),
});
export type AttachmentUploadRequest = Static<typeof AttachmentUploadRequest>;

export const AttachmentUploadResponse = Type.Object({ attachment_id: Type.String() });
export type AttachmentUploadResponse = Static<typeof AttachmentUploadResponse>;
