import { Type, type Static } from '@sinclair/typebox';

/** What anyone but the vault ever sees of a card. */
export const Card = Type.Object({
  id: Type.String({ description: 'the card token, e.g. card_…' }),
  brand: Type.String({ description: 'visa, mastercard, amex, discover, …' }),
  last4: Type.String(),
  expMonth: Type.Integer(),
  expYear: Type.Integer(),
  holderName: Type.String(),
  postalCode: Type.String(),
  isDefault: Type.Boolean(),
  createdAt: Type.Number(),
});
export type Card = Static<typeof Card>;

export const AddCardBody = Type.Object(
  {
    number: Type.String({ minLength: 12, maxLength: 23, description: 'digits; spaces and dashes are ignored' }),
    expMonth: Type.Integer({ minimum: 1, maximum: 12 }),
    expYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
    cvc: Type.String({ minLength: 3, maxLength: 4, description: 'checked, never stored' }),
    holderName: Type.String({ minLength: 1, maxLength: 100 }),
    postalCode: Type.String({ minLength: 1, maxLength: 20 }),
    makeDefault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AddCardBody = Static<typeof AddCardBody>;

export const Address = Type.Object({
  id: Type.String(),
  name: Type.String(),
  street1: Type.String(),
  street2: Type.String(),
  city: Type.String(),
  state: Type.String(),
  postalCode: Type.String(),
  country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  isDefault: Type.Boolean(),
  createdAt: Type.Number(),
});
export type Address = Static<typeof Address>;

export const AddressBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    street1: Type.String({ minLength: 1, maxLength: 200 }),
    street2: Type.Optional(Type.String({ maxLength: 200 })),
    city: Type.String({ minLength: 1, maxLength: 100 }),
    state: Type.Optional(Type.String({ maxLength: 100 })),
    postalCode: Type.String({ minLength: 1, maxLength: 20 }),
    country: Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2, e.g. TN' }),
    makeDefault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AddressBody = Static<typeof AddressBody>;

export const Contact = Type.Object({ name: Type.String(), email: Type.String(), phone: Type.String() });
export type Contact = Static<typeof Contact>;

export const ContactBody = Type.Object(
  {
    name: Type.String({ maxLength: 100 }),
    email: Type.String({ maxLength: 254 }),
    phone: Type.String({ maxLength: 30, description: 'E.164, e.g. +21655123456; empty to clear' }),
  },
  { additionalProperties: false },
);
export type ContactBody = Static<typeof ContactBody>;

export const Wallet = Type.Object({
  cards: Type.Array(Card),
  addresses: Type.Array(Address),
  contact: Type.Union([Contact, Type.Null()]),
});
export type Wallet = Static<typeof Wallet>;
