import { useQueryClient } from '@tanstack/react-query';
import { Suspense, use, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useHydrated } from '../../../lib/use-hydrated.ts';
import type { EventHistogramProps } from './event-histogram.tsx';
import { histogramForRender, loadedHistogram, type HistogramModule } from './histogram-code.ts';
import { histogramKeys } from './histogram-keys.ts';
import { HistogramPlaceholder } from './histogram-placeholder.tsx';

export interface HistogramSlotProps {
  /** The histogram's code once the view has loaded it (use-histogram-code.ts), else null. */
  code: HistogramModule | null;
  props: EventHistogramProps;
}

const FIGURE = 'figure[aria-label="Event histogram"]';

/**
 * The Event histogram's place above the grid. Usually the placeholder until the code is in (it
 * loads after the rows), then the histogram. When the server drew it (its first screen came with
 * the window and every bar's total: `histogramKeys.firstScreen`), the app adopts the server's
 * bars instead of replacing them with the placeholder: see ServerDrawnHistogram.
 */
export function HistogramSlot({ code, props }: HistogramSlotProps) {
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const { adapter, deviceId, filters } = props;
  // Decided once, as the view is first rendered (on the server, and as the app adopts its markup):
  // both sides read the same cache, so both choose the same.
  const [serverDrawn] = useState(
    () =>
      !hydrated &&
      adapter.countEvents !== undefined &&
      queryClient.getQueryData(
        histogramKeys.firstScreen(adapter.info.id, deviceId, {
          levels: filters.levels,
          code: filters.code,
          from: filters.from,
          to: filters.to,
        }),
      ) !== undefined,
  );
  if (serverDrawn) return <ServerDrawnHistogram code={code} props={props} />;
  return code ? <code.EventHistogram {...props} /> : <HistogramPlaceholder />;
}

/**
 * A server-drawn histogram: a Suspense boundary around the histogram's code. The app's first
 * render asks for the code (`use`), so React keeps the server's markup on screen, not hydrated,
 * while the rest of the page is taken over, and hydrates it once the code is in; its render then
 * equals the server's (same cache, same zone: use-histogram.ts). Until then the boundary is given
 * the props of that first render, the very same element: a boundary that changes before it is
 * hydrated would drop the server's markup for its fallback. A bar clicked meanwhile (or held by the
 * first screen's early-input script and replayed at the takeover) would reach no handler: it is
 * held here and clicked again once the histogram runs.
 */
function ServerDrawnHistogram({ code, props }: HistogramSlotProps) {
  const [firstProps] = useState(props);
  const shownProps = code ? props : firstProps;
  const shown = useRef(false);
  const heldBar = useRef<string | null>(null);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (shown.current || !(event.target instanceof Element)) return;
      const bar = event.target.closest(`${FIGURE} [data-bucket-start]`);
      if (!bar) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      heldBar.current = bar.getAttribute('data-bucket-start');
    };
    // Capturing on the document: ahead of React's own listener on the root, which would stop a
    // click on markup it has not hydrated yet.
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);

  const onShown = useCallback(() => {
    shown.current = true;
    const start = heldBar.current;
    heldBar.current = null;
    if (start === null) return;
    document
      .querySelector<HTMLElement>(`${FIGURE} [data-bucket-start="${CSS.escape(start)}"]`)
      ?.click();
  }, []);

  return useMemo(
    () => (
      <Suspense fallback={<HistogramPlaceholder />}>
        <AdoptedHistogram props={shownProps} onShown={onShown} />
      </Suspense>
    ),
    [shownProps, onShown],
  );
}

function AdoptedHistogram({ props, onShown }: { props: EventHistogramProps; onShown: () => void }) {
  const code = loadedHistogram() ?? use(histogramForRender());
  useEffect(onShown, [onShown]);
  return code ? <code.EventHistogram {...props} /> : <HistogramPlaceholder />;
}
