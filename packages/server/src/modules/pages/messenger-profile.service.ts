import type { MessengerProfile, MessengerProfileField } from '@tijara/protocol/messenger';
import type { Db } from '../../db/database.js';
import { invalidParam } from '../../http/graph.js';
import * as repo from './pages.repository.js';

export type { MessengerProfile };

/** The page's Messenger profile (get_started, greeting, persistent_menu, …), only the fields asked for. */
export async function getProfile(db: Db, pageId: string, fields?: string[]): Promise<MessengerProfile> {
  const rows = await repo.findProfileFields(db, pageId, fields);
  return Object.fromEntries(rows.map((row) => [row.field, JSON.parse(row.value)])) as MessengerProfile;
}

/** Sets only the properties present; a persistent menu needs a Get Started button (as on Messenger). */
export async function setProfile(db: Db, pageId: string, profile: MessengerProfile): Promise<void> {
  if (profile.persistent_menu) {
    const current = await getProfile(db, pageId, ['get_started']);
    if (!profile.get_started && !current.get_started) throw invalidParam('param persistent_menu requires get_started to be set first');
  }
  const now = Date.now();
  for (const [field, value] of Object.entries(profile)) {
    if (value !== undefined) await repo.upsertProfileField(db, pageId, field, JSON.stringify(value), now);
  }
}

export async function deleteProfile(db: Db, pageId: string, fields: MessengerProfileField[]): Promise<void> {
  if (fields.includes('get_started')) {
    const current = await getProfile(db, pageId, ['persistent_menu']);
    if (current.persistent_menu && !fields.includes('persistent_menu')) throw invalidParam('param fields: delete persistent_menu before get_started');
  }
  await repo.deleteProfileFields(db, pageId, fields);
}

interface ShopperView {
  greeting: string | null;
  getStarted: { payload: string } | null;
  persistentMenu: unknown[] | null;
  composerInputDisabled: boolean;
}

function pickLocale<T extends { locale: string }>(items: T[] | undefined, locale: string | null): T | undefined {
  if (!items) return undefined;
  const language = locale?.split(/[-_]/)[0];
  return items.find((item) => item.locale.toLowerCase() === locale?.toLowerCase().replace('-', '_')) ?? items.find((item) => language && item.locale.split('_')[0] === language) ?? items.find((item) => item.locale === 'default');
}

/** What the chat app shows a shopper: greeting (names filled in), Get Started, the menu for their language. */
export async function shopperView(db: Db, pageId: string, shopper: { name: string; locale: string | null }): Promise<ShopperView> {
  const profile = await getProfile(db, pageId, ['greeting', 'get_started', 'persistent_menu']);
  const [first = '', ...rest] = shopper.name.split(/\s+/);
  const greeting = pickLocale(profile.greeting, shopper.locale)?.text
    .replaceAll('{{user_first_name}}', first)
    .replaceAll('{{user_last_name}}', rest.join(' '))
    .replaceAll('{{user_full_name}}', shopper.name);
  const menu = pickLocale(profile.persistent_menu as Array<{ locale: string; composer_input_disabled?: boolean; call_to_actions?: unknown[] }> | undefined, shopper.locale);
  return {
    greeting: greeting ?? null,
    getStarted: profile.get_started ?? null,
    persistentMenu: menu?.call_to_actions ?? null,
    composerInputDisabled: menu?.composer_input_disabled === true,
  };
}
