import { Type, type Static } from '@sinclair/typebox';
import { messengerLimits as L } from './limits.js';
import { Currency, HttpUrl, OneOf } from './common.js';
import { Button, DefaultAction } from './buttons.js';

// Template payloads go in `message.attachment.payload` with `type: "template"` (§3). Requests:
// unknown fields are refused, every field of the reference is declared. Optional button lists may
// be empty (bots built from data send `buttons: []`); only the button template demands one.

const ElementTitle = Type.String({ minLength: 1, maxLength: L.elementTitle });
const ElementSubtitle = Type.String({ maxLength: L.elementSubtitle });

/** One card of a generic template carousel (§3.1). A Buy button, if any, must come first. */
export const GenericElement = Type.Object(
  {
    title: ElementTitle,
    subtitle: Type.Optional(ElementSubtitle),
    image_url: Type.Optional(HttpUrl),
    default_action: Type.Optional(DefaultAction),
    buttons: Type.Optional(Type.Array(Button, { maxItems: L.elementButtons })),
  },
  { additionalProperties: false },
);
export type GenericElement = Static<typeof GenericElement>;

export const ImageAspectRatio = OneOf(['horizontal', 'square']);
export type ImageAspectRatio = Static<typeof ImageAspectRatio>;

/** A carousel of up to 10 cards (§3.1). */
export const GenericTemplate = Type.Object(
  {
    template_type: Type.Literal('generic'),
    image_aspect_ratio: Type.Optional(ImageAspectRatio),
    sharable: Type.Optional(Type.Boolean()),
    elements: Type.Array(GenericElement, { minItems: 1, maxItems: L.genericElements }),
  },
  { additionalProperties: false },
);
export type GenericTemplate = Static<typeof GenericTemplate>;

/** Text with one to three buttons (§3.2). */
export const ButtonTemplate = Type.Object(
  {
    template_type: Type.Literal('button'),
    text: Type.String({ minLength: 1, maxLength: L.buttonTemplateText }),
    buttons: Type.Array(Button, { minItems: 1, maxItems: L.buttonTemplateButtons }),
    sharable: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ButtonTemplate = Static<typeof ButtonTemplate>;

export const ListElement = Type.Object(
  {
    title: ElementTitle,
    subtitle: Type.Optional(ElementSubtitle),
    image_url: Type.Optional(HttpUrl),
    default_action: Type.Optional(DefaultAction),
    buttons: Type.Optional(Type.Array(Button, { maxItems: L.listElementButtons })),
  },
  { additionalProperties: false },
);
export type ListElement = Static<typeof ListElement>;

/** Two to four rows plus one global button (§3.3). `large` needs an image on the first row. */
export const ListTemplate = Type.Object(
  {
    template_type: Type.Literal('list'),
    top_element_style: Type.Optional(OneOf(['large', 'compact'])),
    elements: Type.Array(ListElement, { minItems: L.listElementsMin, maxItems: L.listElementsMax }),
    buttons: Type.Optional(Type.Array(Button, { maxItems: L.listButtons })),
    sharable: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ListTemplate = Static<typeof ListTemplate>;

const addressTail = {
  city: Type.String(),
  postal_code: Type.String(),
  state: Type.String(),
  country: Type.String(),
};

/**
 * Receipt address (§3.4): the template uses `street_1`/`street_2`, but §4.7 recommends accepting
 * the `street1`/`street2` spelling of the payment webhooks too, since bots copy one into the other.
 */
export const ReceiptAddress = Type.Union([
  Type.Object(
    { street_1: Type.String(), street_2: Type.Optional(Type.String()), ...addressTail },
    { additionalProperties: false },
  ),
  Type.Object(
    { street1: Type.String(), street2: Type.Optional(Type.String()), ...addressTail },
    { additionalProperties: false },
  ),
]);
export type ReceiptAddress = Static<typeof ReceiptAddress>;

export const ReceiptElement = Type.Object(
  {
    title: Type.String({ minLength: 1 }),
    subtitle: Type.Optional(Type.String()),
    quantity: Type.Optional(Type.Number({ minimum: 0 })),
    price: Type.Number(),
    currency: Type.Optional(Currency),
    image_url: Type.Optional(HttpUrl),
  },
  { additionalProperties: false },
);
export type ReceiptElement = Static<typeof ReceiptElement>;

export const ReceiptSummary = Type.Object(
  {
    subtotal: Type.Optional(Type.Number()),
    shipping_cost: Type.Optional(Type.Number()),
    total_tax: Type.Optional(Type.Number()),
    total_cost: Type.Number(),
  },
  { additionalProperties: false },
);
export type ReceiptSummary = Static<typeof ReceiptSummary>;

export const ReceiptAdjustment = Type.Object(
  { name: Type.String({ minLength: 1 }), amount: Type.Number() },
  { additionalProperties: false },
);
export type ReceiptAdjustment = Static<typeof ReceiptAdjustment>;

/**
 * Order confirmation (§3.4). Amounts are JSON numbers here, unlike the Buy button's strings.
 * `timestamp` is epoch seconds as a string in the docs; bots that send a number are accepted.
 */
export const ReceiptTemplate = Type.Object(
  {
    template_type: Type.Literal('receipt'),
    recipient_name: Type.String({ minLength: 1 }),
    merchant_name: Type.Optional(Type.String()),
    order_number: Type.String({ minLength: 1 }),
    currency: Currency,
    payment_method: Type.String({ minLength: 1 }),
    timestamp: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]+$' }), Type.Integer({ minimum: 0 })])),
    order_url: Type.Optional(HttpUrl),
    elements: Type.Optional(Type.Array(ReceiptElement, { maxItems: L.receiptElements })),
    address: Type.Optional(ReceiptAddress),
    summary: ReceiptSummary,
    adjustments: Type.Optional(Type.Array(ReceiptAdjustment)),
    sharable: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ReceiptTemplate = Static<typeof ReceiptTemplate>;

const mediaFields = {
  media_type: OneOf(['image', 'video']),
  buttons: Type.Optional(Type.Array(Button, { maxItems: L.mediaButtons })),
};

/** An uploaded image or video, by attachment id or by URL (§3.5). Exactly one of the two. */
export const MediaElement = Type.Union([
  Type.Object({ ...mediaFields, attachment_id: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
  Type.Object({ ...mediaFields, url: HttpUrl }, { additionalProperties: false }),
]);
export type MediaElement = Static<typeof MediaElement>;

export const MediaTemplate = Type.Object(
  {
    template_type: Type.Literal('media'),
    elements: Type.Array(MediaElement, { minItems: 1, maxItems: L.mediaElements }),
    sharable: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type MediaTemplate = Static<typeof MediaTemplate>;

/** Every template Tijara renders. Airline and Open Graph templates (§3.6) are not supported. */
export const TemplatePayload = Type.Union([GenericTemplate, ButtonTemplate, ListTemplate, ReceiptTemplate, MediaTemplate]);
export type TemplatePayload = Static<typeof TemplatePayload>;
