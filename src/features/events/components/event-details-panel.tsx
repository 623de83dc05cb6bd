import { Fragment, useEffect, useId, useRef, useSyncExternalStore } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { DeviceEvent, EventVocabulary } from '../../../backends/types.ts';
import { BackendError } from '../../../backends/types.ts';
import { levelDescription } from '../../../backends/vocabulary.ts';
import { useCopyText } from '../hooks/use-copy-text.ts';
import type { TimeZoneSetting } from '../utils/format-time.ts';
import { formatEventTime } from '../utils/format-time.ts';
import { toJsonText } from '../utils/json-text.ts';
import type { DescribedPayloadField } from '../utils/payload-fields.ts';
import { LevelBadge } from './level-badge.tsx';
import { DETAILS_MAX_CSS, DETAILS_MIN, DetailsResizer, useDetailsWidth } from './details-width.tsx';

export interface EventDetailsPanelProps {
  vocabulary: EventVocabulary;
  tz: TimeZoneSetting;
  eventId: string;
  event: DeviceEvent | null | undefined;
  loading: boolean;
  /**
   * The event's own read (which brings its wire record) is still under way; an event shown from
   * the list without its record says so meanwhile.
   */
  recordLoading?: boolean;
  error: unknown;
  /**
   * Absolute URL of this event (pins a from/to around it); null until the event is known;
   * undefined when the log has no links to share (an opened file): no Copy link button.
   */
  eventLink: string | null | undefined;
  /** The payload as named fields (from the device's model where it declares them). */
  payloadFields?: readonly DescribedPayloadField[] | null;
  onClose: () => void;
  /** Opens the event in the unfiltered log around it. */
  onShowInContext?: () => void;
}

/** Phones: the details are a full-screen sheet (a modal dialog) instead of a side panel. */
export const SHEET_MEDIA = '(max-width: 640px)';

// A DOM without media queries (jsdom) counts as a wide screen.
const sheetMedia = () =>
  typeof window.matchMedia === 'function' ? window.matchMedia(SHEET_MEDIA) : null;

function subscribeToSheetMedia(onChange: () => void) {
  const media = sheetMedia();
  media?.addEventListener('change', onChange);
  return () => media?.removeEventListener('change', onChange);
}

