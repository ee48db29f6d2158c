import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { EmptyState } from '../../../components/EmptyState';
import { Spinner } from '../../../components/Spinner';
import { viewerSide, type ThreadScope } from '../api/thread';
import { Composer } from './Composer';
import { MessageList } from './MessageList';
import { PageIntro } from './PageIntro';
import { ThreadHeader } from './ThreadHeader';
import { useThread } from './useThread';
import { useTypingSignal } from './useTypingSignal';

/** A conversation seen by the shopper, or by a merchant answering as the page (scope decides which). */
export function ThreadView({ scope, threadId, backHref }: { scope: ThreadScope; threadId: string; backHref: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { state, send, retry, loadOlder } = useThread(scope, threadId);
  const typing = useTypingSignal(scope, threadId);
  const viewer = viewerSide(scope);
  const { thread } = state;

  if (!thread) {
    return (
      <section className="thread">
        {state.error ? (
          <EmptyState icon="alert" title={t('thread.loadFailed')}>
            <p>{errorText(state.error)}</p>
          </EmptyState>
        ) : (
          <Spinner label={t('common.loading')} />
        )}
      </section>
    );
  }

  const asShopper = scope.kind === 'shopper';
  const otherName = asShopper ? thread.page.name : thread.shopper.name;
  return (
    <section className="thread" aria-label={otherName}>
      <ThreadHeader
        name={otherName}
        avatarUrl={asShopper ? thread.page.avatarUrl : null}
        subtitle={asShopper ? `@${thread.page.username}` : t('thread.shopperVia', { page: thread.page.name })}
        backHref={backHref}
      />
      <MessageList
        messages={state.messages}
        pending={state.pending}
        marks={state.marks}
        viewer={viewer}
        intro={<PageIntro page={thread.page} />}
        hasOlder={state.olderCursor !== null}
        loadingOlder={state.loadingOlder}
        typingName={state.otherTyping ? otherName : null}
        onNearTop={loadOlder}
        onRetry={retry}
      />
      <Composer
        onSend={(text) => {
          typing.sent();
          send(text);
        }}
        onChange={typing.changed}
      />
    </section>
  );
}
