/**
 * Runs `task` once the browser is idle, at most a second later, unless cancelled first: work the
 * first rows do not need (the column model, a theme stored before the cookie existed) waits for
 * the page to have shown them. Where there is no `requestIdleCallback`, on the next task.
 */
export function whenIdle(task: () => void): { cancel: () => void } {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 1000 });
    return { cancel: () => cancelIdleCallback(id) };
  }
  const id = setTimeout(task, 0);
  return { cancel: () => clearTimeout(id) };
}
