import { useEffect, useRef } from 'react';
import type { Session, Side, SocketFrame, Thread } from '@tijara/protocol';
import { useSocketFrames, useSyncGeneration } from '../lib/realtime-context';
import { markDelivered, type ThreadScope } from '../features/thread/api/thread';
import { listMyPages, listPageThreads } from '../features/business/api/pages';
import { listThreads } from '../features/conversations/api/conversations';

/** A replay can bring many messages of one thread; one "delivered up to seq" per thread answers them. */
const flushDelayMs = 300;

/**
 * Tells the other side that their messages reached this device, wherever the user is in the app.
 * Merchants answer as their pages, so a frame is acknowledged as the page when the page is theirs.
 */
export function DeliveryReceipts({ session }: { session: Session }) {
  const myPages = useRef<Promise<Set<string>> | null>(null);
  const queue = useRef(new Map<string, { scope: ThreadScope; seq: number }>());
  const timer = useRef<number | undefined>(undefined);
  const rechecked = useRef(new Set<string>());
  const merchant = session.account.role === 'merchant';

  const pages = (refresh: boolean): Promise<Set<string>> => {
    if (!merchant) return Promise.resolve(new Set());
    if (!myPages.current || refresh) {
      myPages.current = listMyPages()
        .then((list) => new Set(list.map((p) => p.id)))
        .catch(() => new Set<string>());
    }
    return myPages.current;
  };

  const flush = () => {
    window.clearTimeout(timer.current);
    for (const [threadId, { scope, seq }] of queue.current) markDelivered(scope, threadId, seq).catch(() => undefined);
    queue.current.clear();
  };

  const enqueue = (threadId: string, scope: ThreadScope, seq: number) => {
    const queued = queue.current.get(threadId);
    if (!queued || queued.seq < seq) queue.current.set(threadId, { scope, seq });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, flushDelayMs);
  };

  useEffect(() => () => window.clearTimeout(timer.current), []);

  // The socket starts from now and replays nothing, so what arrived while this device was away is
  // acknowledged from the lists instead: the latest conversations, as the shopper and as each page.
  const generation = useSyncGeneration();
  useEffect(() => {
    if (generation === 0) return;
    let live = true;
    const acknowledge = (threads: Thread[], viewer: Side, scopeOf: (thread: Thread) => ThreadScope) => {
      for (const thread of threads) {
        const last = thread.lastMessage;
        if (live && last && last.side !== viewer && thread.marks[viewer].deliveredSeq < last.seq) enqueue(thread.id, scopeOf(thread), last.seq);
      }
    };
    listThreads(null)
      .then((list) => acknowledge(list.data, 'shopper', () => ({ kind: 'shopper' })))
      .catch(() => undefined);
    void pages(generation > 1).then((owned) => {
      for (const pageId of owned) {
        listPageThreads(pageId, null)
          .then((list) => acknowledge(list.data, 'page', () => ({ kind: 'page', pageId })))
          .catch(() => undefined);
      }
    });
    return () => {
      live = false;
    };
    // enqueue and pages only touch refs; the lists are read again only when the socket starts over.
  }, [generation]);

  useSocketFrames((frame: SocketFrame) => {
    if (frame.type === 'ready') return flush();
    if (frame.type !== 'message.created') return;
    const { threadId, pageId, message } = frame;
    void (async () => {
      let owned = await pages(false);
      // A page created since the list was fetched would otherwise look like someone else's.
      if (merchant && !owned.has(pageId) && !rechecked.current.has(pageId)) {
        rechecked.current.add(pageId);
        owned = await pages(true);
      }
      if (owned.has(pageId)) {
        if (message.side === 'shopper') enqueue(threadId, { kind: 'page', pageId }, message.seq);
      } else if (message.side === 'page') {
        enqueue(threadId, { kind: 'shopper' }, message.seq);
      }
    })();
  });

  return null;
}
