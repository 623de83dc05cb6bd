/**
 * The histogram's request budget, deterministic: what `prefetchHistogram` asks a counting backend
 * for, in which order and how many at once, and that a filter change stops it.
 */
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { EventCountQuery } from '../../../backends/types.ts';
import { createFakeAdapter, fakeEvent } from '../../../testing/fake-event-adapter.ts';
import { seedLogEnd, type ListHead } from '../api/log-ends.ts';
import { planBuckets } from './bucket-plan.ts';
import { assembleBars, planCounts } from './count-plan.ts';
import { countOptions, prefetchHistogram, cancelUnobservedCounts } from './histogram-queries.ts';

const EVENTS = 3000;
const DEVICE = 'dev-1';
const WHOLE = { levels: [], code: undefined, from: undefined, to: undefined };
const events = Array.from({ length: EVENTS }, (_, n) => fakeEvent(n));
const newest = events[EVENTS - 1]!;

interface Started {
  query: EventCountQuery;
  signal: AbortSignal | undefined;
}

/** A fake counting backend whose counts answer when the test says so. */
function countingAdapter() {
  const adapter = createFakeAdapter({ events: EVENTS });
  const started: Started[] = [];
  const waiting: Array<() => void> = [];
  let inFlight = 0;
  let mostInFlight = 0;
  adapter.countEvents = (query, signal) =>
    new Promise<number>((resolve, reject) => {
      started.push({ query, signal });
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const done = () => (inFlight -= 1);
      signal?.addEventListener('abort', () => {
        done();
        reject(signal.reason);
      });
      waiting.push(() => {
        if (signal?.aborted) return;
        done();
        resolve(
          events.filter(
            (event) =>
              event.time >= query.from &&
              event.time <= query.to &&
              (query.levels.length === 0 || query.levels.includes(event.level)),
          ).length,
        );
      });
    });
  /** Answers every count asked for so far, and lets the answers' follow-ups start. */
  const answerAll = async () => {
    while (waiting.length > 0) {
      for (const answer of waiting.splice(0)) answer();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  return {
    adapter,
    started,
    answerAll,
    mostInFlight: () => mostInFlight,
    inFlight: () => inFlight,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('prefetchHistogram', () => {
  it('with the list’s newest row and count: one end read, one total fewer, totals first, 4 at a time', async () => {
    const queryClient = new QueryClient();
    const backend = countingAdapter();
    const head: ListHead = { end: 'newest', time: newest.time, total: EVENTS };
    const signal = new AbortController().signal;
    const done = prefetchHistogram(
      queryClient,
      backend.adapter,
      DEVICE,
      WHOLE,
      head,
      'utc',
      signal,
    );
    await done;
    // The newest end came from the list: only the oldest is read, one row, oldest first.
    expect(backend.adapter.calls.map((call) => [call.query.order, call.pageSize])).toEqual([
      ['asc', 2],
    ]);
    await settle();
    const plan = planBuckets(events[0]!.time, newest.time, 0);
    const counts = planCounts(
      backend.adapter.vocabulary,
      { deviceId: DEVICE, ...WHOLE },
      plan.buckets,
      EVENTS,
    );
    expect(plan.buckets.length).toBeGreaterThan(4);
    // The slots are full and the rest waits in line.
    expect(backend.started).toHaveLength(4);
    await backend.answerAll();
    expect(backend.mostInFlight()).toBe(4);
    expect(backend.started).toHaveLength(counts.requests.length);
    const totals = backend.started.filter((request) => request.query.levels.length === 0);
    expect(totals).toHaveLength(plan.buckets.length - 1);
    // Every bar's total was asked for before any level.
    expect(backend.started.slice(0, totals.length)).toEqual(totals);

    // The bars from what was fetched: the one not asked for is what the count leaves.
    const answers = counts.requests.map((request) =>
      queryClient.getQueryData<number>(countOptions(backend.adapter, request.query).queryKey),
    );
    const bars = assembleBars(plan.buckets, counts, answers);
    for (const bar of bars) {
      const inBar = events.filter((event) => event.time >= bar.start && event.time < bar.end);
      expect(bar.count).toBe(inBar.length);
    }
  });

  it('without a list read from the top: both ends read, every bar’s total asked for', async () => {
    const queryClient = new QueryClient();
    const backend = countingAdapter();
    await prefetchHistogram(
      queryClient,
      backend.adapter,
      DEVICE,
      WHOLE,
      null,
      'utc',
      new AbortController().signal,
    );
    expect(backend.adapter.calls.map((call) => call.query.order).sort()).toEqual(['asc', 'desc']);
    await backend.answerAll();
    const plan = planBuckets(events[0]!.time, newest.time, 0);
    expect(backend.started.filter((request) => request.query.levels.length === 0)).toHaveLength(
      plan.buckets.length,
    );
  });

  it('a filter change stops it: what is under way is aborted and the queue never starts', async () => {
    const queryClient = new QueryClient();
    const backend = countingAdapter();
    seedLogEnd(queryClient, backend.adapter, DEVICE, WHOLE, 'newest', newest.time);
    const controller = new AbortController();
    await prefetchHistogram(
      queryClient,
      backend.adapter,
      DEVICE,
      WHOLE,
      null,
      'utc',
      controller.signal,
    );
    await settle();
    expect(backend.started).toHaveLength(4);
    controller.abort();
    cancelUnobservedCounts(queryClient, backend.adapter.info.id, DEVICE);
    await settle();
    expect(backend.started.every((request) => request.signal?.aborted)).toBe(true);
    expect(backend.inFlight()).toBe(0);
    await backend.answerAll();
    await settle();
    expect(backend.started).toHaveLength(4);
  });
});