/** Whether the screen is a phone's (the panel is never server-rendered: no server value needed). */
function useSheet(): boolean {
  return useSyncExternalStore(
    subscribeToSheetMedia,
    () => sheetMedia()?.matches ?? false,
    () => false,
  );
}

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab stay inside a modal sheet: from its last control to its first and back. */
function trapTab(keyEvent: ReactKeyboardEvent<HTMLElement>) {
  if (keyEvent.key !== 'Tab') return;
  const focusable = [...keyEvent.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  if (keyEvent.shiftKey && (active === first || active === keyEvent.currentTarget)) {
    keyEvent.preventDefault();
    last.focus();
  } else if (!keyEvent.shiftKey && active === last) {
    keyEvent.preventDefault();
    first.focus();
  }
}

/**
 * The open event: time, level and code with their meanings, and the full wire record. Beside the
 * grid on a wider screen (the grid keeps its columns' widths and scrolls sideways when the rest
 * is narrower); on a phone a full-screen modal dialog that holds focus until Close or Escape.
 */
export function EventDetailsPanel({
  vocabulary,
  tz,
  eventId,
  event,
  loading,
  recordLoading = false,
  error,
  eventLink,
  payloadFields,
  onClose,
  onShowInContext,
}: EventDetailsPanelProps) {
  const headingId = useId();
  const level = event ? levelDescription(vocabulary, event.level) : null;
  const json = useCopyText('JSON copied');
  const link = useCopyText('Link copied');
  const sheet = useSheet();
  // A listed event can come without its wire record (a server-rendered first screen leaves it out,
  // an opened export keeps it in the file): the record comes with the event's own read.
  const recordPending = event !== null && event !== undefined && event.raw === undefined;
  const closeButton = useRef<HTMLButtonElement>(null);
  const side = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useDetailsWidth();
  // A sheet covers the page: focus goes into it (and back to the row when it closes).
  useEffect(() => {
    if (sheet) closeButton.current?.focus();
  }, [sheet]);

  useEffect(() => {
    const onKeyDown = (keyEvent: KeyboardEvent) => {
      if (keyEvent.key === 'Escape' && !keyEvent.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  const panel = (
    <section
      aria-labelledby={headingId}
      {...(sheet ? { role: 'dialog', 'aria-modal': true, onKeyDown: trapTab } : {})}
      className={`flex min-h-0 flex-col gap-3 overflow-auto border-slate-200 bg-white p-4 ${
        sheet ? 'fixed inset-0 z-50 overscroll-contain' : 'w-full rounded-md border'
      }`}
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          Event details
        </h2>
        <button
          ref={closeButton}
          type="button"
          onClick={onClose}
          className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100"
        >
          Close
        </button>
      </div>
      {event && level ? (
        <>
          <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-500">Time</dt>
            <dd>
              <span className="font-mono">{formatEventTime(event.time, tz)}</span>
              <span className="block font-mono text-xs text-slate-500">{event.timeText}</span>
            </dd>
            <dt className="text-slate-500">{vocabulary.levels.title}</dt>
            <dd>
              <LevelBadge level={level} rawLevel={event.rawLevel} /> {level.meaning}
            </dd>
            {vocabulary.fields.map((field) => {
              const value = field.value(event);
              if (field.details === 'never' || (field.details === 'when-set' && !value))
                return null;
              return (
                <Fragment key={field.id}>
                  <dt className="text-slate-500">{field.title}</dt>
                  <dd
                    className={
                      !field.meaning && (field.format === 'code' || field.format === 'label')
                        ? 'font-mono'
                        : undefined
                    }
                  >
                    {field.meaning ? (
                      <>
                        <span className="font-mono">{value}</span> — {field.meaning(event)}
                      </>
                    ) : (
                      value
                    )}
                  </dd>
                </Fragment>
              );
            })}
            <dt className="text-slate-500">Id</dt>
            <dd className="font-mono text-xs break-all">{event.id}</dd>
          </dl>
          {payloadFields && payloadFields.length > 0 ? (
            <section aria-labelledby={`${headingId}-payload`}>
              <h3 id={`${headingId}-payload`} className="text-sm font-semibold text-slate-700">
                Payload
              </h3>
              <dl className="mt-1 grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-3 gap-y-1 text-sm">
                {payloadFields.map((field) => (
                  <Fragment key={field.key}>
                    <dt className="text-slate-500" title={field.key}>
                      {field.name}
                    </dt>
                    <dd className="font-mono break-all">
                      {field.value}
                      {field.unit ? ` ${field.unit}` : ''}
                    </dd>
                  </Fragment>
                ))}
              </dl>
            </section>
          ) : null}
          <div className="flex flex-wrap items-center gap-2">
            <button
              type="button"
              disabled={recordPending}
              onClick={() => void json.copy(toJsonText(event.raw))}
              className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100"
            >
              Copy JSON
            </button>
            {eventLink !== undefined && (
              <button
                type="button"
                disabled={eventLink === null}
                onClick={() => eventLink && void link.copy(eventLink)}
                className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100"
              >
                Copy link
              </button>
            )}
            {onShowInContext && (
              <button
                type="button"
                onClick={onShowInContext}
                className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100"
              >
                Show in context
              </button>
            )}
            <span aria-live="polite" className="text-xs text-slate-600">
              {json.message || link.message}
            </span>
          </div>
          {recordPending ? (
            <p className="text-sm text-slate-600">
              {error
                ? `Could not load the full record: ${error instanceof Error ? error.message : String(error)}`
                : recordLoading
                  ? 'Loading the full record…'
                  : 'The backend did not send this event’s full record.'}
            </p>
          ) : (
            /* Focusable so keyboard users can scroll a record wider or taller than the panel. */
            <pre
              aria-label="Full record (JSON)"
              // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard (axe: scrollable-region-focusable)
              tabIndex={0}
              className="overflow-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100"
            >
              {toJsonText(event.raw)}
            </pre>
          )}
        </>
      ) : loading ? (
        <p className="text-sm text-slate-600">Loading event {eventId}…</p>
      ) : error ? (
        <p className="text-sm text-red-800">
          Could not load event {eventId}: {error instanceof Error ? error.message : String(error)}
          {error instanceof BackendError && error.details.requestId
            ? ` (request id ${error.details.requestId})`
            : ''}
        </p>
      ) : (
        <p className="text-sm text-slate-700">No event with id {eventId} exists on this device.</p>
      )}
    </section>
  );
  if (sheet) return panel;
  // Beside the grid: as wide as the reader made it (remembered), never squeezing the grid.
  return (
    <div
      ref={side}
      data-testid="event-details-side"
      className="relative flex min-h-0 shrink-0"
      style={{ maxWidth: DETAILS_MAX_CSS, width }}
    >
      <DetailsResizer
        width={() => side.current?.getBoundingClientRect().width ?? DETAILS_MIN}
        rowWidth={() => side.current?.parentElement?.getBoundingClientRect().width ?? 0}
        onResize={setWidth}
        valueNow={width}
      />
      {panel}
    </div>
  );
}
