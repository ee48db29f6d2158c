import type { PaymentButton, PaymentSummary } from '@tijara/protocol/messenger';
import { misplacedPaymentButton } from '@tijara/protocol/messenger';
import { MoneyError, toMinor } from '../payments/payments.service.js';

interface TemplateLike {
  template_type?: string;
  buttons?: Array<{ type: string }>;
  elements?: Array<{ buttons?: Array<{ type: string }> }>;
}

/** Every Buy button of a template attachment with its path, e.g. "elements.0.buttons.0". */
export function buyButtons(attachment: unknown): Array<{ path: string; button: PaymentButton }> {
  const payload = (attachment as { type?: string; payload?: TemplateLike } | undefined)?.payload;
  if ((attachment as { type?: string } | undefined)?.type !== 'template' || !payload) return [];
  const found: Array<{ path: string; button: PaymentButton }> = [];
  payload.buttons?.forEach((button, index) => button.type === 'payment' && found.push({ path: `buttons.${index}`, button: button as PaymentButton }));
  payload.elements?.forEach((element, e) =>
    element.buttons?.forEach((button, index) => button.type === 'payment' && found.push({ path: `elements.${e}.buttons.${index}`, button: button as PaymentButton })),
  );
  return found;
}

export interface BuyButtonProblem {
  /** Dotted path within message.attachment.payload. */
  field: string;
  message: string;
}

/**
 * Rules JSON Schema cannot say: a Buy button comes first in its element, amounts are exact in the
 * currency, and the page has a payment privacy policy URL. Returns the first problem, if any.
 */
export function checkBuyButtons(attachment: unknown, privacyUrl: string | null): BuyButtonProblem | null {
  const payload = (attachment as { payload?: TemplateLike }).payload;
  const buttons = buyButtons(attachment);
  if (buttons.length === 0) return null;
  for (const [e, element] of (payload?.elements ?? []).entries()) {
    const index = misplacedPaymentButton(element.buttons);
    if (index >= 0) return { field: `message.attachment.payload.elements[${e}].buttons[${index}]`, message: 'a payment button must be the first button of its element' };
  }
  if (!privacyUrl) return { field: 'payment_settings.privacy_url', message: 'set payment_settings.privacy_url through the Messenger Profile API before sending a Buy button' };
  for (const { path, button } of buttons) {
    const problem = checkSummary(button.payment_summary, `message.attachment.payload.${path.replace(/\.(\d+)/g, '[$1]')}.payment_summary`);
    if (problem) return problem;
  }
  return null;
}

export function checkSummary(summary: PaymentSummary, prefix: string): BuyButtonProblem | null {
  try {
    summary.price_list.forEach((line, index) => toMinor(line.amount, summary.currency, `${prefix}.price_list[${index}].amount`));
  } catch (error) {
    if (error instanceof MoneyError) return { field: error.field, message: error.message };
    throw error;
  }
  return null;
}

/** The button at a path of a template attachment, if it is a Buy button. */
export function buyButtonAt(attachment: unknown, path: string): PaymentButton | undefined {
  return buyButtons(attachment).find((candidate) => candidate.path === path)?.button;
}
