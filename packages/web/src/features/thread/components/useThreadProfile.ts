import { useEffect, useState } from 'react';
import type { ThreadProfile } from '@tijara/protocol';
import { useSyncGeneration } from '../../../lib/realtime-context';
import { getThreadProfile, type ThreadScope } from '../api/thread';

/**
 * The page's Messenger profile (greeting, Get Started, persistent menu) as this shopper sees it.
 * undefined while loading; null for a page viewer, or when it could not be loaded (the plain composer
 * is then the safe fallback).
 */
export function useThreadProfile(scope: ThreadScope, threadId: string): ThreadProfile | null | undefined {
  const shopper = scope.kind === 'shopper';
  const generation = useSyncGeneration();
  const [profile, setProfile] = useState<ThreadProfile | null | undefined>(shopper ? undefined : null);

  useEffect(() => {
    if (!shopper || generation === 0) return;
    let live = true;
    getThreadProfile(threadId)
      .then((loaded) => live && setProfile(loaded))
      .catch(() => live && setProfile(null));
    return () => {
      live = false;
    };
  }, [shopper, threadId, generation]);

  return profile;
}
