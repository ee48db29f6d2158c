import { useCallback, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { EmptyState } from '../../components/EmptyState';
import { ConversationList } from '../../features/conversations/components/ConversationList';
import { ThreadView } from '../../features/thread/components/ThreadView';
import { CheckoutSheet, type BuyTap } from '../../features/checkout/components/CheckoutSheet';

const shopperScope = { kind: 'shopper' } as const;

/** One component for "/" and "/t/:id" so the list stays mounted beside the thread on wide screens. */
export function ChatsRoute({ threadId }: { threadId: string | null }) {
  const { t } = useI18n();
  // The thread shows the Buy button; the checkout sheet is its own feature, opened over the thread.
  const [tap, setTap] = useState<BuyTap | null>(null);
  const onBuy = useCallback(
    (messageId: string, buttonPath: string) => {
      if (threadId) setTap({ threadId, messageId, buttonPath });
    },
    [threadId],
  );
  const close = useCallback(() => setTap(null), []);
  return (
    <div className={`split${threadId ? ' has-detail' : ''}`}>
      <ConversationList activeThreadId={threadId} />
      <div className="detail-pane">
        {threadId ? (
          <ThreadView key={threadId} scope={shopperScope} threadId={threadId} backHref="/" onBuy={onBuy} />
        ) : (
          <EmptyState icon="chat" title={t('chats.pickTitle')}>
            <p>{t('chats.pickBody')}</p>
          </EmptyState>
        )}
      </div>
      {tap && tap.threadId === threadId && <CheckoutSheet key={`${tap.messageId}:${tap.buttonPath}`} tap={tap} onClose={close} />}
    </div>
  );
}
