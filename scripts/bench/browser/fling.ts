/**
 * Fling from the newest to the oldest event of a long log, pages loading on the way; then the JS
 * heap after a forced GC, with the whole log behind us.
 */
import type { Page } from '@playwright/test';
import { quantile } from '../stats.ts';

export interface FlingOptions {
  pxPerFrame: number;
  timeoutMs: number;
  /** Stop once this many rows are scrolled past, instead of at "End of log". */
  stopAtRow?: number;
}

export interface FlingResult {
  /** Intervals between animation frames that had to render (a scroll step or a new page), ms. */
  intervals: number[];
  idleFrames: number;
  maxRows: number;
  durationMs: number;
  reachedEnd: boolean;
  /** Rows above the viewport when the fling stopped. */
  rowsScrolled: number;
  status: string;
  longTasks: Array<{ start: number; duration: number }>;
  scrollHeight: number;
  scroller: string;
}

export interface FlingSummary extends FlingResult {
  p95FrameMs: number;
  longestTaskMs: number;
}

export async function fling(page: Page, options: FlingOptions): Promise<FlingSummary> {
  const result = (await page.evaluate(`window.__bench.fling(${JSON.stringify(options)})`)) as
    FlingResult | { error: string };
  if ('error' in result) throw new Error(result.error);
  return {
    ...result,
    p95FrameMs: quantile(result.intervals, 0.95),
    longestTaskMs: result.longTasks.reduce((max, task) => Math.max(max, task.duration), 0),
  };
}

export interface HeapFigures {
  /** V8 heap in use after a full GC (Runtime.getHeapUsage), bytes. */
  usedBytes: number;
  /** DOM nodes alive (Performance.getMetrics "Nodes"). */
  domNodes: number;
}

export async function heapAfterGc(page: Page): Promise<HeapFigures> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    // Two passes: the first can leave garbage that finalizers only release for the second.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const nodes = metrics.find((metric) => metric.name === 'Nodes')?.value ?? Number.NaN;
    return { usedBytes: usage.usedSize, domNodes: nodes };
  } finally {
    await cdp.detach();
  }
}
