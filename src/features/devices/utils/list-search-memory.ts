/**
 * Remembers the device list's search string per backend so the device page's breadcrumb leads
 * back to the same filtered list, even after the Event log has rewritten its own search params.
 */
const key = (backendId: string) => `fleetlog:device-list-search:${backendId}`;

export function rememberListSearch(backendId: string, search: string): void {
  try {
    sessionStorage.setItem(key(backendId), search);
  } catch {
    // Storage disabled (privacy mode): the breadcrumb then leads to the unfiltered list.
  }
}

export function recallListSearch(backendId: string): string {
  try {
    return sessionStorage.getItem(key(backendId)) ?? '';
  } catch {
    return '';
  }
}
