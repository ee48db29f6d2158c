import { useCallback, useEffect, useRef, useState } from 'react';
import type { Order, OrderList } from '@tijara/protocol';
import { useSocketFrames } from '../lib/realtime-context';

/** A burst of messages (receipt, thank-you) reloads once. */
const settleMs = 400;

/**
 * Calls `reload` shortly after a message lands in a conversation `relevant` accepts. Orders change
 * through conversations: a payment brings the bot's receipt, a refund or a status change posts a note.
 */
function useReloadOnMessages(relevant: (threadId: string) => boolean, reload: () => void): void {
  const timer = useRef<number | undefined>(undefined);
  useSocketFrames((frame) => {
    if (frame.type !== 'message.created' || !relevant(frame.threadId)) return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(reload, settleMs);
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);
}

const anyThread = () => true;

/** A page of orders, newest first, with "load more", kept fresh as conversations move. */
export function useOrderList(fetchPage: (cursor: string | null) => Promise<OrderList>) {
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const reload = useCallback(() => {
    fetchPage(null)
      .then((page) => {
        setOrders(page.data);
        setNextCursor(page.nextCursor);
        setError(null);
      })
      .catch((failure: unknown) => setError(failure));
  }, [fetchPage]);
  useEffect(reload, [reload]);
  useReloadOnMessages(anyThread, reload);

  const loadMore = useCallback(() => {
    if (!nextCursor || loadingMore) return;
    setLoadingMore(true);
    fetchPage(nextCursor)
      .then((page) => {
        setOrders((current) => [...(current ?? []), ...page.data.filter((o) => !current?.some((c) => c.id === o.id))]);
        setNextCursor(page.nextCursor);
      })
      .catch((failure: unknown) => setError(failure))
      .finally(() => setLoadingMore(false));
  }, [fetchPage, nextCursor, loadingMore]);

  /** An order changed here (shipped, refunded): show it at once. */
  const replace = useCallback((order: Order) => setOrders((current) => current?.map((o) => (o.id === order.id ? order : o)) ?? null), []);

  return { orders, error, hasMore: nextCursor !== null, loadingMore, loadMore, replace };
}

/** One order, reloaded when its conversation moves (a refund note, a status change). */
export function useOrder(fetchOne: () => Promise<Order>) {
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    fetchOne()
      .then((loaded) => {
        setOrder(loaded);
        setError(null);
      })
      .catch((failure: unknown) => setError(failure));
  }, [fetchOne]);
  useEffect(reload, [reload]);
  const threadId = order?.threadId;
  useReloadOnMessages((id) => id === threadId, reload);
  return { order, error, setOrder };
}
