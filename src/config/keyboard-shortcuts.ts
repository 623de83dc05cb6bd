/**
 * Every keyboard shortcut Fleetlog knows, in one list: the Keyboard shortcuts dialog (`?`) shows
 * it as it is, and `useShortcut` binds a shortcut's single-character keys by its id, so a key is
 * named here only. To add one: an entry here, then `useShortcut(id, handler)` where it acts.
 * Keys the Events grid's rows handle themselves (arrows, Home/End, Enter) are listed with
 * `bound: 'grid'`: shown, not bound globally.
 */
export interface KeyboardShortcut {
  /** As `KeyboardEvent.key` reports them ("?", "j", "ArrowDown"). */
  keys: readonly string[];
  description: string;
  section: 'Anywhere' | 'Event log' | 'Fleet events';
  /** Handled by the focused grid row rather than by a page-wide listener. */
  bound?: 'grid';
}

export const KEYBOARD_SHORTCUTS = {
  help: { keys: ['?'], description: 'Show this list of keyboard shortcuts', section: 'Anywhere' },
  search: { keys: ['/'], description: 'Go to the page’s search box', section: 'Anywhere' },
  nextRow: { keys: ['j'], description: 'Next event (focuses the grid)', section: 'Event log' },
  previousRow: {
    keys: ['k'],
    description: 'Previous event (focuses the grid)',
    section: 'Event log',
  },
  previousFailure: {
    keys: ['p'],
    description: 'Previous failure, however far (opens it)',
    section: 'Event log',
  },
  nextFailure: {
    keys: ['n'],
    description: 'Next failure, however far (opens it)',
    section: 'Event log',
  },
  rowArrows: {
    keys: ['ArrowDown', 'ArrowUp'],
    description: 'Next / previous event',
    section: 'Event log',
    bound: 'grid',
  },
  rowPages: {
    keys: ['PageDown', 'PageUp'],
    description: '20 events down / up',
    section: 'Event log',
    bound: 'grid',
  },
  rowEnds: {
    keys: ['Home', 'End'],
    description: 'First / last event of the log',
    section: 'Event log',
    bound: 'grid',
  },
  openRow: {
    keys: ['Enter'],
    description: 'Open the event’s details',
    section: 'Event log',
    bound: 'grid',
  },
  closeDetails: {
    keys: ['Escape'],
    description: 'Close the details (focus returns to the event’s row)',
    section: 'Event log',
    bound: 'grid',
  },
  fleetLinks: {
    keys: ['ArrowLeft', 'ArrowRight'],
    description:
      'Between an event’s time and its device (↓ ↑, Page Down / Up, Home / End move between events as in a log; Enter follows the link)',
    section: 'Fleet events',
    bound: 'grid',
  },
} as const satisfies Record<string, KeyboardShortcut>;

export type KeyboardShortcutId = keyof typeof KEYBOARD_SHORTCUTS;

/** How a key is written in the list. */
export function keyLabel(key: string): string {
  const names: Record<string, string> = {
    ArrowDown: '↓',
    ArrowUp: '↑',
    ArrowLeft: '←',
    ArrowRight: '→',
    Escape: 'Esc',
    PageDown: 'Page Down',
    PageUp: 'Page Up',
  };
  return names[key] ?? key;
}
