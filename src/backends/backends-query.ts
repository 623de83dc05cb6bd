import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { BACKENDS_ELEMENT_ID, backendListSchema } from './contract.ts';
import { fetchJson, invalidResponse } from './http.ts';
import { describeIssues } from './wire-check.ts';
import type { BackendInfo } from './types.ts';

/** `GET /api/backends`: the backends the server is configured with (no secrets). */

export async function fetchBackends(signal?: AbortSignal): Promise<BackendInfo[]> {
  const body = await fetchJson('/api/backends', { signal });
  const parsed = backendListSchema.safeParse(body);
  if (!parsed.success) throw invalidResponse('backend list', describeIssues(parsed.issues));
  return parsed.data.backends;
}

/**
 * The backend list the production server writes into the page (same shape as `GET
 * /api/backends`), or null when there is none (Vite's dev server) or it does not parse — then the
 * app asks the API as usual.
 */
export function inlineBackends(doc: Document = document): BackendInfo[] | null {
  const element = doc.getElementById(BACKENDS_ELEMENT_ID);
  if (!element?.textContent) return null;
  try {
    const parsed = backendListSchema.safeParse(JSON.parse(element.textContent));
    return parsed.success ? parsed.data.backends : null;
  } catch {
    return null;
  }
}

let earlyRequest: Promise<BackendInfo[]> | null = null;

/**
 * Takes the backend list from the page, or sends `GET /api/backends`, before the app has rendered
 * anything (called from the entry module's first import); the backends query takes this answer
 * instead of sending its own request.
 */
export function startBackendsRequest(): Promise<BackendInfo[]> {
  if (!earlyRequest) {
    const inline = inlineBackends();
    earlyRequest = inline ? Promise.resolve(inline) : fetchBackends();
  }
  // Unhandled until the query takes it; a failure is reported (and retried) by the query.
  earlyRequest.catch(() => undefined);
  return earlyRequest;
}

function takeEarlyRequest(): Promise<BackendInfo[]> | null {
  const pending = earlyRequest;
  earlyRequest = null;
  return pending;
}

export const backendsQueryOptions = () =>
  queryOptions({
    queryKey: ['backends'] as const,
    queryFn: ({ signal }) => takeEarlyRequest() ?? fetchBackends(signal),
    // The configuration only changes when the server restarts, which reloads nobody's tab anyway.
    staleTime: Infinity,
  });

export function useBackends(): BackendInfo[] {
  return useSuspenseQuery(backendsQueryOptions()).data;
}
