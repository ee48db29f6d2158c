import { Fragment, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { Marks, Message, Side } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { formatClock, formatDay, sameDay } from '../../../lib/format';
import { Icon } from '../../../components/Icon';
import { MessageBubble } from './MessageBubble';
import { asAttachment, BotAttachment, isWide } from './bot/BotAttachment';
import { Ticks } from './Ticks';
import { deliveryStatus, type PendingMessage } from './threadState';

/** The title the Get Started button posts, whatever the language on screen (Messenger sends it in English). */
export const getStartedTitle = 'Get Started';

/** Within this distance of an edge counts as "at" it: new messages follow, older ones load. */
const edgePx = 120;
/** Messages from one side this close together read as one burst. */
const burstMs = 5 * 60 * 1000;

interface MessageListProps {
  messages: Message[];
  pending: PendingMessage[];
  marks: Record<Side, Marks>;
  viewer: Side;
  intro: ReactNode;
  hasOlder: boolean;
  loadingOlder: boolean;
  typingName: string | null;
  onNearTop(): void;
  onRetry(clientId: string): void;
}

export function MessageList(props: MessageListProps) {
  const { messages, pending, marks, viewer, intro, hasOlder, loadingOlder, typingName, onNearTop, onRetry } = props;
  const { t, locale } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const fromBottom = useRef(0);
  const firstId = useRef<string | undefined>(undefined);
  const pendingCount = useRef(0);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const first = messages[0]?.id;
    const prepended = firstId.current !== undefined && first !== firstId.current;
    const sentOne = pending.length > pendingCount.current;
    firstId.current = first;
    pendingCount.current = pending.length;
    if (prepended) {
      // Older history went in above: keep the reader's eyes on the same message.
      el.scrollTop = el.scrollHeight - el.clientHeight - fromBottom.current;
    } else if (sentOne || fromBottom.current < edgePx) {
      el.scrollTop = el.scrollHeight;
      fromBottom.current = 0;
    }
    // A short history leaves nothing to scroll, so the scroll that would load more can never happen.
    if (hasOlder && !loadingOlder && el.scrollHeight <= el.clientHeight + 1) onNearTop();
  }, [messages, pending, typingName, hasOlder, loadingOlder, onNearTop]);

  // The view shrinks when quick replies or the menu open under it, and the content grows when a bot's
  // images arrive: a reader who was at the bottom stays there.
  useEffect(() => {
    const el = scroller.current;
    const content = list.current;
    if (!el || !content || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (fromBottom.current < edgePx) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    fromBottom.current = el.scrollHeight - el.clientHeight - el.scrollTop;
    if (el.scrollTop < edgePx && hasOlder && !loadingOlder) onNearTop();
  };

  // Our own Get Started button always posts the English title (bots match on it); readers see their language.
  const shownText = (text: string, postback: boolean) => (postback && text === getStartedTitle ? t('thread.getStarted') : text);

  // Pending messages are the viewer's, written now: they continue whatever burst the viewer had going.
  const rows: { message: Message | null; pending: PendingMessage | null; side: Side; at: number }[] = [
    ...messages.map((m) => ({ message: m, pending: null, side: m.side, at: m.createdAt })),
    ...pending.map((p) => ({ message: null, pending: p, side: viewer, at: p.createdAt })),
  ];
  const sameBurst = (a: (typeof rows)[number] | undefined, b: (typeof rows)[number] | undefined) =>
    Boolean(a && b && a.side === b.side && sameDay(a.at, b.at) && Math.abs(b.at - a.at) < burstMs);

  return (
    <div className="message-scroller" ref={scroller} onScroll={onScroll}>
      {!hasOlder && intro}
      {loadingOlder && <p className="history-loading">{t('common.loading')}</p>}
      <ol className="message-list" ref={list} aria-label={t('thread.messages')}>
        {rows.map((row, i) => {
          const before = rows[i - 1];
          const newDay = !before || !sameDay(before.at, row.at);
          const grouped = sameBurst(before, row);
          const continued = sameBurst(row, rows[i + 1]);
          const { message, pending: p } = row;
          if (p) {
            return (
              <MessageBubble
                key={p.clientId}
                mine
                grouped={grouped}
                continued={continued}
                text={shownText(p.text, Boolean(p.postback))}
                failed={p.failed}
                meta={p.failed ? <Icon name="alert" size={16} /> : <Ticks status="sending" />}
              >
                {p.failed && (
                  <button type="button" className="retry-button" onClick={() => onRetry(p.clientId)}>
                    <Icon name="retry" size={14} />
                    {t('thread.notSentRetry')}
                  </button>
                )}
              </MessageBubble>
            );
          }
          if (!message) return null;
          const mine = message.side === viewer;
          const attachment = asAttachment(message.attachment);
          return (
            <Fragment key={message.id}>
              {newDay && (
                <li className="day-separator">
                  <span>{formatDay(message.createdAt, locale)}</span>
                </li>
              )}
              <MessageBubble
                mine={mine}
                grouped={grouped}
                continued={continued}
                text={message.postback ? shownText(message.postback.title, true) : (message.text ?? t('thread.attachment'))}
                card={attachment && <BotAttachment attachment={attachment} messageId={message.id} />}
                wide={attachment ? isWide(attachment) : false}
                meta={
                  <>
                    <time dateTime={new Date(message.createdAt).toISOString()}>{formatClock(message.createdAt, locale)}</time>
                    {mine && <Ticks status={deliveryStatus(message, marks)} />}
                  </>
                }
              />
            </Fragment>
          );
        })}
      </ol>
      <div className="typing-slot" role="status" aria-live="polite">
        {typingName && (
          <span className="typing-indicator">
            <span className="typing-dots" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            {t('thread.typing', { name: typingName })}
          </span>
        )}
      </div>
    </div>
  );
}
