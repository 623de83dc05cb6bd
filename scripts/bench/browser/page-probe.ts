/**
 * Instrumentation installed in the page before any of the app's scripts run. Kept as plain
 * JavaScript source: functions compiled by tsx cannot be serialised into the page reliably.
 *
 * `window.__bench` records:
 * - `firstRowAt`: performance.now() in the first animation frame that has a laid-out
 *   `[data-event-id]` row (that frame paints it); time origin = navigation start. Also told on
 *   the console (FIRST_ROW_MESSAGE), so the bench can wait for it without evaluating anything in
 *   the page while it loads: Playwright's waitForFunction injects and compiles its own script on
 *   the page's main thread, which delayed the very load it timed by tens of milliseconds.
 * - `appRowAt`: the same for the first row the app itself rendered, i.e. once `#root` has lost
 *   the `data-first-screen` marker of a server-rendered first screen (APP_ROW_MESSAGE). From then
 *   on the page responds to input. Equal to `firstRowAt` for a page without a first screen.
 * - `longTasks`: every long task (start, duration) since navigation.
 * - `fling(options)`: scrolls the events' scroll container frame by frame to the oldest event
 *   ("End of log"), or to row `stopAtRow`, recording frame intervals and the most rows in the DOM.
 * - `recordFrames()` / `stopFrames()`: the first rows' ids at every frame, for the filter change.
 */
export const FIRST_ROW_MESSAGE = 'fleetlog-bench:first-row';
export const APP_ROW_MESSAGE = 'fleetlog-bench:app-row';

export const PAGE_PROBE = String.raw`
(() => {
  if (window.__bench) return;
  const ROW = '[data-event-id]';
  const bench = { firstRowAt: null, appRowAt: null, longTasks: [] };
  window.__bench = bench;

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {}

  const laidOut = (element) => element.getBoundingClientRect().height > 0;
  const anyRow = () => document.querySelector(ROW);
  const appRow = () => {
    const root = document.getElementById('root');
    return root && !root.hasAttribute('data-first-screen') ? root.querySelector(ROW) : null;
  };
  const marks = [
    { key: 'firstRowAt', find: anyRow, message: '${FIRST_ROW_MESSAGE}', waiting: false },
    { key: 'appRowAt', find: appRow, message: '${APP_ROW_MESSAGE}', waiting: false },
  ];
  const observer = new MutationObserver(() => {
    for (const mark of marks) {
      if (mark.waiting || bench[mark.key] !== null || !mark.find()) continue;
      mark.waiting = true;
      const onFrame = () => {
        const row = mark.find();
        if (row && laidOut(row)) {
          bench[mark.key] = performance.now();
          console.debug(mark.message + ' ' + bench[mark.key]);
          if (marks.every((done) => bench[done.key] !== null)) observer.disconnect();
        } else {
          requestAnimationFrame(onFrame);
        }
      };
      requestAnimationFrame(onFrame);
    }
  });
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-first-screen'],
  });

  const scrollable = (element) => {
    for (let node = element.parentElement; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (/(auto|scroll)/.test(style.overflowY) && node.scrollHeight > node.clientHeight) return node;
    }
    return document.scrollingElement;
  };
  const statusText = () =>
    Array.from(document.querySelectorAll('[role="status"]'), (node) => node.textContent || '').join(' | ');

  bench.fling = ({ pxPerFrame, timeoutMs, stopAtRow }) =>
    new Promise((resolve) => {
      const first = document.querySelector(ROW);
      if (!first) return resolve({ error: 'no event row on the page' });
      const scroller = scrollable(first);
      const rowHeight = first.getBoundingClientRect().height;
      const startedAt = performance.now();
      const intervals = [];
      let idleFrames = 0;
      let maxRows = 0;
      let last = startedAt;
      let scrolledLastFrame = false;
      let lastHeight = scroller.scrollHeight;
      let settledFrames = 0;
      const step = () => {
        const now = performance.now();
        const height = scroller.scrollHeight;
        // A frame counts when it had to render something: a scroll we asked for, or a new page.
        if (scrolledLastFrame || height !== lastHeight) intervals.push(now - last);
        else idleFrames += 1;
        last = now;
        lastHeight = height;
        maxRows = Math.max(maxRows, document.querySelectorAll(ROW).length);
        const bottom = height - scroller.clientHeight;
        scrolledLastFrame = false;
        if (scroller.scrollTop < bottom - 1) {
          scroller.scrollTop = Math.min(bottom, scroller.scrollTop + pxPerFrame);
          scrolledLastFrame = true;
          settledFrames = 0;
        } else if (/end of log/i.test(statusText())) {
          settledFrames += 1;
        }
        const timedOut = now - startedAt > timeoutMs;
        const deepEnough = stopAtRow !== undefined && scroller.scrollTop >= stopAtRow * rowHeight;
        if (settledFrames >= 10 || timedOut || deepEnough) {
          const endedAt = performance.now();
          return resolve({
            intervals,
            idleFrames,
            maxRows,
            durationMs: endedAt - startedAt,
            reachedEnd: settledFrames >= 10,
            rowsScrolled: Math.floor(scroller.scrollTop / rowHeight),
            status: statusText(),
            longTasks: bench.longTasks.filter((task) => task.start >= startedAt && task.start <= endedAt),
            scrollHeight: scroller.scrollHeight,
            scroller: scroller === document.scrollingElement ? 'document' : scroller.tagName.toLowerCase(),
          });
        }
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });

  bench.recordFrames = (firstRows) => {
    bench.frames = [];
    bench.recording = true;
    const step = () => {
      if (!bench.recording) return;
      const ids = Array.from(document.querySelectorAll(ROW), (row) => row.getAttribute('data-event-id'));
      bench.frames.push({ t: performance.now(), first: ids.slice(0, firstRows).join(','), rows: ids.length });
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
    return performance.now();
  };
  bench.stopFrames = () => {
    bench.recording = false;
    return bench.frames;
  };
})();
`;
