import { useCallback, useMemo, useState } from 'react';
import type { MenuItem, QuickReply } from '@tijara/protocol/messenger';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { EmptyState } from '../../../components/EmptyState';
import { Icon } from '../../../components/Icon';
import { Spinner } from '../../../components/Spinner';
import { viewerSide, type ThreadScope } from '../api/thread';
import { BotActionsContext, type BotActions } from './bot/BotActions';
import { PersistentMenu } from './bot/PersistentMenu';
import { QuickReplyBar } from './bot/QuickReplyBar';
import { Composer } from './Composer';
import { getStartedTitle, MessageList } from './MessageList';
import { PageIntro } from './PageIntro';
import { ThreadHeader } from './ThreadHeader';
import { useThread } from './useThread';
import { useThreadProfile } from './useThreadProfile';
import { useTypingSignal } from './useTypingSignal';

/** A conversation seen by the shopper, or by a merchant answering as the page (scope decides which). */
interface ThreadViewProps {
  scope: ThreadScope;
  threadId: string;
  backHref: string;
  /** The shopper tapped a Buy button: whoever shows the checkout sheet opens it. */
  onBuy?(messageId: string, buttonPath: string): void;
}

export function ThreadView({ scope, threadId, backHref, onBuy }: ThreadViewProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { state, send, sendQuickReply, sendPostback, retry, loadOlder } = useThread(scope, threadId);
  const profile = useThreadProfile(scope, threadId);
  const typing = useTypingSignal(scope, threadId);
  const viewer = viewerSide(scope);
  const asShopper = scope.kind === 'shopper';
  const [menuOpen, setMenuOpen] = useState(false);
  // The quick replies of this message were answered (tapped), so they go away even before the echo.
  const [answered, setAnswered] = useState<string | null>(null);
  const { thread, messages, pending } = state;

  // Only the shopper taps bot buttons; a merchant reading the thread sees them inert.
  const actions = useMemo<BotActions | null>(() => (asShopper ? { postback: sendPostback, buy: onBuy } : null), [asShopper, sendPostback, onBuy]);
  const closeMenu = useCallback(() => setMenuOpen(false), []);

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

  const otherName = asShopper ? thread.page.name : thread.shopper.name;
  const last = messages[messages.length - 1];
  const quickReplies =
    actions && last && last.side === 'page' && pending.length === 0 && answered !== last.id && last.quickReplies?.length
      ? (last.quickReplies as QuickReply[])
      : null;
  const empty = messages.length === 0 && pending.length === 0 && state.olderCursor === null;
  const getStarted = asShopper && empty && profile?.getStarted ? profile.getStarted : null;
  const menu = (profile?.persistentMenu as MenuItem[] | null | undefined) ?? null;
  // While the profile loads, an empty thread shows no composer: it may turn into the Get Started button.
  const bottomPending = asShopper && empty && profile === undefined;

  const menuButton = menu && menu.length > 0 && (
    <button
      type="button"
      className={`icon-button composer-menu${menuOpen ? ' is-open' : ''}`}
      onClick={() => setMenuOpen((open) => !open)}
      aria-label={t('thread.menu')}
      aria-expanded={menuOpen}
      title={t('thread.menu')}
    >
      <Icon name="menu" />
    </button>
  );

  return (
    <BotActionsContext.Provider value={actions}>
      <section className="thread" aria-label={otherName}>
        <ThreadHeader
          name={otherName}
          avatarUrl={asShopper ? thread.page.avatarUrl : null}
          subtitle={asShopper ? `@${thread.page.username}` : t('thread.shopperVia', { page: thread.page.name })}
          backHref={backHref}
        />
        <MessageList
          messages={messages}
          pending={pending}
          marks={state.marks}
          viewer={viewer}
          intro={<PageIntro page={thread.page} greeting={profile?.greeting ?? null} large={Boolean(getStarted)} />}
          hasOlder={state.olderCursor !== null}
          loadingOlder={state.loadingOlder}
          typingName={state.otherTyping ? otherName : null}
          onNearTop={loadOlder}
          onRetry={retry}
        />
        {getStarted ? (
          <div className="get-started-bar">
            <button type="button" className="button button-primary button-block" onClick={() => sendPostback(getStartedTitle, getStarted.payload)}>
              {t('thread.getStarted')}
            </button>
          </div>
        ) : bottomPending ? null : (
          <>
            {menuOpen && menu && <PersistentMenu items={menu} onPostback={sendPostback} onClose={closeMenu} />}
            {quickReplies && last && (
              <QuickReplyBar
                replies={quickReplies}
                onPick={(title, payload) => {
                  setAnswered(last.id);
                  sendQuickReply(title, payload);
                }}
              />
            )}
            <Composer
              onSend={(text) => {
                typing.sent();
                send(text);
              }}
              onChange={typing.changed}
              menuButton={menuButton}
              inputDisabled={asShopper && profile?.composerInputDisabled === true}
            />
          </>
        )}
      </section>
    </BotActionsContext.Provider>
  );
}
