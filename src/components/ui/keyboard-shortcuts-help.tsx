import { lazy, Suspense, useState } from 'react';
import { useShortcut } from '../../lib/use-shortcut.ts';

// The dialog's code loads on the first `?`: it is not part of the script a deep link waits for.
const KeyboardShortcutsDialog = lazy(async () => ({
  default: (await import('./keyboard-shortcuts-dialog.tsx')).KeyboardShortcutsDialog,
}));

/** `?` opens the Keyboard shortcuts dialog (loaded on first use), anywhere in the app. */
export function KeyboardShortcutsHelp() {
  const [openRequests, setOpenRequests] = useState(0);
  useShortcut('help', () => setOpenRequests((count) => count + 1));
  if (openRequests === 0) return null;
  return (
    <Suspense fallback={null}>
      <KeyboardShortcutsDialog openRequests={openRequests} />
    </Suspense>
  );
}
