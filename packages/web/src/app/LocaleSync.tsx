import { useEffect } from 'react';
import type { Session } from '@tijara/protocol';
import { api } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { useSession } from '../lib/session';

/** Keeps the account's language in step with the one on screen, so bots greet people in it. */
export function LocaleSync() {
  const { locale } = useI18n();
  const { session, setSession } = useSession();
  const stored = session?.account.locale;

  useEffect(() => {
    if (!session || stored === locale) return;
    let live = true;
    api
      .putJson<Session>('/api/session/locale', { locale })
      .then((next) => live && setSession(next))
      // Best effort: the screen already shows the language; bots fall back to the default one.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [locale, stored, session, setSession]);

  return null;
}
