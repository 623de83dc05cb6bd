import type { MouseEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import type { BackendInfo } from '../../backends/types.ts';
import { paths } from '../../config/paths.ts';
import { SelectField } from '../ui/select-field.tsx';
import { ThemeToggle } from '../ui/theme-toggle.tsx';
import { KeyboardShortcutsHelp } from '../ui/keyboard-shortcuts-help.tsx';
import { useShortcut } from '../../lib/use-shortcut.ts';

/**
 * Where "Skip to content" lands: a page's main working element (the Events grid marks its rows
 * `data-skip-target`) gets focus on its tabbable item, else the main region itself.
 */
function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  const target = document.querySelector<HTMLElement>(
    '#main [data-skip-target] [tabindex="0"], #main [data-skip-target][tabindex="0"]',
  );
  if (!target) return;
  event.preventDefault();
  target.focus();
}

export interface AppShellProps {
  backends: BackendInfo[];
  /** The backend of the current URL; null outside a backend (or for an unknown id). */
  currentBackendId: string | null;
  onSwitchBackend: (backendId: string) => void;
  children: ReactNode;
}

export function AppShell({ backends, currentBackendId, onSwitchBackend, children }: AppShellProps) {
  const known = backends.some((backend) => backend.id === currentBackendId);
  useShortcut('search', () =>
    document.querySelector<HTMLInputElement>('#main input[data-search-shortcut]')?.focus(),
  );
  return (
    <div data-app-shell="" className="flex min-h-screen flex-col">
      <a
        href="#main"
        onClick={skipToContent}
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-1.5">
          <a
            href={paths.home.href()}
            className="text-lg font-semibold tracking-tight text-slate-900"
          >
            <span aria-hidden="true" className="mr-1.5 text-sky-700">
              ▤
            </span>
            Fleetlog
          </a>
          <div className="flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-2">
            {known && currentBackendId !== null && (
              <Link
                to={paths.fleetEvents.href(currentBackendId)}
                className="text-sm whitespace-nowrap text-sky-800 underline-offset-2 hover:underline"
              >
                Fleet events
              </Link>
            )}
            <Link
              to={paths.importedLog.href()}
              className="text-sm whitespace-nowrap text-sky-800 underline-offset-2 hover:underline"
            >
              Open an export
            </Link>
            {backends.length > 0 ? (
              <SelectField
                label="Backend"
                layout="inline"
                // On a phone it takes a line of its own, wide enough to read which backend is
                // open (squeezed beside the links it showed only its arrow); it never widens the
                // page (a long name truncates).
                className="min-w-0 max-sm:order-last max-sm:basis-full [&>select]:min-w-0 [&>select]:flex-1"
                value={known ? (currentBackendId ?? '') : ''}
                onChange={(event) => onSwitchBackend(event.target.value)}
                options={[
                  ...(known ? [] : [{ value: '', label: 'Choose a backend…' }]),
                  ...backends.map((backend) => ({ value: backend.id, label: backend.label })),
                ]}
              />
            ) : null}
            <ThemeToggle />
          </div>
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none"
      >
        {children}
      </main>
      <KeyboardShortcutsHelp />
    </div>
  );
}
