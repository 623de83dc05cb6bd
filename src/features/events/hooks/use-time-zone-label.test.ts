import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useTimeZoneLabel } from './use-time-zone-label.ts';

describe('useTimeZoneLabel', () => {
  it('names UTC at once', () => {
    const { result } = renderHook(() => useTimeZoneLabel('utc'));
    expect(result.current).toBe('UTC');
  });

  it('says "local" first, then the browser zone, and remembers it', async () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const first = renderHook(() => useTimeZoneLabel('local'));
    expect(first.result.current).toBe('local');
    await waitFor(() => expect(first.result.current).toBe(zone));
    // A later view (another device, a remount) has the name in its first render.
    const second = renderHook(() => useTimeZoneLabel('local'));
    expect(second.result.current).toBe(zone);
  });
});
