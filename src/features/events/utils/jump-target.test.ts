import { describe, expect, it } from 'vitest';
import { anchorOfJump, isFarFromWindow, jumpPlaceOf, sameJump } from './jump-target.ts';

describe('jumps', () => {
  it('opens the bottom at the far end of the display order, the top as the plain list', () => {
    expect(anchorOfJump({ to: 'bottom' }, 'desc')).toBe(-Infinity);
    expect(anchorOfJump({ to: 'bottom' }, 'asc')).toBe(Infinity);
    expect(anchorOfJump({ to: 'top' }, 'desc')).toBeUndefined();
    expect(anchorOfJump({ to: 'row', row: 5, time: 1234 }, 'asc')).toBe(1234);
  });

  it('seeks only for rows a page or more beyond the held ones', () => {
    const held = { start: 1000, rowCount: 1400 };
    expect(isFarFromWindow({ first: 1390, last: 1410 }, held, 200)).toBe(false);
    expect(isFarFromWindow({ first: 1599, last: 1620 }, held, 200)).toBe(false);
    expect(isFarFromWindow({ first: 1600, last: 1620 }, held, 200)).toBe(true);
    expect(isFarFromWindow({ first: 820, last: 840 }, held, 200)).toBe(false);
    expect(isFarFromWindow({ first: 770, last: 799 }, held, 200)).toBe(true);
    expect(isFarFromWindow({ first: 0, last: -1 }, held, 200)).toBe(false);
  });

  it('reads the ends from the rows on screen', () => {
    expect(jumpPlaceOf({ first: 0, last: 20 }, 100_000)).toBe('top');
    expect(jumpPlaceOf({ first: 99_980, last: 99_999 }, 100_000)).toBe('bottom');
    expect(jumpPlaceOf({ first: 50_000, last: 50_020 }, 100_000)).toBe(50_000);
  });

  it('does not seek again for the place it is already going to', () => {
    expect(sameJump({ to: 'row', row: 50_000, time: 1 }, 50_080, 200)).toBe(true);
    expect(sameJump({ to: 'row', row: 50_000, time: 1 }, 50_100, 200)).toBe(false);
    expect(sameJump({ to: 'bottom' }, 'bottom', 200)).toBe(true);
    expect(sameJump({ to: 'bottom' }, 'top', 200)).toBe(false);
    expect(sameJump(undefined, 'top', 200)).toBe(false);
  });
});
