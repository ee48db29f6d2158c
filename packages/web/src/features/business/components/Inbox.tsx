import { useCallback, type ReactNode } from 'react';
import type { Page } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useLiveThreads } from '../../../hooks/useLiveThreads';
import { EmptyState } from '../../../components/EmptyState';
import { ThreadListPane } from '../../../components/ThreadListPane';
import { listPageThreads } from '../api/pages';

/** The page's conversations with shoppers, live. */
export function Inbox({ page, activeThreadId, emptyAction }: { page: Page; activeThreadId: string | null; emptyAction: ReactNode }) {
  const { t } = useI18n();
  const pageId = page.id;
  const fetchPage = useCallback((cursor: string | null) => listPageThreads(pageId, cursor), [pageId]);
  const accepts = useCallback((frame: { pageId: string }) => frame.pageId === pageId, [pageId]);
  const list = useLiveThreads({ fetchPage, viewer: 'page', accepts, activeThreadId });

  return (
    <ThreadListPane
      titleId="inbox-title"
      title={t('business.inbox')}
      list={list}
      viewer="page"
      activeThreadId={activeThreadId}
      empty={
        <EmptyState icon="chat" title={t('business.inboxEmptyTitle')}>
          <p>{t('business.inboxEmptyBody')}</p>
          {emptyAction}
        </EmptyState>
      }
      row={(thread) => ({
        href: `/business/pages/${encodeURIComponent(pageId)}/t/${encodeURIComponent(thread.id)}`,
        name: thread.shopper.name,
        noMessages: t('chats.noMessages'),
      })}
    />
  );
}
