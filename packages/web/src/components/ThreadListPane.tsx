import type { ReactNode } from 'react';
import type { Side, Thread } from '@tijara/protocol';
import { useI18n } from '../lib/i18n';
import { messagePreview } from '../lib/preview';
import { useErrorText } from '../lib/errors';
import { formatListTime } from '../lib/format';
import type { useLiveThreads } from '../hooks/useLiveThreads';
import { ConversationRow } from './ConversationRow';
import { Spinner } from './Spinner';

interface ThreadListPaneProps {
  titleId: string;
  title: string;
  list: ReturnType<typeof useLiveThreads>;
  /** Whose messages read "You: …" in the preview. */
  viewer: Side;
  activeThreadId: string | null;
  empty: ReactNode;
  /** Where a row leads and who it names; the rest of a row is the same on both sides. */
  row(thread: Thread): { href: string; name: string; avatarUrl?: string | null; noMessages: string };
}

/** A live list of conversations: the shopper's chats and a page's inbox. */
export function ThreadListPane({ titleId, title, list, viewer, activeThreadId, empty, row }: ThreadListPaneProps) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { threads, error, hasMore, loadingMore, loadMore } = list;

  const preview = (thread: Thread, noMessages: string) => {
    const last = thread.lastMessage;
    if (!last) return noMessages;
    const text = messagePreview(last, t);
    return last.side === viewer ? `${t('chats.you')}: ${text}` : text;
  };

  return (
    <section className="list-pane" aria-labelledby={titleId}>
      <header className="pane-header">
        <h1 id={titleId}>{title}</h1>
      </header>
      {threads === null && !error && <Spinner label={t('common.loading')} />}
      {threads === null && error !== null && <p className="pane-error" role="alert">{errorText(error)}</p>}
      {threads?.length === 0 && empty}
      {threads && threads.length > 0 && (
        <ul className="conversation-list">
          {threads.map((thread) => {
            const { href, name, avatarUrl, noMessages } = row(thread);
            return (
              <ConversationRow
                key={thread.id}
                href={href}
                name={name}
                avatarUrl={avatarUrl}
                preview={preview(thread, noMessages)}
                time={formatListTime(thread.lastMessage?.createdAt ?? thread.createdAt, locale)}
                unread={thread.unread}
                unreadLabel={t('chats.unread', { count: thread.unread })}
                active={thread.id === activeThreadId}
              />
            );
          })}
        </ul>
      )}
      {hasMore && (
        <button type="button" className="button button-ghost load-more" onClick={loadMore} disabled={loadingMore}>
          {loadingMore ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </section>
  );
}
