import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Session } from '@tijara/protocol';
import { api, setCsrfToken, setUnauthorizedHandler } from './api';

interface SessionState {
  /** undefined while the first probe runs, null when signed out. */
  session: Session | null | undefined;
  setSession(session: Session | null): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setState] = useState<Session | null | undefined>(undefined);

  const setSession = useCallback((next: Session | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setState(next);
  }, []);

  useEffect(() => {
    let live = true;
    api
      .get<Session>('/api/session', { quietUnauthorized: true })
      .then((s) => live && setSession(s))
      // Any failure reads as signed out: the sign-in form then reports what is wrong when used.
      .catch(() => live && setSession(null));
    setUnauthorizedHandler(() => setSession(null));
    return () => {
      live = false;
      setUnauthorizedHandler(null);
    };
  }, [setSession]);

  const value = useMemo(() => ({ session, setSession }), [session, setSession]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}
