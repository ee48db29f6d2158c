import { useCallback, useRef } from 'react';
import { attemptFor, unanswered, type Attempt } from '../lib/idempotency';
import { newClientId } from '../lib/uuid';

/**
 * Sends a money action (a Pay tap, a refund) with an idempotency key: a new key per action, the same
 * key when the same request is retried after it went unanswered.
 */
export function useIdempotentSend() {
  const pending = useRef<Attempt | null>(null);
  return useCallback(async <T,>(body: unknown, send: (key: string) => Promise<T>): Promise<T> => {
    const attempt = attemptFor(pending.current, body, newClientId);
    try {
      const result = await send(attempt.key);
      pending.current = null;
      return result;
    } catch (error) {
      pending.current = unanswered(error) ? attempt : null;
      throw error;
    }
  }, []);
}
