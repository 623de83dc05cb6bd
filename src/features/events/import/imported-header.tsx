import { formatCount } from '../../../lib/format-count.ts';
import { formatEventTime } from '../utils/format-time.ts';
import type { OpenedExport } from './use-import.ts';

export interface ImportedHeaderProps {
  opened: OpenedExport;
}

const instant = (iso: string | undefined) => {
  const ms = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(ms) ? null : formatEventTime(ms, 'utc');
};

/**
 * Says plainly that the log below is a file, not a live backend: its name, where and when it was
 * exported, the range and view it holds, how many events were read and what could not be.
 */
export function ImportedHeader({ opened }: ImportedHeaderProps) {
  const { header, fileName, records, malformed, truncated } = opened;
  const from = instant(header.from);
  const to = instant(header.to);
  const range =
    from === null && to === null
      ? 'the whole log'
      : `${from ?? 'the start of the log'} – ${to ?? 'the time of export'}`;
  const exportedAt = instant(header.exportedAt);
  return (
    <section
      aria-labelledby="imported-file-heading"
      className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm"
    >
      <h1 id="imported-file-heading" className="text-xl font-semibold break-all">
        Imported file: {fileName}
      </h1>
      <p className="mt-1 text-slate-800">
        A read-only copy of an Event log, opened from a file in this browser: it does not change and
        nothing is sent to the server (no Refresh or Live). Export writes the filtered view to a new
        file, which opens here again.
      </p>
      <dl className="mt-2 grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-600">Backend</dt>
        <dd>
          {header.backendLabel ? `${header.backendLabel} ` : ''}
          <code className="font-mono text-xs">{header.backendId}</code>
        </dd>
        <dt className="text-slate-600">Device</dt>
        <dd className="font-mono text-xs break-all">{header.deviceId}</dd>
        <dt className="text-slate-600">Range</dt>
        <dd>
          {range}
          {header.view ? (
            <>
              {' '}
              (view <code className="font-mono text-xs break-all">{header.view}</code>)
            </>
          ) : null}
        </dd>
        <dt className="text-slate-600">Exported</dt>
        <dd>{exportedAt ?? 'unknown'}</dd>
        <dt className="text-slate-600">Events</dt>
        <dd>{formatCount(records)} in the file</dd>
      </dl>
      {(truncated || malformed > 0) && (
        <ul className="mt-2 list-disc pl-5 text-amber-900">
          {truncated && (
            <li>
              The last line was incomplete ({formatCount(records)} records read): the file may have
              been cut short while it was written or copied.
            </li>
          )}
          {malformed > 0 && (
            <li>
              {formatCount(malformed)} {malformed === 1 ? 'line was' : 'lines were'} not an event
              record and {malformed === 1 ? 'was' : 'were'} skipped.
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
