import { useEffect, useRef } from 'react';
import type { KeyboardShortcutId } from '../config/keyboard-shortcuts.ts';
import { KEYBOARD_SHORTCUTS } from '../config/keyboard-shortcuts.ts';

/** Typing in a field, or in anything editable, is text, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * Runs `handler` when a key of shortcut `id` (from the one list in config/keyboard-shortcuts.ts)
 * is pressed anywhere on the page, except while typing, with Ctrl/Alt/Meta held, or when an
 * element already handled the key (a grid row's own j/k).
 */
export function useShortcut(id: KeyboardShortcutId, handler: (event: KeyboardEvent) => void) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const keys: readonly string[] = KEYBOARD_SHORTCUTS[id].keys;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (!keys.includes(event.key) || isTyping(event.target)) return;
      event.preventDefault();
      latest.current(event);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [id]);
}
