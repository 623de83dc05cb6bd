import { useCallback, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { BackendAdapter, DeviceEvent, SortOrder } from '../../../backends/types.ts';
import type { ListHead } from '../api/log-ends.ts';
import { levelDescription } from '../../../backends/vocabulary.ts';
import { formatCount } from '../../../lib/format-count.ts';
import type { TimeZoneSetting } from '../utils/format-time.ts';
import type { HistogramBar } from './count-plan.ts';
import { HISTOGRAM_FRAME } from './frame.ts';
import type { HistogramFilters } from './histogram-queries.ts';
import { describeStep } from './bucket-plan.ts';
import { describeCount, describeSpan, formatEdge, summarise } from './histogram-text.ts';
import { LEVEL_FILL } from './level-fill.ts';
import { useHistogram } from './use-histogram.ts';

export { cancelUnobservedCounts, prefetchHistogram } from './histogram-queries.ts';

export interface EventHistogramProps {
  adapter: BackendAdapter;
  deviceId: string;
  filters: HistogramFilters;
  order: SortOrder;
  tz: TimeZoneSetting;
  heldEvents: readonly DeviceEvent[];
  /** The rows of these filters are on screen: the counts may start (see `use-histogram.ts`). */
  ready: boolean;
  /** The list's first row and count, when it is read from the top. */
  head: ListHead | null;
  textSearch: boolean;
  /** Dragging across: the new range (ISO instants). */
  onZoom: (from: string, to: string) => void;
  /** A bar chosen: open the log at this instant (ISO). */
  onGo: (at: string) => void;
}

/** Pointer travel (px) that makes a press a drag rather than a click. */
const DRAG_THRESHOLD = 4;

/** The moment a bar opens the log at: its newest instant newest-first, its oldest oldest-first. */
export function barMoment(bar: HistogramBar, order: SortOrder): number {
  return order === 'desc' ? bar.end - 1 : bar.start;
}

/**
 * The Event histogram above the Events grid (README "Event histogram"): stacked bars of the
 * view's events by level over its range, counted by the backend where it can count, else from
 * the loaded events (and it says so). Drag across it to zoom (`from`/`to`); a bar (click, or
 * Enter on the focused one: the bars are one tab stop, arrows move) opens the log there (`at`).
 */
export function EventHistogram(props: EventHistogramProps) {
  const { adapter, order, onZoom, onGo } = props;
  const { vocabulary } = adapter;
  const model = useHistogram(props);
  const { plan, bars, zone: tz } = model;
  const summaryId = useId();
  const plotRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [selection, setSelection] = useState<{ from: number; to: number } | null>(null);
  const press = useRef<{ x: number; pointer: number; dragging: boolean } | null>(null);
  const justDragged = useRef(false);

  const summary = summarise({
    mode: model.mode,
    plan,
    bars,
    drawn: model.drawn,
    vocabulary,
    tz,
    textSearch: props.textSearch,
  });
  const max = bars.reduce((most, bar) => Math.max(most, bar.count ?? 0), 0);
  const span = plan ? plan.to + 1 - plan.from : 1;
  const share = (time: number) => (plan ? ((time - plan.from) / span) * 100 : 0);

  /** Pointer x (px in the plot) → a fraction of the window, 0…1. */
  const fractionAt = useCallback((clientX: number) => {
    const rect = plotRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return 0;
    return Math.min(1, Math.max(0, (clientX - rect.left) / rect.width));
  }, []);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || !plan) return;
    press.current = { x: event.clientX, pointer: event.pointerId, dragging: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const pressed = press.current;
    if (!pressed || pressed.pointer !== event.pointerId) return;
    if (!pressed.dragging && Math.abs(event.clientX - pressed.x) < DRAG_THRESHOLD) return;
    if (!pressed.dragging) {
      pressed.dragging = true;
      // Captured only once it is a drag: a plain click still lands on the bar under it.
      event.currentTarget.setPointerCapture(event.pointerId);
    }
    const a = fractionAt(pressed.x);
    const b = fractionAt(event.clientX);
    setSelection({ from: Math.min(a, b), to: Math.max(a, b) });
  };
  const endPress = (event: PointerEvent<HTMLDivElement>, commit: boolean) => {
    const pressed = press.current;
    press.current = null;
    setSelection(null);
    if (!pressed?.dragging || !plan) return;
    justDragged.current = true;
    setTimeout(() => (justDragged.current = false), 0);
    if (!commit) return;
    const a = fractionAt(pressed.x);
    const b = fractionAt(event.clientX);
    const from = Math.floor((plan.from + Math.min(a, b) * span) / 1000) * 1000;
    const to = Math.ceil((plan.from + Math.max(a, b) * span) / 1000) * 1000 - 1;
    if (to > from) onZoom(new Date(from).toISOString(), new Date(to).toISOString());
  };

  const go = (bar: HistogramBar) => {
    if (justDragged.current) return;
    onGo(new Date(barMoment(bar, order)).toISOString());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = bars.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? Math.min(last, active + 1)
        : event.key === 'ArrowLeft'
          ? Math.max(0, active - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null || last < 0) return;
    event.preventDefault();
    setActive(next);
    plotRef.current?.querySelectorAll<HTMLElement>('[data-bucket-start]')[next]?.focus();
  };

  const failure = levelDescription(vocabulary, vocabulary.levels.failure);
  const failures = bars.reduce(
    (sum, bar) =>
      sum + (bar.segments.find((segment) => segment.level === failure.value)?.count ?? 0),
    0,
  );

  const caption =
    model.mode === 'loaded'
      ? summary.split(':')[0]!
      : plan && model.drawn
        ? `${formatCount(bars.reduce((sum, bar) => sum + (bar.count ?? 0), 0))} events · bars of ${describeStep(plan.step)}`
        : summary;

  return (
    <figure
      aria-label="Event histogram"
      aria-describedby={summaryId}
      aria-busy={model.pending}
      data-mode={model.mode}
      data-drawn={model.drawn ? 'true' : undefined}
      title={summary}
      className={`${HISTOGRAM_FRAME} flex flex-col`}
    >
      <p id={summaryId} className="sr-only">
        {summary}
      </p>
      <div
        ref={plotRef}
        role="toolbar"
        aria-label="Histogram bars: drag across to zoom, choose a bar to open the log there"
        tabIndex={-1}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={(event) => endPress(event, true)}
        onPointerCancel={(event) => endPress(event, false)}
        onKeyDown={onKeyDown}
        className="relative min-h-0 flex-1 cursor-crosshair touch-none border-b border-slate-300 select-none"
      >
        {plan &&
          bars.map((bar, index) => (
            <button
              key={bar.start}
              type="button"
              tabIndex={index === Math.min(active, bars.length - 1) ? 0 : -1}
              data-bucket-start={new Date(bar.start).toISOString()}
              data-bucket-end={new Date(bar.end).toISOString()}
              data-count={bar.count}
              aria-label={`${describeSpan(bar, plan.step, tz)}: ${describeCount(bar, vocabulary)}`}
              title={`${describeSpan(bar, plan.step, tz)}: ${describeCount(bar, vocabulary)}`}
              onClick={() => go(bar)}
              onFocus={() => setActive(index)}
              className="absolute inset-y-0 flex cursor-pointer flex-col justify-end px-px hover:bg-slate-100"
              style={{
                left: `${share(bar.start)}%`,
                width: `${share(bar.end) - share(bar.start)}%`,
              }}
            >
              {bar.count !== undefined && bar.count > 0 && (
                <span
                  aria-hidden="true"
                  className="flex min-h-0.5 w-full flex-col-reverse overflow-hidden rounded-t-sm bg-slate-400"
                  style={{ height: `${(bar.count / Math.max(1, max)) * 100}%` }}
                >
                  {stackOrder(bar, failure.value).map((segment) => (
                    <span
                      key={segment.level}
                      data-level={segment.level}
                      data-count={segment.count}
                      className={`block w-full shrink-0 border-t border-white first:border-t-0 ${LEVEL_FILL[levelDescription(vocabulary, segment.level).tone]}`}
                      style={{ height: `${(segment.count / bar.count!) * 100}%` }}
                    />
                  ))}
                </span>
              )}
            </button>
          ))}
        {selection && (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute inset-y-0 border-x border-sky-600 bg-sky-500/20"
            style={{
              left: `${selection.from * 100}%`,
              width: `${(selection.to - selection.from) * 100}%`,
            }}
          />
        )}
      </div>
      <div className="flex items-center justify-between gap-2 text-[10px] leading-3 whitespace-nowrap text-slate-600">
        <span aria-hidden="true">{plan ? formatEdge(plan.from, plan.step, tz) : ''}</span>
        <span className="flex min-w-0 items-center gap-2 overflow-hidden">
          {model.error ? (
            <span role="alert" className="truncate text-red-700">
              Could not count the events: {model.error.message}{' '}
              <button type="button" className="underline" onClick={model.retry}>
                Retry
              </button>
            </span>
          ) : (
            <span aria-hidden="true" className="truncate">
              {caption}
            </span>
          )}
          <span aria-hidden="true" className="flex shrink-0 gap-1.5">
            {model.levels.map((level) => {
              const description = levelDescription(vocabulary, level);
              return (
                <span key={level} className="flex items-center gap-0.5">
                  <span
                    className={`inline-block h-2 w-2 rounded-sm ${LEVEL_FILL[description.tone]}`}
                  />
                  {description.label}
                  {level === failure.value && !model.pending && plan
                    ? ` ${formatCount(failures)}`
                    : ''}
                </span>
              );
            })}
          </span>
        </span>
        <span aria-hidden="true">{plan ? formatEdge(plan.to, plan.step, tz) : ''}</span>
      </div>
    </figure>
  );
}

/** Failures at the foot of each bar, where they line up across bars; then the vocabulary's order. */
function stackOrder(bar: HistogramBar, failure: string) {
  return [...bar.segments].sort(
    (a, b) => Number(b.level === failure) - Number(a.level === failure),
  );
}
