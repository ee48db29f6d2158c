import { createContext, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { SocketFrame } from '@tijara/protocol';
import { RealtimeClient, socketUrl, type SocketStatus } from './realtime';

const RealtimeContext = createContext<RealtimeClient | null>(null);

/** Opens the socket while `enabled` (signed in) and closes it on sign-out. */
export function RealtimeProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [client, setClient] = useState<RealtimeClient | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const next = new RealtimeClient(socketUrl);
    next.start();
    setClient(next);
    return () => {
      next.stop();
      setClient(null);
    };
  }, [enabled]);
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

/** Calls `handler` for every frame; the latest handler is used without resubscribing. */
export function useSocketFrames(handler: (frame: SocketFrame) => void): void {
  const client = useContext(RealtimeContext);
  const ref = useRef(handler);
  useLayoutEffect(() => {
    ref.current = handler;
  });
  useEffect(() => client?.onFrame((frame) => ref.current(frame)), [client]);
}

export function useSocketStatus(): SocketStatus | null {
  const client = useContext(RealtimeContext);
  const [status, setStatus] = useState<SocketStatus | null>(client?.status ?? null);
  useEffect(() => {
    setStatus(client?.status ?? null);
    return client?.onStatus(setStatus);
  }, [client]);
  return status;
}

/**
 * 0 while the socket has not started yet, then a number that grows each time the socket starts from
 * "now" (first connect, or a reconnect before any `ready`). Load REST state in an effect keyed on it:
 * loading after `ready` means no event falls between the snapshot and the live stream.
 */
export function useSyncGeneration(): number {
  const client = useContext(RealtimeContext);
  const [generation, setGeneration] = useState(client?.generation ?? 0);
  useEffect(() => {
    setGeneration(client?.generation ?? 0);
    return client?.onSync(setGeneration);
  }, [client]);
  return generation;
}
