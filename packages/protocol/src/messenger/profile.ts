import { Type, type Static } from '@sinclair/typebox';
import { messengerLimits as L } from './limits.js';
import { HttpUrl, OneOf, Payload } from './common.js';
import { PersistentMenu } from './menu.js';

// Messenger Profile API (§6.4, v1.4+), its thread_settings predecessor, and the User Profile API
// (§6.5). Top-level bodies allow unknown fields (auth parameters may ride in the body, §2.1);
// nested objects are strict.

/** Welcome text; may use {{user_first_name}}, {{user_last_name}}, {{user_full_name}}. */
export const Greeting = Type.Object(
  { locale: Type.String({ minLength: 1 }), text: Type.String({ minLength: 1, maxLength: L.greetingText }) },
  { additionalProperties: false },
);
export type Greeting = Static<typeof Greeting>;

/** §4.9: testers are PSIDs; the field is `testers` (MAPI's `test_users` is likely wrong). */
export const PaymentSettings = Type.Object(
  {
    privacy_url: Type.Optional(HttpUrl),
    public_key: Type.Optional(Type.String({ minLength: 1 })),
    testers: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
  },
  { additionalProperties: false },
);
export type PaymentSettings = Static<typeof PaymentSettings>;

export const TargetAudience = Type.Object(
  {
    audience_type: OneOf(['all', 'custom', 'none']),
    countries: Type.Optional(
      Type.Object(
        { whitelist: Type.Optional(Type.Array(Type.String())), blacklist: Type.Optional(Type.Array(Type.String())) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type TargetAudience = Static<typeof TargetAudience>;

export const HomeUrl = Type.Object(
  {
    url: HttpUrl,
    webview_height_ratio: Type.Literal('tall'),
    webview_share_button: Type.Optional(OneOf(['show', 'hide'])),
    in_test: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type HomeUrl = Static<typeof HomeUrl>;

/** POST /me/messenger_profile sets only the properties present. */
export const MessengerProfile = Type.Object({
  get_started: Type.Optional(Type.Object({ payload: Payload }, { additionalProperties: false })),
  greeting: Type.Optional(Type.Array(Greeting, { minItems: 1 })),
  persistent_menu: Type.Optional(Type.Array(PersistentMenu, { minItems: 1 })),
  whitelisted_domains: Type.Optional(Type.Array(HttpUrl, { maxItems: L.whitelistedDomains })),
  account_linking_url: Type.Optional(HttpUrl),
  payment_settings: Type.Optional(PaymentSettings),
  target_audience: Type.Optional(TargetAudience),
  home_url: Type.Optional(HomeUrl),
});
export type MessengerProfile = Static<typeof MessengerProfile>;

export const MessengerProfileField = OneOf([
  'get_started',
  'greeting',
  'persistent_menu',
  'whitelisted_domains',
  'account_linking_url',
  'payment_settings',
  'target_audience',
  'home_url',
]);
export type MessengerProfileField = Static<typeof MessengerProfileField>;

/** GET /me/messenger_profile?fields=a,b answers `{data:[{…}]}`. */
export const MessengerProfileResponse = Type.Object({ data: Type.Array(MessengerProfile) });
export type MessengerProfileResponse = Static<typeof MessengerProfileResponse>;

/** DELETE /me/messenger_profile body. */
export const DeleteMessengerProfileRequest = Type.Object({
  fields: Type.Array(MessengerProfileField, { minItems: 1, uniqueItems: true }),
});
export type DeleteMessengerProfileRequest = Static<typeof DeleteMessengerProfileRequest>;

/** `{"result":"success"}` for the Messenger Profile API; a human-readable string for thread_settings. */
export const ResultResponse = Type.Object({ result: Type.String() });
export type ResultResponse = Static<typeof ResultResponse>;

export const UserProfileField = OneOf([
  'id',
  'name',
  'first_name',
  'last_name',
  'profile_pic',
  'locale',
  'timezone',
  'gender',
  'is_payment_enabled',
  'last_ad_referral',
]);
export type UserProfileField = Static<typeof UserProfileField>;

/** GET /<PSID>?fields=… (§6.5). Only the requested fields are present. */
export const UserProfile = Type.Object({
  id: Type.String(),
  name: Type.Optional(Type.String()),
  first_name: Type.Optional(Type.String()),
  last_name: Type.Optional(Type.String()),
  profile_pic: Type.Optional(Type.String()),
  locale: Type.Optional(Type.String()),
  timezone: Type.Optional(Type.Number()),
  gender: Type.Optional(Type.String()),
  is_payment_enabled: Type.Optional(Type.Boolean()),
});
export type UserProfile = Static<typeof UserProfile>;

