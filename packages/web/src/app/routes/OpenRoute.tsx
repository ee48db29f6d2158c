import { useCallback } from 'react';
import type { Thread } from '@tijara/protocol';
import { navigate } from '../../lib/router';
import { OpenConversation } from '../../features/conversations/components/OpenConversation';

export function OpenRoute({ username, refParam, optin }: { username: string; refParam: string | null; optin: string | null }) {
  // Replace, so Back from the thread does not land on the link again and reopen it.
  const opened = useCallback((thread: Thread) => navigate(`/t/${encodeURIComponent(thread.id)}`, { replace: true }), []);
  return <OpenConversation username={username} refParam={refParam} optin={optin} onOpened={opened} />;
}
