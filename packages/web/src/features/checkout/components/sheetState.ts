import type { Checkout, Contact, PayBody, RequestedInfo, ShippingOption } from '@tijara/protocol';

/** The shop's cheapest option, preselected so that a purchase with saved details needs no choice (the first on a tie). */
export function cheapestOption(options: readonly ShippingOption[] | null): ShippingOption | null {
  let best: ShippingOption | null = null;
  for (const option of options ?? []) if (!best || option.total.amount < best.total.amount) best = option;
  return best;
}

/** The default item of a wallet list, or its first. */
export function preferred<T extends { id: string; isDefault: boolean }>(items: readonly T[]): T | null {
  return items.find((item) => item.isDefault) ?? items[0] ?? null;
}

/** The amount Pay charges, in minor units: the button's lines plus the chosen shipping. */
export function totalMinor(checkout: Pick<Checkout, 'subtotal'>, option: ShippingOption | null): number {
  return checkout.subtotal.amount + (option?.total.amount ?? 0);
}

export const needsAddress = (checkout: Pick<Checkout, 'requestedUserInfo' | 'paymentType'>): boolean =>
  checkout.requestedUserInfo.includes('shipping_address') || checkout.paymentType === 'FLEXIBLE_AMOUNT';

export type ContactField = 'name' | 'email' | 'phone';

const contactInfo: Record<ContactField, RequestedInfo> = { name: 'contact_name', email: 'contact_email', phone: 'contact_phone' };

/** The contact fields the shop asked for, in the order a form shows them. */
export const requestedContact = (checkout: Pick<Checkout, 'requestedUserInfo'>): ContactField[] =>
  (Object.keys(contactInfo) as ContactField[]).filter((field) => checkout.requestedUserInfo.includes(contactInfo[field]));

/** Declines the shopper fixes by choosing another card. */
export const cardFailures = new Set(['card_declined', 'insufficient_funds', 'expired_card', 'incorrect_cvc', 'processing_error', 'card_not_found']);

/** Which part of the sheet a failure belongs to: its chooser gets the focus. */
export type SheetPart = 'card' | 'address' | 'shipping' | ContactField | null;

export function partOf(failure: { code: string; field?: string }): SheetPart {
  if (cardFailures.has(failure.code) || failure.field === 'body.cardId') return 'card';
  switch (failure.field) {
    case 'body.addressId':
      return 'address';
    case 'body.shippingOptionId':
      return 'shipping';
    case 'body.contact.name':
      return 'name';
    case 'body.contact.email':
      return 'email';
    case 'body.contact.phone':
      return 'phone';
    default:
      return null;
  }
}

export interface Choices {
  cardId: string | null;
  addressId: string | null;
  optionId: string | null;
  contact: Contact;
}

/** What is still missing before Pay can be sent, as the part to open; null when the request is complete. */
export function missingPart(checkout: Checkout, choices: Choices): SheetPart {
  if (needsAddress(checkout) && !choices.addressId) return 'address';
  if (checkout.paymentType === 'FLEXIBLE_AMOUNT' && !choices.optionId) return 'shipping';
  for (const field of requestedContact(checkout)) if (!choices.contact[field].trim()) return field;
  if (!choices.cardId) return 'card';
  return null;
}

/** The Pay request without its idempotency key: only what the shop asked for. */
export function payRequest(checkout: Checkout, choices: Choices): Omit<PayBody, 'idempotencyKey'> {
  const body: Omit<PayBody, 'idempotencyKey'> = { cardId: choices.cardId ?? '' };
  if (needsAddress(checkout) && choices.addressId) body.addressId = choices.addressId;
  if (checkout.paymentType === 'FLEXIBLE_AMOUNT' && choices.optionId) body.shippingOptionId = choices.optionId;
  const fields = requestedContact(checkout);
  if (fields.length > 0) body.contact = Object.fromEntries(fields.map((field) => [field, choices.contact[field].trim()]));
  return body;
}

