/**
 * What the browser remembers of the Events grid, per backend kind (the vocabulary's
 * `storageKey`): which columns are hidden, their widths and their order. Read after the page has
 * been taken over by the app (never while rendering), so a server-rendered page and the browser's
 * first render agree; anything unreadable is ignored, never an error.
 */
export interface StoredColumns {
  /** Column id → shown; a column not listed is shown. */
  visibility: Record<string, boolean>;
  /** Column id → width in CSS pixels; a column not listed has its own width. */
  sizing: Record<string, number>;
  /** Column ids in the order shown; empty: the vocabulary's order. */
  order: string[];
}

export const columnMemoryKey = (storageKey: string) => `fleetlog:event-columns:${storageKey}`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function entriesOf<T>(value: unknown, keep: (entry: unknown) => entry is T): Record<string, T> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, T] => keep(entry[1])),
  );
}

/** The stored choices as far as they make sense; null when there are none. */
export function parseStoredColumns(text: string | null): StoredColumns | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  return {
    visibility: entriesOf(
      value.visibility,
      (entry): entry is boolean => typeof entry === 'boolean',
    ),
    sizing: entriesOf(
      value.sizing,
      (entry): entry is number => typeof entry === 'number' && Number.isFinite(entry) && entry > 0,
    ),
    order: Array.isArray(value.order)
      ? value.order.filter((id): id is string => typeof id === 'string')
      : [],
  };
}

export function recallColumns(storageKey: string): StoredColumns | null {
  try {
    return parseStoredColumns(localStorage.getItem(columnMemoryKey(storageKey)));
  } catch {
    return null;
  }
}

export function rememberColumns(storageKey: string, columns: StoredColumns): void {
  try {
    localStorage.setItem(columnMemoryKey(storageKey), JSON.stringify(columns));
  } catch {
    // Storage full or disabled (privacy mode): the choice holds until the page is left.
  }
}
