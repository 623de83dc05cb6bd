export interface TimeRangePresetsProps {
  from: string | undefined;
  to: string | undefined;
  /** Alibaba keeps 30 days: "All" then means the retention window, and says so. */
  retentionDays: number | null;
  onSelect: (from: string | undefined) => void;
}

const PRESETS = [
  { label: 'Last 15 min', from: 'now-15m' },
  { label: 'Last 24 h', from: 'now-24h' },
  { label: 'Last 7 d', from: 'now-7d' },
  { label: 'Last 30 d', from: 'now-30d' },
] as const;

export function TimeRangePresets({ from, to, retentionDays, onSelect }: TimeRangePresetsProps) {
  const allTitle =
    retentionDays === null
      ? 'The whole history'
      : `Everything the backend keeps (the last ${retentionDays} days)`;
  return (
    <div role="group" aria-label="Time range presets" className="flex gap-1">
      {PRESETS.map((preset) => (
        <button
          key={preset.from}
          type="button"
          aria-pressed={from === preset.from && to === undefined}
          onClick={() => onSelect(preset.from)}
          className="rounded border border-slate-300 px-1.5 py-0.5 text-xs whitespace-nowrap aria-pressed:border-blue-600 aria-pressed:bg-blue-50"
        >
          {preset.label}
        </button>
      ))}
      <button
        type="button"
        title={allTitle}
        aria-pressed={from === undefined && to === undefined}
        onClick={() => onSelect(undefined)}
        className="rounded border border-slate-300 px-1.5 py-0.5 text-xs whitespace-nowrap aria-pressed:border-blue-600 aria-pressed:bg-blue-50"
      >
        All
      </button>
    </div>
  );
}
