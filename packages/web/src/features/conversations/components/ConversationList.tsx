import type { Thread } from '@tijara/protocol';
import { useI18n, type Translate } from '../../../lib/i18n';
import { messagePreview } from '../../../lib/preview';
import { useErrorText } from '../../../lib/errors';
import { formatListTime } from '../../../lib/format';
import { useLiveThreads } from '../../../hooks/useLiveThreads';
import { ConversationRow } from '../../../components/ConversationRow';
import { EmptyState } from '../../../components/EmptyState';
import { Spinner } from '../../../components/Spinner';
import { listThreads } from '../api/conversations';

const acceptsAll = () => true;

function preview(thread: Thread, t: Translate): string {
  const you = t('chats.you');
  const last = thread.lastMessage;
  if (!last) return thread.page.greeting || t('chats.noMessages');
  const text = messagePreview(last, t);
  return last.side === 'shopper' ? `${you}: ${text}` : text;
}

/** The shopper's conversations with businesses, newest activity first. */
export function ConversationList({ activeThreadId }: { activeThreadId: string | null }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const { threads, error, hasMore, loadingMore, loadMore } = useLiveThreads({
    fetchPage: listThreads,
    viewer: 'shopper',
    accepts: acceptsAll,
    activeThreadId,
  });

  return (
    <section className="list-pane" aria-labelledby="chats-title">
      <header className="pane-header">
        <h1 id="chats-title">{t('chats.title')}</h1>
      </header>
      {threads === null && !error && <Spinner label={t('common.loading')} />}
      {threads === null && error !== null && <p className="pane-error" role="alert">{errorText(error)}</p>}
      {threads?.length === 0 && (
        <EmptyState icon="chat" title={t('chats.emptyTitle')}>
          <p>{t('chats.emptyBody')}</p>
        </EmptyState>
      )}
      {threads && threads.length > 0 && (
        <ul className="conversation-list">
          {threads.map((thread) => (
            <ConversationRow
              key={thread.id}
              href={`/t/${encodeURIComponent(thread.id)}`}
              name={thread.page.name}
              avatarUrl={thread.page.avatarUrl}
              preview={preview(thread, t)}
              time={formatListTime(thread.lastMessage?.createdAt ?? thread.createdAt, locale)}
              unread={thread.unread}
              unreadLabel={t('chats.unread', { count: thread.unread })}
              active={thread.id === activeThreadId}
            />
          ))}
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
