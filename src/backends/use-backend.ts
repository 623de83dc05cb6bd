import { createContext, useContext } from 'react';
import type { BackendAdapter, BackendInfo } from './types.ts';

export interface CurrentBackend {
  info: BackendInfo;
  adapter: BackendAdapter;
}

/** Provided by the `/:backendId` route layout for everything below it. */
export const BackendContext = createContext<CurrentBackend | null>(null);

/** The backend of the current `/:backendId/…` route. */
export function useBackend(): CurrentBackend {
  const current = useContext(BackendContext);
  if (!current) throw new Error('useBackend() is only available inside a /:backendId route.');
  return current;
}
