import { Type, type Static } from '@sinclair/typebox';
import { messengerLimits as L } from './limits.js';
import { HttpUrl, OneOf, Payload } from './common.js';
import { MenuPostbackButton, MenuUrlButton } from './menu.js';

// The pre-v1.4 /me/thread_settings bodies (§6.4, §4.9). 2016 bots send them form-encoded with
// JSON-string values; the server decodes those before checking against these schemas.

export const ThreadSettingsGreeting = Type.Object({
  setting_type: Type.Literal('greeting'),
  greeting: Type.Object({ text: Type.String({ minLength: 1, maxLength: L.greetingText }) }, { additionalProperties: false }),
});
export type ThreadSettingsGreeting = Static<typeof ThreadSettingsGreeting>;

/** Get Started button; an empty list removes it, as some 2016 bots did. */
export const ThreadSettingsGetStarted = Type.Object({
  setting_type: Type.Literal('call_to_actions'),
  thread_state: Type.Literal('new_thread'),
  call_to_actions: Type.Array(Type.Object({ payload: Payload }, { additionalProperties: false }), { maxItems: 1 }),
});
export type ThreadSettingsGetStarted = Static<typeof ThreadSettingsGetStarted>;

/** The flat 2016 persistent menu: up to five buttons, no nesting. */
export const ThreadSettingsMenu = Type.Object({
  setting_type: Type.Literal('call_to_actions'),
  thread_state: Type.Literal('existing_thread'),
  call_to_actions: Type.Array(Type.Union([MenuUrlButton, MenuPostbackButton]), { maxItems: L.legacyMenuButtons }),
});
export type ThreadSettingsMenu = Static<typeof ThreadSettingsMenu>;

export const ThreadSettingsDomains = Type.Object({
  setting_type: Type.Literal('domain_whitelisting'),
  whitelisted_domains: Type.Array(HttpUrl, { minItems: 1, maxItems: L.whitelistedDomains }),
  domain_action_type: OneOf(['add', 'remove']),
});
export type ThreadSettingsDomains = Static<typeof ThreadSettingsDomains>;

export const ThreadSettingsAccountLinking = Type.Object({
  setting_type: Type.Literal('account_linking'),
  account_linking_url: HttpUrl,
});
export type ThreadSettingsAccountLinking = Static<typeof ThreadSettingsAccountLinking>;

/** §4.9, 2016 form: one of the three payment settings per call. */
export const ThreadSettingsPayment = Type.Union([
  Type.Object({ setting_type: Type.Literal('payment'), payment_privacy_url: HttpUrl }),
  Type.Object({ setting_type: Type.Literal('payment'), payment_public_key: Type.String({ minLength: 1 }) }),
  Type.Object({
    setting_type: Type.Literal('payment'),
    payment_dev_mode_action: OneOf(['ADD', 'REMOVE']),
    payment_testers: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  }),
]);
export type ThreadSettingsPayment = Static<typeof ThreadSettingsPayment>;

/** POST /me/thread_settings. */
export const ThreadSettingsRequest = Type.Union([
  ThreadSettingsGreeting,
  ThreadSettingsGetStarted,
  ThreadSettingsMenu,
  ThreadSettingsDomains,
  ThreadSettingsAccountLinking,
  ThreadSettingsPayment,
]);
export type ThreadSettingsRequest = Static<typeof ThreadSettingsRequest>;

/** DELETE /me/thread_settings. */
export const ThreadSettingsDeleteRequest = Type.Object({
  setting_type: OneOf(['greeting', 'call_to_actions', 'domain_whitelisting', 'account_linking', 'payment']),
  thread_state: Type.Optional(OneOf(['new_thread', 'existing_thread'])),
});
export type ThreadSettingsDeleteRequest = Static<typeof ThreadSettingsDeleteRequest>;
