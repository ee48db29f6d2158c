import { Type, type Static } from '@sinclair/typebox';
import { messengerLimits as L } from './limits.js';
import { HttpUrl, OneOf, Payload } from './common.js';
import { TemplatePayload } from './templates.js';

export const MediaType = OneOf(['image', 'audio', 'video', 'file']);
export type MediaType = Static<typeof MediaType>;

/** Media by URL; the platform fetches it. `is_reusable` makes the response carry an attachment_id. */
export const UrlMediaPayload = Type.Object(
  { url: HttpUrl, is_reusable: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type UrlMediaPayload = Static<typeof UrlMediaPayload>;

/** Media sent before with `is_reusable`, by id (ids are private to the page that uploaded them). */
export const ReusedMediaPayload = Type.Object({ attachment_id: Type.String({ minLength: 1 }) }, { additionalProperties: false });
export type ReusedMediaPayload = Static<typeof ReusedMediaPayload>;

/**
 * Media whose bytes arrive in a multipart `filedata` part (§2.1): neither url nor id. Only valid
 * with a file part, so the JSON `Attachment` union leaves it out; the multipart route uses this.
 */
export const UploadMediaPayload = Type.Object({ is_reusable: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export type UploadMediaPayload = Static<typeof UploadMediaPayload>;

export const MediaAttachment = Type.Object(
  { type: MediaType, payload: Type.Union([UrlMediaPayload, ReusedMediaPayload]) },
  { additionalProperties: false },
);
export type MediaAttachment = Static<typeof MediaAttachment>;

export const TemplateAttachment = Type.Object(
  { type: Type.Literal('template'), payload: TemplatePayload },
  { additionalProperties: false },
);
export type TemplateAttachment = Static<typeof TemplateAttachment>;

/** `message.attachment` of a send request (§2.3). */
export const Attachment = Type.Union([MediaAttachment, TemplateAttachment]);
export type Attachment = Static<typeof Attachment>;

/**
 * Quick replies (§2.3). `location` was added in v1.2 and removed around 2019; the user_phone_number
 * and user_email kinds are 2018 [U]. All are accepted: they cost nothing and old bots send them.
 */
export const TextQuickReply = Type.Object(
  {
    content_type: Type.Literal('text'),
    title: Type.String({ minLength: 1, maxLength: L.quickReplyTitle }),
    payload: Payload,
    image_url: Type.Optional(HttpUrl),
  },
  { additionalProperties: false },
);
export type TextQuickReply = Static<typeof TextQuickReply>;

export const LocationQuickReply = Type.Object(
  { content_type: Type.Literal('location') },
  { additionalProperties: false },
);
export type LocationQuickReply = Static<typeof LocationQuickReply>;

export const PhoneQuickReply = Type.Object({ content_type: Type.Literal('user_phone_number') }, { additionalProperties: false });
export type PhoneQuickReply = Static<typeof PhoneQuickReply>;

export const EmailQuickReply = Type.Object({ content_type: Type.Literal('user_email') }, { additionalProperties: false });
export type EmailQuickReply = Static<typeof EmailQuickReply>;

export const QuickReply = Type.Union([TextQuickReply, LocationQuickReply, PhoneQuickReply, EmailQuickReply]);
export type QuickReply = Static<typeof QuickReply>;

/** An empty list is accepted and means none, as bots built from data send `quick_replies: []`. */
export const QuickReplies = Type.Array(QuickReply, { maxItems: L.quickReplies });
export type QuickReplies = Static<typeof QuickReplies>;
