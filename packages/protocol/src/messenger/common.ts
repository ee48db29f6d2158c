import { Type, type TLiteral, type TUnion, type Static } from '@sinclair/typebox';
import { messengerLimits } from './limits.js';

type Literals<T extends string[]> = { [K in keyof T]: TLiteral<T[K] & string> };

/**
 * A union of string literals. Written as `anyOf` of `const`s rather than `enum` so that Ajv,
 * TypeBox's Value.Check and the OpenAPI generator all read it the same way.
 */
export function OneOf<const T extends string[]>(values: T, options: { description?: string } = {}): TUnion<Literals<T>> {
  // The map keeps the tuple's order and length; TypeScript cannot follow that through map().
  return Type.Union(values.map((value) => Type.Literal(value)), options) as unknown as TUnion<Literals<T>>;
}

/**
 * An http(s) URL. A pattern instead of `format: 'uri'`: Value.Check refuses formats that were not
 * registered, and plain http stays allowed because self-hosted bots run on local networks.
 */
export const HttpUrl = Type.String({ pattern: '^https?://\\S+$', maxLength: 2083 });

/** Developer-defined payload strings (postbacks, quick replies, get_started). */
export const Payload = Type.String({ maxLength: messengerLimits.payload });

/** ISO 4217 code, upper case. */
export const Currency = Type.String({ pattern: '^[A-Z]{3}$' });

/** A decimal amount as the reference's examples send it: "29.99". */
export const DecimalString = Type.String({ pattern: '^-?[0-9]+(\\.[0-9]+)?$' });

/**
 * An amount bots may send as a decimal string (the docs' examples) or as a JSON number (MEYA's
 * bots, the checkout_update reply example): §4.2 and §4.4. Tijara emits strings.
 */
export const DecimalAmount = Type.Union([DecimalString, Type.Number()]);
export type DecimalAmount = Static<typeof DecimalAmount>;

/** `sender` / `recipient` of a webhook item: a PSID or a page id. */
export const Party = Type.Object({ id: Type.String() });
export type Party = Static<typeof Party>;

/** Absent, always: used to make two fields mutually exclusive inside a union branch. */
export const Absent = Type.Optional(Type.Never());
