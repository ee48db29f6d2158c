import { useCallback, type ReactNode } from 'react';
import type { Page, Thread } from '@tijara/protocol';
import { useI18n, type Translate } from '../../../lib/i18n';
import { messagePreview } from '../../../lib/preview';
import { useErrorText } from '../../../lib/errors';
import { formatListTime } from '../../../lib/format';
import { useLiveThreads } from '../../../hooks/useLiveThreads';
import { ConversationRow } from '../../../components/ConversationRow';
import { EmptyState } from '../../../components/EmptyState';
import { Spinner } from '../../../components/Spinner';
import { listPageThreads } from '../api/pages';

function preview(thread: Thread, t: Translate): string {
  const you = t('chats.you');
  const last = thread.lastMessage;
  if (!last) return t('chats.noMessages');
  const text = messagePreview(last, t);
  return last.side === 'page' ? `${you}: ${text}` : text;
}

/** The page's conversations with shoppers, live. */
export function Inbox({ page, activeThreadId, emptyAction }: { page: Page; activeThreadId: string | null; emptyAction: ReactNode }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const pageId = page.id;
  const fetchPage = useCallback((cursor: string | null) => listPageThreads(pageId, cursor), [pageId]);
  const accepts = useCallback((frame: { pageId: string }) => frame.pageId === pageId, [pageId]);
  const { threads, error, hasMore, loadingMore, loadMore } = useLiveThreads({ fetchPage, viewer: 'page', accepts, activeThreadId });

  return (
    <section className="list-pane" aria-labelledby="inbox-title">
      <header className="pane-header">
        <h1 id="inbox-title">{t('business.inbox')}</h1>
      </header>
      {threads === null && !error && <Spinner label={t('common.loading')} />}
      {threads === null && error !== null && <p className="pane-error" role="alert">{errorText(error)}</p>}
      {threads?.length === 0 && (
        <EmptyState icon="chat" title={t('business.inboxEmptyTitle')}>
          <p>{t('business.inboxEmptyBody')}</p>
          {emptyAction}
        </EmptyState>
      )}
      {threads && threads.length > 0 && (
        <ul className="conversation-list">
          {threads.map((thread) => (
            <ConversationRow
              key={thread.id}
              href={`/business/pages/${encodeURIComponent(pageId)}/t/${encodeURIComponent(thread.id)}`}
              name={thread.shopper.name}
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
