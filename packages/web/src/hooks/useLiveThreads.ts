import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Side, SocketFrame, Thread, ThreadList } from '@tijara/protocol';
import { useSocketFrames, useSyncGeneration } from '../lib/realtime-context';

interface LiveThreadsOptions {
  /** Fetches one page of the list, newest activity first. */
  fetchPage(cursor: string | null): Promise<ThreadList>;
  /** Which side the viewer speaks for in these threads. */
  viewer: Side;
  /** Frames outside this list (another page of the merchant) are ignored. */
  accepts(frame: { pageId: string }): boolean;
  /** The thread open beside the list: its new messages are read at once, so they add no unread. */
  activeThreadId?: string | null;
}

export interface LiveThreads {
  threads: Thread[] | null;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
}

function mergeFirstPage(fresh: Thread[], previous: Thread[] | null): Thread[] {
  const ids = new Set(fresh.map((t) => t.id));
  return [...fresh, ...(previous ?? []).filter((t) => !ids.has(t.id))];
}

/** A thread list kept current by the socket, so new messages reorder it without a reload. */
export function useLiveThreads({ fetchPage, viewer, accepts, activeThreadId }: LiveThreadsOptions): LiveThreads {
  const [threads, setThreads] = useState<Thread[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const fetchRef = useRef(fetchPage);
  useLayoutEffect(() => {
    fetchRef.current = fetchPage;
  });
  const firstLoad = useRef(true);
  const refreshTimer = useRef<number | undefined>(undefined);

  const refresh = useCallback(() => {
    fetchRef
      .current(null)
      .then((list) => {
        setThreads((prev) => mergeFirstPage(list.data, prev));
        // Later refreshes only renew the top of the list; the older pages keep their own cursor.
        if (firstLoad.current) setCursor(list.nextCursor);
        firstLoad.current = false;
        setError(null);
      })
      .catch(setError);
  }, []);

  // Several frames often arrive together (a replay after reconnect); one fetch answers them all.
  const refreshSoon = useCallback(() => {
    window.clearTimeout(refreshTimer.current);
    refreshTimer.current = window.setTimeout(refresh, 250);
  }, [refresh]);

  // Loaded once the socket is live (and again if it had to start over), so no message slips between.
  const generation = useSyncGeneration();
  useEffect(() => {
    if (generation > 0) refresh();
  }, [generation, refresh]);
  useEffect(() => () => window.clearTimeout(refreshTimer.current), []);

  const onFrame = (frame: SocketFrame) => {
    if (frame.type === 'ready' || frame.type === 'typing.changed' || !accepts(frame)) return;
    if (frame.type === 'marks.changed') {
      // Our own read mark moved (maybe from another tab): the server knows the exact unread count.
      if (frame.side === viewer) refreshSoon();
      return;
    }
    const { message } = frame;
    const known = threads?.find((t) => t.id === frame.threadId);
    if (!known) {
      refreshSoon();
      return;
    }
    // A replayed or already-answered message is not news.
    if (message.seq <= known.lastSeq) return;
    const fromOther = message.side !== viewer && frame.threadId !== activeThreadId;
    const updated: Thread = {
      ...known,
      lastMessage: message,
      lastSeq: message.seq,
      unread: known.unread + (fromOther ? 1 : 0),
    };
    setThreads((prev) => [updated, ...(prev ?? []).filter((t) => t.id !== updated.id)]);
  };
  useSocketFrames(onFrame);

  const loadMore = useCallback(() => {
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    fetchRef
      .current(cursor)
      .then((list) => {
        setThreads((prev) => {
          const have = new Set((prev ?? []).map((t) => t.id));
          return [...(prev ?? []), ...list.data.filter((t) => !have.has(t.id))];
        });
        setCursor(list.nextCursor);
      })
      .catch(setError)
      .finally(() => setLoadingMore(false));
  }, [cursor, loadingMore]);

  return { threads, error, hasMore: cursor !== null, loadingMore, loadMore };
}
