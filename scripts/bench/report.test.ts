import { describe, expect, it } from 'vitest';
import { quantile, summarize } from './stats.ts';
import { breaksBudget, formatValue, renderTable, verdictOf, type Measure } from './report.ts';

const bytes: Measure = {
  label: 'JS',
  unit: 'KB',
  max: 150,
  target: '≤ 150 KB',
  deterministic: true,
};
const time: Measure = { label: 'Cold load', unit: 'ms', max: 500, target: 'median ≤ 500 ms' };
const info: Measure = { label: 'Throughput', unit: 'req/s' };

describe('quantile', () => {
  it('interpolates between ranks and handles the ends', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 0)).toBe(1);
    expect(quantile([4, 1, 3, 2], 1)).toBe(4);
    expect(
      quantile(
        Array.from({ length: 101 }, (_, i) => i),
        0.95,
      ),
    ).toBe(95);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('summarises finite samples only', () => {
    expect(summarize([3, Number.NaN, 1, 2])).toEqual({ median: 2, min: 1, max: 3, count: 3 });
  });
});

describe('verdicts', () => {
  it('judges a noisy figure on its median, so one slow run does not fail it', () => {
    expect(verdictOf({ measure: time, samples: [400, 450, 2000] })).toBe('pass');
    expect(verdictOf({ measure: time, samples: [400, 600, 700] })).toBe('fail');
  });

  it('fails a deterministic budget when any run exceeds it', () => {
    expect(verdictOf({ measure: bytes, samples: [120, 120, 151] })).toBe('fail');
    expect(breaksBudget([{ measure: bytes, samples: [120, 151] }])).toBe(true);
    expect(breaksBudget([{ measure: bytes, samples: [150, 150] }])).toBe(false);
  });

  it('fails the bench when a deterministic budget could not be measured, not when a time is slow', () => {
    expect(breaksBudget([{ measure: bytes, samples: [], error: 'no row' }])).toBe(true);
    expect(breaksBudget([{ measure: time, samples: [9000] }])).toBe(false);
    expect(verdictOf({ measure: info, samples: [] })).toBe('info');
  });
});

describe('renderTable', () => {
  it('prints target, median, range, run count and a mark per measure, then the notes', () => {
    const table = renderTable([
      { measure: bytes, samples: [120.5, 120.5] },
      { measure: time, samples: [300, 900, 700] },
      { measure: info, samples: [], error: 'server down' },
    ]);
    const lines = table.split('\n');
    expect(lines[2]).toMatch(/JS .*≤ 150 KB \(budget\).*120\.5 KB.*\| 120\.5 KB +\| 2 +\| ✓ pass/);
    expect(lines[3]).toMatch(/Cold load.*700 ms.*300 ms – 900 ms.*3.*✗ FAIL/);
    expect(lines[4]).toMatch(/Throughput.*—.*0/);
    expect(table).toContain('- Throughput: server down');
  });
});

describe('formatValue', () => {
  it('keeps a tenth of a millisecond below 100 ms, where a frame target sits', () => {
    expect(formatValue(20.3, 'ms')).toBe('20.3 ms');
    expect(formatValue(19.84, 'ms')).toBe('19.8 ms');
    expect(formatValue(4.304, 'ms')).toBe('4.30 ms');
    expect(formatValue(470.4, 'ms')).toBe('470 ms');
  });
});
