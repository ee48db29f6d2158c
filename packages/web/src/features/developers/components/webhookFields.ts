import type { WebhookField } from '@tijara/protocol';

/**
 * Every field of the protocol's `webhookFields`, in its order, marking the payment ones (the payments
 * issue brings them to life). A Record, so the build fails if the protocol adds a field; the list is
 * not imported because the protocol builds a TypeBox schema from it, which would ship TypeBox here.
 */
export const fieldKinds: Record<WebhookField, 'messaging' | 'payments'> = {
  messages: 'messaging',
  messaging_postbacks: 'messaging',
  message_deliveries: 'messaging',
  message_reads: 'messaging',
  message_echoes: 'messaging',
  messaging_referrals: 'messaging',
  messaging_optins: 'messaging',
  messaging_payments: 'payments',
  messaging_checkout_updates: 'payments',
  messaging_pre_checkouts: 'payments',
};
export const webhookFields = Object.keys(fieldKinds) as WebhookField[];
