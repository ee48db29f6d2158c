import { Type, type Static } from '@sinclair/typebox';

/** The app API's error envelope (the Messenger-dialect routes use the Graph envelope instead). */
export const AppError = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'stable machine-readable code, e.g. "email_taken"' }),
    message: Type.String({ description: 'what went wrong, naming the field at fault' }),
    field: Type.Optional(Type.String({ description: 'dotted path of the field at fault' })),
  }),
});
export type AppError = Static<typeof AppError>;
