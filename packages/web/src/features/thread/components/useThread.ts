import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import type { Side, SocketFrame } from '@tijara/protocol';
import { useSocketFrames } from '../../../lib/realtime-context';
import { newClientId } from '../../../lib/uuid';
import { getThread, listMessages, markRead, sendMessage, viewerSide, type ThreadScope } from '../api/thread';
import { initialThreadState, threadReducer, type ThreadAction, type ThreadState } from './threadState';

/** The server expires typing too; we hide it ourselves if no fresh "on" comes within this window. */
const typingShownMs = 6000;

const ignore = () => undefined;

export interface ThreadController {
  state: ThreadState;
  send(text: string): void;
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

  useEffect(() => {
    let live = true;
    const current = scopeRef.current;
    Promise.all([getThread(current, threadId), listMessages(current, threadId, null)])
      .then(([thread, list]) => live && dispatch({ type: 'loaded', thread, list }))
      .catch((error: unknown) => live && dispatch({ type: 'failed', error }));
    return () => {
      live = false;
      window.clearTimeout(typingTimer.current);
    };
  }, [scopeKey, threadId]);

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
    (clientId: string, text: string) => {
      sendMessage(scopeRef.current, threadId, clientId, text)
        .then((message) => dispatch({ type: 'message', message }))
        .catch(() => dispatch({ type: 'sendFailed', clientId }));
    },
    [threadId],
  );

  const send = useCallback(
    (text: string) => {
      const clientId = newClientId();
      dispatch({ type: 'queued', pending: { clientId, text, createdAt: Date.now(), failed: false } });
      post(clientId, text);
    },
    [post],
  );

  const pendingRef = useRef(state.pending);
  useLayoutEffect(() => {
    pendingRef.current = state.pending;
  });
  const retry = useCallback(
    (clientId: string) => {
      const pending = pendingRef.current.find((p) => p.clientId === clientId);
      if (!pending) return;
      dispatch({ type: 'retrying', clientId });
      post(clientId, pending.text);
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

  return { state, send, retry, loadOlder };
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
