import { describe, expect, it } from 'vitest';
import { planRows } from './row-plan.ts';

const base = { earlierLabel: 'earlier', laterLabel: 'later', single: new Set<number>() };

describe('planRows', () => {
  it('gives every held row a row and every run of rows not held one block', () => {
    expect(planRows({ ...base, first: 8, last: 14, heldStart: 10, heldEnd: 12 })).toEqual([
      { shape: 'run', first: 8, last: 9, label: 'earlier', labelled: true },
      { shape: 'event', index: 10 },
      { shape: 'event', index: 11 },
      { shape: 'run', first: 12, last: 14, label: 'later', labelled: true },
    ]);
  });

  it('keeps a focus target a row of its own inside a run', () => {
    const plan = planRows({
      ...base,
      first: 100,
      last: 124,
      heldStart: 0,
      heldEnd: 50,
      single: new Set([104, 0]),
    });
    expect(plan).toEqual([
      { shape: 'run', first: 100, last: 103, label: 'later', labelled: true },
      { shape: 'placeholder', index: 104, label: 'later' },
      // The row above says it already.
      { shape: 'run', first: 105, last: 124, label: 'later', labelled: false },
    ]);
  });

  it('renders nothing for an empty range', () => {
    expect(planRows({ ...base, first: 0, last: -1, heldStart: 0, heldEnd: 0 })).toEqual([]);
  });
});
