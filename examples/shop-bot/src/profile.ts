// The page settings the shop needs (§6.4, §4.9): the Get Started button and greeting, and a payment
// privacy URL (required for Buy buttons). Best effort: a refusal is reported, the shop still runs.
import { TijaraBotError, type Client, type PaymentSettings } from '@tijara/bot';
import { GET_STARTED } from './templates.js';

export interface PageSetup {
  merchantName: string;
  /** Where this bot serves /privacy. */
  publicUrl: string;
  /** PSIDs to add to payment_settings.testers (test payments before the app is approved). */
  testers?: string[];
}

const reason = (error: unknown): string => (error instanceof TijaraBotError ? error.message : String(error));

/** Resolves to the problems met, one line each; an empty list means everything was set. */
export async function configurePage(client: Client, setup: PageSetup): Promise<string[]> {
  const problems: string[] = [];
  await client
    .setMessengerProfile({
      get_started: { payload: GET_STARTED },
      greeting: [{ locale: 'default', text: `Hi {{user_first_name}}, welcome to ${setup.merchantName}: teas, coffees and spices, paid for right here.`.slice(0, 160) }],
    })
    .catch((error: unknown) => problems.push(`could not set the Get Started button: ${reason(error)}`));

  // payment_settings is replaced as a whole, so the current one (public key, testers set by the
  // developer) is read first and only the privacy URL and extra testers are changed. It goes in a
  // call of its own: it needs a page admin, and a refusal must not cost the Get Started button.
  try {
    const current: PaymentSettings = (await client.getMessengerProfile(['payment_settings'])).payment_settings ?? {};
    const privacy_url = current.privacy_url ?? `${setup.publicUrl}/privacy`;
    const testers = [...new Set([...(current.testers ?? []), ...(setup.testers ?? [])])];
    const changed = privacy_url !== current.privacy_url || testers.length !== (current.testers ?? []).length;
    if (changed) await client.setMessengerProfile({ payment_settings: { ...current, privacy_url, ...(testers.length > 0 ? { testers } : {}) } });
  } catch (error) {
    problems.push(`could not set the payment privacy URL: ${reason(error)}`);
  }
  return problems;
}
