import { useEffect, useId, useRef } from 'react';
import type { KeyboardShortcut } from '../../config/keyboard-shortcuts.ts';
import { KEYBOARD_SHORTCUTS, keyLabel } from '../../config/keyboard-shortcuts.ts';

const sections = (() => {
  const bySection = new Map<string, KeyboardShortcut[]>();
  for (const shortcut of Object.values(KEYBOARD_SHORTCUTS) as KeyboardShortcut[]) {
    bySection.set(shortcut.section, [...(bySection.get(shortcut.section) ?? []), shortcut]);
  }
  return [...bySection];
})();

/**
 * A modal dialog listing every shortcut of config/keyboard-shortcuts.ts, opened on mount and each
 * time `openRequests` grows (the `?` key: see KeyboardShortcutsHelp, which loads this module on
 * the first press). The native <dialog> keeps focus inside while open, closes on Escape and hands
 * focus back to where it was.
 */
export function KeyboardShortcutsDialog({ openRequests }: { openRequests: number }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (openRequests > 0 && !dialog.current?.open) dialog.current?.showModal();
  }, [openRequests]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <button
          type="button"
          onClick={() => dialog.current?.close()}
          className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100"
        >
          Close
        </button>
      </div>
      {sections.map(([section, shortcuts]) => (
        <section key={section} className="mt-4">
          <h3 className="text-sm font-semibold text-slate-700">{section}</h3>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {shortcuts.map((shortcut) => (
              <div key={shortcut.keys.join()} className="contents">
                <dt className="flex gap-1">
                  {shortcut.keys.map((key) => (
                    <kbd
                      key={key}
                      className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs"
                    >
                      {keyLabel(key)}
                    </kbd>
                  ))}
                </dt>
                <dd>{shortcut.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </dialog>
  );
}
