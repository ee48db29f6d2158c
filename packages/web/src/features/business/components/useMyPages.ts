import { useCallback, useEffect, useState } from 'react';
import type { Page } from '@tijara/protocol';
import { listMyPages } from '../api/pages';

/** The pages this merchant runs, loaded once for the console and patched in place after edits. */
export function useMyPages() {
  const [pages, setPages] = useState<Page[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    listMyPages()
      .then((list) => live && setPages(list))
      .catch((failure: unknown) => live && setError(failure));
    return () => {
      live = false;
    };
  }, []);

  const upsert = useCallback((page: Page) => {
    setPages((prev) => {
      const list = prev ?? [];
      return list.some((p) => p.id === page.id) ? list.map((p) => (p.id === page.id ? page : p)) : [...list, page];
    });
  }, []);

  return { pages, error, upsert };
}
