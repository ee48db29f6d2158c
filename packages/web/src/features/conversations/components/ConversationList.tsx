import { useI18n } from '../../../lib/i18n';
import { useLiveThreads } from '../../../hooks/useLiveThreads';
import { EmptyState } from '../../../components/EmptyState';
import { ThreadListPane } from '../../../components/ThreadListPane';
import { listThreads } from '../api/conversations';

const acceptsAll = () => true;

/** The shopper's conversations with businesses, newest activity first. */
export function ConversationList({ activeThreadId }: { activeThreadId: string | null }) {
  const { t } = useI18n();
  const list = useLiveThreads({ fetchPage: listThreads, viewer: 'shopper', accepts: acceptsAll, activeThreadId });

  return (
    <ThreadListPane
      titleId="chats-title"
      title={t('chats.title')}
      list={list}
      viewer="shopper"
      activeThreadId={activeThreadId}
      empty={
        <EmptyState icon="chat" title={t('chats.emptyTitle')}>
          <p>{t('chats.emptyBody')}</p>
        </EmptyState>
      }
      row={(thread) => ({
        href: `/t/${encodeURIComponent(thread.id)}`,
        name: thread.page.name,
        avatarUrl: thread.page.avatarUrl,
        noMessages: thread.page.greeting || t('chats.noMessages'),
      })}
    />
  );
}
