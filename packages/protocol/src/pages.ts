import { Type, type Static } from '@sinclair/typebox';
import { limits, pageUsernamePattern } from './limits.js';

export const Page = Type.Object({
  id: Type.String({ description: 'Messenger-style page id: 15–16 digits' }),
  name: Type.String(),
  username: Type.String(),
  about: Type.String(),
  greeting: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Number(),
});
export type Page = Static<typeof Page>;

const username = Type.String({
  minLength: limits.pageUsernameMin,
  maxLength: limits.pageUsernameMax,
  pattern: pageUsernamePattern,
  description: 'lower-case letters, digits and dots',
});

export const CreatePageBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: limits.pageName }),
    username,
    about: Type.Optional(Type.String({ maxLength: limits.pageAbout })),
    greeting: Type.Optional(Type.String({ maxLength: limits.pageGreeting })),
  },
  { additionalProperties: false },
);
export type CreatePageBody = Static<typeof CreatePageBody>;

export const UpdatePageBody = Type.Partial(CreatePageBody, { additionalProperties: false });
export type UpdatePageBody = Static<typeof UpdatePageBody>;

export const PageList = Type.Object({ data: Type.Array(Page) });
export type PageList = Static<typeof PageList>;
