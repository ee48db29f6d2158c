import { useI18n } from '../../lib/i18n';
import { EmptyState } from '../../components/EmptyState';
import { ConversationList } from '../../features/conversations/components/ConversationList';
import { ThreadView } from '../../features/thread/components/ThreadView';

const shopperScope = { kind: 'shopper' } as const;

/** One component for "/" and "/t/:id" so the list stays mounted beside the thread on wide screens. */
export function ChatsRoute({ threadId }: { threadId: string | null }) {
  const { t } = useI18n();
  return (
    <div className={`split${threadId ? ' has-detail' : ''}`}>
      <ConversationList activeThreadId={threadId} />
      <div className="detail-pane">
        {threadId ? (
          <ThreadView key={threadId} scope={shopperScope} threadId={threadId} backHref="/" />
        ) : (
          <EmptyState icon="chat" title={t('chats.pickTitle')}>
            <p>{t('chats.pickBody')}</p>
          </EmptyState>
        )}
      </div>
    </div>
  );
}
