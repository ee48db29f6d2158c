import { Type, type Static } from '@sinclair/typebox';
import { limits } from './limits.js';

/** Operators run the platform (approve payments-beta apps); they are made with `tijara create-operator`, never by signing up. */
export const AccountRole = Type.Union([Type.Literal('shopper'), Type.Literal('merchant'), Type.Literal('operator')]);
export type AccountRole = Static<typeof AccountRole>;
export const SignUpRole = Type.Union([Type.Literal('shopper'), Type.Literal('merchant')]);

export const Account = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: AccountRole,
  locale: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Number({ description: 'ms since the epoch' }),
});
export type Account = Static<typeof Account>;

export const SignUpBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: limits.emailLength }),
    password: Type.String({ minLength: limits.passwordMin, maxLength: limits.passwordMax }),
    name: Type.String({ minLength: 1, maxLength: limits.displayName }),
    role: Type.Optional(SignUpRole),
  },
  { additionalProperties: false },
);
export type SignUpBody = Static<typeof SignUpBody>;

export const SignInBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: limits.emailLength }),
    password: Type.String({ minLength: 1, maxLength: limits.passwordMax }),
  },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

/** The language the person reads, e.g. "ar" or "fr_FR": bots see it as the profile's locale. */
export const LocaleBody = Type.Object({ locale: Type.String({ pattern: '^[a-z]{2}([_-][A-Z]{2})?$' }) }, { additionalProperties: false });
export type LocaleBody = Static<typeof LocaleBody>;

/** A signed-in session as the web app sees it: the account and the token for cookie-authenticated writes. */
export const Session = Type.Object({
  account: Account,
  csrfToken: Type.String({ description: 'send back as the X-CSRF-Token header on every write' }),
});
export type Session = Static<typeof Session>;
