import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import type { Side, SocketFrame } from '@tijara/protocol';
import { useSocketFrames, useSyncGeneration } from '../../../lib/realtime-context';
import { newClientId } from '../../../lib/uuid';
import { getThread, listMessages, markRead, sendMessage, sendPostback, viewerSide, type ThreadScope } from '../api/thread';
import { initialThreadState, threadReducer, type PendingMessage, type ThreadAction, type ThreadState } from './threadState';

/**
 * Typing is never stored, and a bot's `typing_on` has no matching "off" if the bot crashes: as on
 * Messenger, the indicator goes away by itself after 20 s without a fresh frame.
 */
export const typingShownMs = 20_000;

const ignore = () => undefined;

export interface ThreadController {
  state: ThreadState;
  send(text: string): void;
  /** The shopper tapped a quick reply: its title is sent as their text, with the payload. */
  sendQuickReply(title: string, payload: string): void;
  /** The shopper tapped a postback button, menu item or Get Started. */
  sendPostback(title: string, payload: string): void;
  retry(clientId: string): void;
  loadOlder(): void;
}

export function useThread(scope: ThreadScope, threadId: string): ThreadController {
  const viewer = viewerSide(scope);
  const [state, dispatch] = useReducer(
    (s: ThreadState, a: ThreadAction) => threadReducer(s, a, viewer),
    initialThreadState,
  );
  // Callers rebuild the scope object on every render; its key, not its identity, names the thread.
  const scopeKey = scope.kind === 'shopper' ? 'shopper' : `page:${scope.pageId}`;
  const scopeRef = useRef(scope);
  useLayoutEffect(() => {
    scopeRef.current = scope;
  });
  const typingTimer = useRef<number | undefined>(undefined);

  // Loaded once the socket is live, and again whenever it had to start over without a replay.
  const generation = useSyncGeneration();
  useEffect(() => {
    if (generation === 0) return;
    let live = true;
    const current = scopeRef.current;
    Promise.all([getThread(current, threadId), listMessages(current, threadId, null)])
      .then(([thread, list]) => live && dispatch({ type: 'loaded', thread, list }))
      .catch((error: unknown) => live && dispatch({ type: 'failed', error }));
    return () => {
      live = false;
    };
  }, [scopeKey, threadId, generation]);
  useEffect(() => () => window.clearTimeout(typingTimer.current), []);

  useSocketFrames((frame: SocketFrame) => {
    if (frame.type === 'ready' || frame.threadId !== threadId) return;
    if (frame.type === 'message.created') dispatch({ type: 'message', message: frame.message });
    else if (frame.type === 'marks.changed') dispatch({ type: 'marks', side: frame.side, marks: frame.marks });
    else if (frame.side !== viewer) {
      dispatch({ type: 'typing', on: frame.on });
      window.clearTimeout(typingTimer.current);
      if (frame.on) typingTimer.current = window.setTimeout(() => dispatch({ type: 'typing', on: false }), typingShownMs);
    }
  });

  useReadMarks(scopeRef, scopeKey, threadId, state, viewer);

  const post = useCallback(
    (pending: PendingMessage) => {
      const { clientId, text } = pending;
      const sent = pending.postback
        ? sendPostback(threadId, { clientId, title: text, payload: pending.postback.payload })
        : sendMessage(scopeRef.current, threadId, clientId, text, pending.quickReply);
      sent.then((message) => dispatch({ type: 'message', message })).catch(() => dispatch({ type: 'sendFailed', clientId }));
    },
    [threadId],
  );

  const queue = useCallback(
    (fields: Omit<PendingMessage, 'clientId' | 'createdAt' | 'failed'>) => {
      const pending: PendingMessage = { ...fields, clientId: newClientId(), createdAt: Date.now(), failed: false };
      dispatch({ type: 'queued', pending });
      post(pending);
    },
    [post],
  );

  const send = useCallback((text: string) => queue({ text }), [queue]);
  const sendQuickReply = useCallback((title: string, payload: string) => queue({ text: title, quickReply: { payload } }), [queue]);
  const sendPostbackTap = useCallback((title: string, payload: string) => queue({ text: title, postback: { payload } }), [queue]);

  const pendingRef = useRef(state.pending);
  useLayoutEffect(() => {
    pendingRef.current = state.pending;
  });
  const retry = useCallback(
    (clientId: string) => {
      const pending = pendingRef.current.find((p) => p.clientId === clientId);
      if (!pending) return;
      dispatch({ type: 'retrying', clientId });
      post(pending);
    },
    [post],
  );

  const cursor = state.olderCursor;
  const loading = state.loadingOlder;
  const loadOlder = useCallback(() => {
    if (!cursor || loading) return;
    dispatch({ type: 'loadingOlder' });
    listMessages(scopeRef.current, threadId, cursor)
      .then((list) => dispatch({ type: 'older', list }))
      .catch(() => dispatch({ type: 'older', list: null }));
  }, [cursor, loading, threadId]);

  return { state, send, sendQuickReply, sendPostback: sendPostbackTap, retry, loadOlder };
}

/** Tells the other side we read up to their latest message, but only while this tab is visible. */
function useReadMarks(
  scopeRef: { readonly current: ThreadScope },
  scopeKey: string,
  threadId: string,
  state: ThreadState,
  viewer: Side,
): void {
  const posted = useRef(0);
  const latestTheirs = state.messages.reduce((max, m) => (m.side !== viewer && m.seq > max ? m.seq : max), 0);
  const alreadyRead = state.marks[viewer].readSeq;

  useEffect(() => {
    const mark = () => {
      if (document.visibilityState !== 'visible') return;
      if (latestTheirs <= Math.max(posted.current, alreadyRead)) return;
      posted.current = latestTheirs;
      markRead(scopeRef.current, threadId, latestTheirs).catch(ignore);
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [scopeRef, scopeKey, threadId, latestTheirs, alreadyRead]);
}
