import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryBackend, memoryEvent } from '../testing/memory-kind/adapter.ts';
import { preloadRouteModules, renderApp } from '../testing/render-app.tsx';

/**
 * A third backend kind, known only to tests (src/testing/memory-kind/), through the real routes
 * and features: nothing under src/features/ names it, yet its device list, Event log, filters,
 * badges and details all speak its own words.
 */

// jsdom has no layout: give the grid a viewport so it renders a window of rows.
beforeAll(() => {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(640);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1280);
});
afterAll(() => vi.restoreAllMocks());

const rows = () => [...document.querySelectorAll<HTMLElement>('[data-event-id]')];
const cellsOf = (row: HTMLElement) =>
  [...row.querySelectorAll('[role="gridcell"]')].map((cell) => cell.textContent);

describe('a third backend kind', { timeout: 20_000 }, () => {
  beforeAll(preloadRouteModules, 30_000);

  it('lists its devices and opens one on the Event log in its own vocabulary', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/lab/devices', { backends: [createMemoryBackend()] });
    const table = await screen.findByRole('table', { name: 'Devices' });
    await user.click(within(table).getByRole('link', { name: 'Rack 2' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Rack 2' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/lab/devices/rack-2/events');

    const grid = await screen.findByRole('grid', { name: 'Events' });
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual([expect.stringMatching(/^Time \(/), 'Severity', 'Alarm', 'Source', 'Message']);
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    // Newest first: event 39, a critical one, filled red like any kind's failure.
    const newest = rows()[0]!;
    expect(newest.getAttribute('data-event-id')).toBe(memoryEvent('rack-2', 39).id);
    expect(cellsOf(newest).slice(1)).toEqual([
      'CRITICAL',
      'PSU_FAILED',
      'psu-1',
      'critical alarm number 39',
    ]);
    expect(within(newest).getByText('CRITICAL').className).toContain('bg-red-600');
    const badges = new Set(rows().map((row) => cellsOf(row)[1]));
    expect(badges).toEqual(new Set(['CRITICAL', 'MAJOR', 'MINOR']));
  });

  it('filters by its own levels and codes, written to the URL under its own parameters', async () => {
    const user = userEvent.setup();
    const backend = createMemoryBackend();
    const { router } = renderApp('/lab/devices/rack-1/events', { backends: [backend] });
    const severity = await screen.findByRole('group', { name: 'Severity' });
    expect(
      within(severity)
        .getAllByRole('checkbox')
        .map((box) => box.parentElement?.textContent),
    ).toEqual(['CRITICAL', 'MAJOR', 'MINOR']);
    expect(screen.queryByRole('group', { name: 'Message type' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Failures only' }));
    await waitFor(() => expect(router.state.location.search).toBe('?severity=critical'));
    expect(within(severity).getByRole('checkbox', { name: 'CRITICAL' })).toHaveProperty(
      'checked',
      true,
    );
    await waitFor(() => expect(backend.eventQueries.at(-1)?.levels).toEqual(['critical']));
    await waitFor(() =>
      expect(new Set(rows().map((row) => cellsOf(row)[1]))).toEqual(new Set(['CRITICAL'])),
    );

    const alarm = screen.getByRole('combobox', { name: 'Alarm' });
    await screen.findByRole('option', { name: 'major alarm (FAN_SLOW)' });
    await user.click(screen.getByRole('button', { name: 'Failures only' }));
    await user.selectOptions(alarm, 'FAN_SLOW');
    await waitFor(() => expect(router.state.location.search).toBe('?alarm=FAN_SLOW'));
    await waitFor(() => expect(backend.eventQueries.at(-1)?.code).toBe('FAN_SLOW'));
    await waitFor(() =>
      expect(new Set(rows().map((row) => cellsOf(row)[2]))).toEqual(new Set(['FAN_SLOW'])),
    );
  });

  it('shows an event’s details with its level’s and code’s meanings', async () => {
    const user = userEvent.setup();
    const critical = memoryEvent('rack-3', 34);
    renderApp('/lab/devices/rack-3/events', { backends: [createMemoryBackend()] });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    await user.click(rows().find((row) => row.dataset.eventId === critical.id)!);
    const details = await screen.findByRole('region', { name: 'Event details' });
    const text = details.textContent ?? '';
    expect(text).toContain('SeverityCRITICAL Service is down.');
    expect(text).toContain('AlarmPSU_FAILED — Alarm psu failed');
    expect(text).toContain('Sourcepsu-0');
    expect(text).toContain('Messagecritical alarm number 34');
    expect(text).toContain(`"alarmId": "${critical.id}"`);
  });

  it('reports another kind’s filter in a link as ignored', async () => {
    renderApp('/lab/devices/rack-1/events?type=FAIL&severity=major', {
      backends: [createMemoryBackend()],
    });
    expect((await screen.findByRole('note')).textContent).toMatch('type=FAIL');
    expect(
      within(screen.getByRole('group', { name: 'Severity' })).getByRole('checkbox', {
        name: 'MAJOR',
      }),
    ).toHaveProperty('checked', true);
  });
});
