import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { setTyping, type ThreadScope } from '../api/thread';

/** Re-announced well before the other side's 20 s expiry (typingShownMs) so it stays up while we type. */
const renewMs = 15_000;
const idleMs = 4000;

const ignore = () => undefined;

/** Sends typing on/off as the composer changes; a sent message ends typing on the other side by itself. */
export function useTypingSignal(scope: ThreadScope, threadId: string) {
  const scopeRef = useRef(scope);
  useLayoutEffect(() => {
    scopeRef.current = scope;
  });
  const on = useRef(false);
  const lastSent = useRef(0);
  const idleTimer = useRef<number | undefined>(undefined);

  const stop = useCallback(
    (announce: boolean) => {
      window.clearTimeout(idleTimer.current);
      if (on.current && announce) setTyping(scopeRef.current, threadId, false).catch(ignore);
      on.current = false;
    },
    [threadId],
  );

  const changed = useCallback(
    (text: string) => {
      if (!text.trim()) {
        stop(true);
        return;
      }
      const now = Date.now();
      if (!on.current || now - lastSent.current > renewMs) {
        on.current = true;
        lastSent.current = now;
        setTyping(scopeRef.current, threadId, true).catch(ignore);
      }
      window.clearTimeout(idleTimer.current);
      idleTimer.current = window.setTimeout(() => stop(true), idleMs);
    },
    [threadId, stop],
  );

  useEffect(() => () => stop(true), [stop]);

  return { changed, sent: () => stop(false) };
}
