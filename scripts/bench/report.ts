/**
 * The bench's one table: each measure, its target, the median of the runs, the min–max and a mark.
 * Only deterministic budgets (bytes, DOM rows) decide the exit code; time figures are noisy and
 * are reported, not enforced.
 */
import { summarize, type Summary } from './stats.ts';

export type Unit = 'ms' | 'KB' | 'MB' | 'rows' | 'req/s' | 'pages/s' | 'requests' | '%';

export interface Measure {
  label: string;
  unit: Unit;
  /** Upper bound for the median (or, when deterministic, for every run); absent = informational. */
  max?: number;
  /** How the target reads in the table, e.g. "median ≤ 500 ms". */
  target?: string;
  /** A budget that does not depend on machine speed: any run above it fails the bench. */
  deterministic?: boolean;
}

export interface MeasureResult {
  measure: Measure;
  samples: number[];
  /** Why the measure could not be taken (the scenario failed), if it could not. */
  error?: string;
  /** Extra context printed under the table (e.g. which UI code causes a miss). */
  note?: string;
}

export type Verdict = 'pass' | 'fail' | 'info' | 'error';

export function verdictOf(result: MeasureResult): Verdict {
  const { measure } = result;
  const summary = summarize(result.samples);
  if (summary.count === 0) return measure.max === undefined ? 'info' : 'error';
  if (measure.max === undefined) return 'info';
  // A deterministic budget holds for every run; a noisy one is judged on its median.
  const judged = measure.deterministic ? summary.max : summary.median;
  return judged <= measure.max ? 'pass' : 'fail';
}

/** True when the bench must exit non-zero: a deterministic budget was exceeded or not measured. */
export function breaksBudget(results: readonly MeasureResult[]): boolean {
  return results.some((result) => {
    if (!result.measure.deterministic) return false;
    const verdict = verdictOf(result);
    return verdict === 'fail' || verdict === 'error';
  });
}

export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return '—';
  switch (unit) {
    case 'ms':
      // A tenth of a millisecond matters near a 20 ms frame target: "20 ms" could be 20.4.
      if (value < 10) return `${value.toFixed(2)} ms`;
      return value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
    case 'KB':
      return `${value.toFixed(1)} KB`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    case 'req/s':
      return `${Math.round(value)} req/s`;
    case 'pages/s':
      return `${Math.round(value)} pages/s`;
    case '%':
      return `${Math.round(value)} %`;
    case 'rows':
    case 'requests':
      return `${Math.round(value)}`;
  }
}

function range(summary: Summary, unit: Unit): string {
  if (summary.count === 0) return '—';
  if (summary.min === summary.max) return formatValue(summary.min, unit);
  return `${formatValue(summary.min, unit)} – ${formatValue(summary.max, unit)}`;
}

const MARKS: Record<Verdict, string> = {
  pass: '✓ pass',
  fail: '✗ FAIL',
  info: '·',
  error: '✗ n/a',
};

export function renderTable(results: readonly MeasureResult[]): string {
  const header = ['measure', 'target', 'median', 'min – max', 'runs', ''];
  const rows = results.map((result) => {
    const summary = summarize(result.samples);
    const deterministic = result.measure.deterministic ? ' (budget)' : '';
    return [
      result.measure.label,
      (result.measure.target ?? '—') + deterministic,
      formatValue(summary.median, result.measure.unit),
      range(summary, result.measure.unit),
      String(summary.count),
      MARKS[verdictOf(result)],
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  const notes = results
    .filter((result) => result.error || result.note)
    .map(
      (result) =>
        `- ${result.measure.label}: ${[result.error, result.note].filter(Boolean).join(' — ')}`,
    );
  return [line(header), rule, ...rows.map(line), ...(notes.length ? ['', ...notes] : [])].join(
    '\n',
  );
}
