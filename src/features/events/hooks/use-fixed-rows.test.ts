import { describe, expect, it } from 'vitest';
import { clipToWindow, offsetForIndex, rowRange, visibleBand } from './use-fixed-rows.ts';

const H = 36;

describe('rowRange', () => {
  it('renders the rows in view plus the overscan, clamped to the list', () => {
    expect(rowRange({ offset: 0, height: 360 }, 1000, H, 4)).toEqual({ first: 0, last: 13 });
    // Row 100 starts at 3600; a viewport of 10 rows shows 100–109.
    expect(rowRange({ offset: 3600, height: 360 }, 1000, H, 4)).toEqual({ first: 96, last: 113 });
    // Half a row scrolled: row 100 is still partly visible, and so is row 110.
    expect(rowRange({ offset: 3618, height: 360 }, 1000, H, 0)).toEqual({ first: 100, last: 110 });
    expect(rowRange({ offset: 35_640, height: 360 }, 1000, H, 4)).toEqual({
      first: 986,
      last: 999,
    });
  });

  it('copes with no rows, no height and offsets past either end', () => {
    expect(rowRange({ offset: 0, height: 360 }, 0, H, 4)).toEqual({ first: 0, last: -1 });
    expect(rowRange({ offset: 0, height: 0 }, 1000, H, 2)).toEqual({ first: 0, last: 2 });
    expect(rowRange({ offset: -50, height: 360 }, 1000, H, 0)).toEqual({ first: 0, last: 9 });
    expect(rowRange({ offset: 1e9, height: 360 }, 1000, H, 1)).toEqual({ first: 998, last: 999 });
  });

  it('costs the same at any depth: the range of a 100,000-row list is plain arithmetic', () => {
    expect(rowRange({ offset: 99_990 * H, height: 720 }, 100_006, H, 4)).toEqual({
      first: 99_986,
      last: 100_005,
    });
  });
});

describe('offsetForIndex', () => {
  const view = { offset: 3600, height: 360 };

  it('leaves a fully visible row where it is with "auto"', () => {
    expect(offsetForIndex(105, 'auto', view, 1000, H)).toBeNull();
  });

  it('scrolls just enough to show a row above or below with "auto"', () => {
    expect(offsetForIndex(90, 'auto', view, 1000, H)).toBe(90 * H);
    expect(offsetForIndex(120, 'auto', view, 1000, H)).toBe(121 * H - 360);
  });

  it('centres, starts and ends on a row, within the scrollable range', () => {
    expect(offsetForIndex(500, 'center', view, 1000, H)).toBe(500 * H + 18 - 180);
    expect(offsetForIndex(500, 'start', view, 1000, H)).toBe(500 * H);
    expect(offsetForIndex(500, 'end', view, 1000, H)).toBe(501 * H - 360);
    expect(offsetForIndex(0, 'center', view, 1000, H)).toBe(0);
    expect(offsetForIndex(999, 'center', view, 1000, H)).toBe(1000 * H - 360);
  });
});

describe('clipToWindow', () => {
  it('keeps the part of a list that runs off the bottom of the window out of the range', () => {
    // A 700 px list starting 480 px down an 800 px window: 320 px of it are on screen.
    const clip = clipToWindow({ top: 480, height: 700 }, 700, 800);
    expect(clip).toEqual({ clipTop: 0, clipHeight: 320 });
    const band = visibleBand({ offset: 3600, height: 700, ...clip });
    expect(rowRange(band, 1000, H, 4)).toEqual({ first: 96, last: 112 });
    expect(rowRange({ offset: 3600, height: 700 }, 1000, H, 4)).toEqual({ first: 96, last: 123 });
  });

  it('starts the band lower when the page is scrolled past the top of the list', () => {
    expect(clipToWindow({ top: -200, height: 700 }, 700, 800)).toEqual({
      clipTop: 200,
      clipHeight: 500,
    });
    expect(visibleBand({ offset: 0, height: 700, clipTop: 200, clipHeight: 500 })).toEqual({
      offset: 200,
      height: 500,
    });
  });

  it('shows the whole list when it fits, none of it when it is off screen, all of it without layout', () => {
    expect(clipToWindow({ top: 100, height: 600 }, 600, 800)).toEqual({
      clipTop: 0,
      clipHeight: 600,
    });
    expect(clipToWindow({ top: 900, height: 600 }, 600, 800)).toEqual({
      clipTop: 0,
      clipHeight: 0,
    });
    expect(clipToWindow({ top: -700, height: 600 }, 600, 800)).toEqual({
      clipTop: 600,
      clipHeight: 0,
    });
    // jsdom: no box at all.
    expect(clipToWindow({ top: 0, height: 0 }, 640, 768)).toEqual({ clipTop: 0, clipHeight: 640 });
  });
});
