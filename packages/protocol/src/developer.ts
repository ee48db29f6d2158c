import { Type, type Static } from '@sinclair/typebox';

/** Webhook fields an app can subscribe to, as in the Messenger Platform. */
export const webhookFields = [
  'messages',
  'messaging_postbacks',
  'message_deliveries',
  'message_reads',
  'message_echoes',
  'messaging_referrals',
  'messaging_optins',
  'messaging_payments',
  'messaging_checkout_updates',
  'messaging_pre_checkouts',
] as const;
export const WebhookField = Type.Union(webhookFields.map((field) => Type.Literal(field)));
export type WebhookField = Static<typeof WebhookField>;

export const PageTokenView = Type.Object({
  id: Type.String(),
  hint: Type.String({ description: 'the last characters of the token' }),
  createdAt: Type.Number(),
  revokedAt: Type.Union([Type.Number(), Type.Null()]),
});
export type PageTokenView = Static<typeof PageTokenView>;

export const ConnectedPage = Type.Object({
  pageId: Type.String(),
  pageName: Type.String(),
  username: Type.String(),
  subscribed: Type.Boolean({ description: 'the app receives this page\'s webhooks' }),
  tokens: Type.Array(PageTokenView),
});
export type ConnectedPage = Static<typeof ConnectedPage>;

export const WebhookView = Type.Object({
  callbackUrl: Type.String(),
  fields: Type.Array(WebhookField),
  failingSince: Type.Union([Type.Number(), Type.Null()]),
  warnedAt: Type.Union([Type.Number(), Type.Null()], { description: 'set after 15 minutes of failing deliveries' }),
  disabledAt: Type.Union([Type.Number(), Type.Null()]),
  disabledReason: Type.Union([Type.String(), Type.Null()]),
});
export type WebhookView = Static<typeof WebhookView>;

export const DeveloperApp = Type.Object({
  id: Type.String({ description: 'Messenger-style app id: 16 digits' }),
  name: Type.String(),
  requireAppSecretProof: Type.Boolean(),
  secretRotatedAt: Type.Number(),
  createdAt: Type.Number(),
  webhook: Type.Union([WebhookView, Type.Null()]),
  pages: Type.Array(ConnectedPage),
});
export type DeveloperApp = Static<typeof DeveloperApp>;

export const DeveloperAppList = Type.Object({ data: Type.Array(DeveloperApp) });
export type DeveloperAppList = Static<typeof DeveloperAppList>;

/** Returned once, when the app is created or its secret rotated. */
export const AppWithSecret = Type.Object({ app: DeveloperApp, appSecret: Type.String() });
export type AppWithSecret = Static<typeof AppWithSecret>;

export const IssuedPageToken = Type.Object({ app: DeveloperApp, pageAccessToken: Type.String({ description: 'shown once; only its hash is stored' }) });
export type IssuedPageToken = Static<typeof IssuedPageToken>;

export const CreateAppBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 80 }) }, { additionalProperties: false });
export type CreateAppBody = Static<typeof CreateAppBody>;

export const UpdateAppBody = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })), requireAppSecretProof: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type UpdateAppBody = Static<typeof UpdateAppBody>;

export const SetWebhookBody = Type.Object(
  {
    callbackUrl: Type.String({ minLength: 1, maxLength: 2048 }),
    verifyToken: Type.String({ minLength: 1, maxLength: 256 }),
    fields: Type.Array(WebhookField, { minItems: 1, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type SetWebhookBody = Static<typeof SetWebhookBody>;

export const ConnectPageBody = Type.Object({ pageId: Type.String({ pattern: '^[0-9]{1,20}$' }) }, { additionalProperties: false });
export type ConnectPageBody = Static<typeof ConnectPageBody>;

export const WebhookDelivery = Type.Object({
  id: Type.String(),
  field: Type.String(),
  pageId: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
  attempts: Type.Number(),
  createdAt: Type.Number(),
  deliveredAt: Type.Union([Type.Number(), Type.Null()]),
  nextAttemptAt: Type.Union([Type.Number(), Type.Null()]),
  lastStatusCode: Type.Union([Type.Number(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  lastLatencyMs: Type.Union([Type.Number(), Type.Null()]),
  lastResponse: Type.Union([Type.String(), Type.Null()], { description: 'the first 500 characters of the answer' }),
  body: Type.String({ description: 'the JSON sent' }),
});
export type WebhookDelivery = Static<typeof WebhookDelivery>;

export const WebhookDeliveryList = Type.Object({ data: Type.Array(WebhookDelivery), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type WebhookDeliveryList = Static<typeof WebhookDeliveryList>;
