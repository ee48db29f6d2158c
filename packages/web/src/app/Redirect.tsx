import { useEffect } from 'react';
import { navigate } from '../lib/router';

export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** Only same-site paths: `next=//evil.example` must not turn sign-in into an open redirect. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}
