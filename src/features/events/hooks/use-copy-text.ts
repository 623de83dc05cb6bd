import { useCallback, useEffect, useRef, useState } from 'react';

/** Copies text and keeps a short confirmation for a live region. */
export function useCopyText(confirmation: string) {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = useCallback(
    async (text: string) => {
      clearTimeout(timer.current);
      try {
        await navigator.clipboard.writeText(text);
        setMessage(confirmation);
      } catch {
        setMessage(`Copying failed; select and copy it yourself: ${text}`);
      }
      timer.current = setTimeout(() => setMessage(''), 4000);
    },
    [confirmation],
  );
  return { copy, message };
}
