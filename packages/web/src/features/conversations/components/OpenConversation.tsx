import { useEffect, useState } from 'react';
import type { OpenConversationBody, Thread } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { Link } from '../../../lib/router';
import { EmptyState } from '../../../components/EmptyState';
import { Spinner } from '../../../components/Spinner';
import { openConversation } from '../api/conversations';

interface OpenConversationProps {
  username: string;
  refParam: string | null;
  /** The data-ref of a "message us" opt-in link (/m/<username>?optin=…). */
  optin: string | null;
  onOpened(thread: Thread): void;
}

/** Opens (or creates, on the first visit) the conversation with a business reached by its link. */
export function OpenConversation({ username, refParam, optin, onOpened }: OpenConversationProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    const body: OpenConversationBody = { username };
    if (refParam) body.ref = refParam;
    if (optin) body.optin = optin;
    openConversation(body)
      .then((thread) => live && onOpened(thread))
      .catch((failure: unknown) => live && setError(failure));
    return () => {
      live = false;
    };
  }, [username, refParam, optin, onOpened]);

  if (error) {
    return (
      <EmptyState icon="alert" title={t('open.failedTitle')}>
        <p>{errorText(error)}</p>
        <Link className="button button-primary" to="/">
          {t('open.backToChats')}
        </Link>
      </EmptyState>
    );
  }
  return <Spinner label={t('open.opening', { username })} />;
}
