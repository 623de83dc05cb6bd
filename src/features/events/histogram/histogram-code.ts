import type * as HistogramCode from './event-histogram.tsx';

/**
 * The histogram's code: a chunk of its own, loaded after the first rows (use-histogram-code.ts),
 * or as the app adopts a server-rendered histogram (histogram-slot.tsx). The server has it at
 * hand and says so (`provideHistogramCode`), so its render never waits for it.
 */
export type HistogramModule = typeof HistogramCode;

let loading: Promise<HistogramModule> | null = null;
let loaded: HistogramModule | null = null;
let forRender: Promise<HistogramModule | null> | null = null;

export function loadHistogram(): Promise<HistogramModule> {
  loading ??= import('./event-histogram.tsx').then(
    (module) => (loaded = module),
    (error: unknown) => {
      // The placeholder stays; the next view tries again.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The code if it is in, without waiting. */
export const loadedHistogram = (): HistogramModule | null => loaded;

/**
 * The code for a render to wait on (React's `use`): one promise for the page's life, never
 * rejected (null: the chunk did not load; the render shows the placeholder instead of retrying).
 */
export function histogramForRender(): Promise<HistogramModule | null> {
  forRender ??= loadHistogram().catch(() => null);
  return forRender;
}

/** On the server: the code is imported up front (server/first-screen/render.tsx). */
export function provideHistogramCode(module: HistogramModule): void {
  loaded = module;
  loading = Promise.resolve(module);
}
