import { useEffect } from 'react';

/** Names the page in the browser's tab, history and screen readers: "<what> — Fleetlog". */
export function useDocumentTitle(parts: ReadonlyArray<string | null | undefined>) {
  const title = [...parts.filter((part): part is string => Boolean(part)), 'Fleetlog'].join(' — ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
