import { ApiError } from './api';

/** One user action sent to the server, and what it sent. */
export interface Attempt {
  key: string;
  fingerprint: string;
}

/**
 * The idempotency key for an action: a fresh one for every tap, except when the very same request
 * is sent again after the last one got no answer (the network failed, a gateway gave up). The server
 * may have acted on that one, so only its key can make the retry safe; a changed request is a new
 * action and must not be mistaken for the old one.
 */
export function attemptFor(unanswered: Attempt | null, body: unknown, fresh: () => string): Attempt {
  const fingerprint = JSON.stringify(body);
  return unanswered && unanswered.fingerprint === fingerprint ? unanswered : { key: fresh(), fingerprint };
}

/** Whether the server may have done the work without us hearing the answer. */
export function unanswered(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 502);
}
