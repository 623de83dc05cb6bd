import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { BackendError } from '../../backends/types.ts';
import { createFakeBackend, fakeDevice } from '../../testing/fake-backend.ts';
import { preloadRouteModules, renderApp } from '../../testing/render-app.tsx';

/** Device rows only (not skeleton or placeholder rows); a DOM query, as role queries are slow in jsdom. */
const rowsOf = (table: HTMLElement) => [...table.querySelectorAll('tr[data-device-id]')];

describe('device list', { timeout: 20_000 }, () => {
  beforeAll(preloadRouteModules, 30_000);

  it('shows the first page of the fleet with a count, and loads more on demand', async () => {
    const backend = createFakeBackend();
    renderApp('/test-pelion/devices', { backends: [backend] });
    const table = await screen.findByRole('table', { name: 'Devices' });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(20));
    expect(screen.getByRole('status').textContent).toContain('20 of 30 devices loaded');
    // Newest first by default.
    expect(within(table).getAllByRole('link')[0]?.textContent).toContain('sensor-030');

    await userEvent.click(screen.getByRole('button', { name: 'Load more devices' }));
    await waitFor(() => expect(rowsOf(table)).toHaveLength(30));
    expect(screen.getByRole('status').textContent).toContain('30 of 30 devices loaded');
    expect(screen.queryByRole('button', { name: 'Load more devices' })).toBeNull();
  });

  it('narrows by search text, writing ?q= without adding history entries', async () => {
    const backend = createFakeBackend();
    const { router } = renderApp('/test-pelion/devices', { backends: [backend] });
    const table = await screen.findByRole('table', { name: 'Devices' });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(20));
    const historyIndex = router.state.historyAction;

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search devices' }), 'sensor-01');
    await waitFor(() => expect(router.state.location.search).toBe('?q=sensor-01'));
    await waitFor(() => expect(rowsOf(table)).toHaveLength(10));
    expect(router.state.historyAction).toBe('REPLACE');
    expect(historyIndex).toBe('POP');
    expect(screen.getByRole('status').textContent).toContain('10 devices loaded');
  });

  it('filters by status through ?status= and offers to clear an empty result', async () => {
    const backend = createFakeBackend({ devices: [fakeDevice(1), fakeDevice(3)] });
    const { router } = renderApp('/test-pelion/devices?q=sensor-001', { backends: [backend] });
    const table = await screen.findByRole('table', { name: 'Devices' });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(1));

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'deregistered');
    expect(router.state.location.search).toBe('?q=sensor-001&status=deregistered');
    expect(
      await within(table).findByText(/No devices match “sensor-001” with status Deregistered/),
    ).toBeTruthy();

    await userEvent.click(within(table).getByRole('button', { name: 'Clear filters' }));
    expect(router.state.location.search).toBe('');
    await waitFor(() => expect(rowsOf(table)).toHaveLength(2));
  });

  it('drops invalid link parameters with a notice instead of failing', async () => {
    const backend = createFakeBackend();
    renderApp('/test-pelion/devices?status=exploded&sort=sideways', { backends: [backend] });
    expect((await screen.findByRole('note')).textContent).toContain(
      'Ignored invalid link parameters: status=exploded, sort=sideways',
    );
    const table = screen.getByRole('table', { name: 'Devices' });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(20));
    expect(backend.listDevicesCalls[0]).toMatchObject({ sort: 'newest' });
    expect(backend.listDevicesCalls[0]?.status).toBeUndefined();
  });

  it('shows the error with its request id and recovers on Retry', async () => {
    const backend = createFakeBackend({
      listError: new BackendError('The backend is throttling requests. Retry in 3 s.', {
        status: 429,
        code: 'throttled',
        requestId: 'req-42',
        retryable: true,
      }),
    });
    renderApp('/test-pelion/devices', { backends: [backend] });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Retry in 3 s');
    expect(alert.textContent).toContain('req-42');
    // The status line must not claim an empty result while the list failed.
    expect(screen.getByRole('status').textContent).toBe('Devices could not be loaded');

    backend.setListError(null);
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    const table = screen.getByRole('table', { name: 'Devices' });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(20));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sorts oldest first through ?sort=, leaving the default out of the URL', async () => {
    const { router } = renderApp('/test-pelion/devices', { backends: [createFakeBackend()] });
    const table = await screen.findByRole('table', { name: 'Devices' });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(20));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'oldest');
    expect(router.state.location.search).toBe('?sort=oldest');
    await waitFor(() =>
      expect(within(table).getAllByRole('link')[0]?.textContent).toBe('sensor-001'),
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'newest');
    expect(router.state.location.search).toBe('');
  });

  it('links unnamed devices by id', async () => {
    const unnamed = fakeDevice(7, { name: null });
    renderApp('/test-pelion/devices', { backends: [createFakeBackend({ devices: [unnamed] })] });
    const link = await screen.findByRole('link', { name: unnamed.id });
    expect(link.getAttribute('href')).toEqual(`/test-pelion/devices/${unnamed.id}`);
  });

  it('sorts by a column header: the URL holds it, aria-sort says it, a second click reverses', async () => {
    const { router } = renderApp('/test-pelion/devices', { backends: [createFakeBackend()] });
    const table = await screen.findByRole('table', { name: 'Devices' });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(20));
    const header = (name: RegExp) =>
      within(screen.getByRole('table', { name: 'Devices' })).getByRole('columnheader', { name });
    expect(header(/Name/).getAttribute('aria-sort')).toBeNull();
    expect(header(/Created/).getAttribute('aria-sort')).toBe('descending');
    const firstName = () =>
      within(screen.getByRole('table', { name: 'Devices' })).getAllByRole('link')[0]?.textContent;

    await userEvent.click(within(header(/Name/)).getByRole('button', { name: /Name/ }));
    expect(router.state.location.search).toBe('?sort=name');
    await waitFor(() => expect(header(/Name/).getAttribute('aria-sort')).toBe('ascending'));
    expect(header(/Created/).getAttribute('aria-sort')).toBeNull();
    await waitFor(() => expect(firstName()).toBe('sensor-001'));

    // Keyboard: the header is a button, so Enter on it sorts the other way.
    within(header(/Name/)).getByRole('button').focus();
    await userEvent.keyboard('{Enter}');
    expect(router.state.location.search).toBe('?sort=name-desc');
    await waitFor(() => expect(header(/Name/).getAttribute('aria-sort')).toBe('descending'));
    await waitFor(() => expect(firstName()).toBe('sensor-030'));
  });

  it('shows each state in the words of the Status filter', async () => {
    renderApp('/test-pelion/devices', { backends: [createFakeBackend()] });
    const table = await screen.findByRole('table', { name: 'Devices' });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(20));
    const filterLabels = within(screen.getByRole('combobox', { name: 'Status' }))
      .getAllByRole('option')
      .map((option) => option.textContent);
    const shown = new Set(rowsOf(table).map((row) => row.querySelectorAll('td')[2]?.textContent));
    expect([...shown].sort()).toEqual(['Deregistered', 'Registered']);
    for (const label of shown) expect(filterLabels).toContain(label);
  });

  it('opens a device from a click anywhere on its row', async () => {
    const { router } = renderApp('/test-pelion/devices', { backends: [createFakeBackend()] });
    const table = await screen.findByRole('table', { name: 'Devices' });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(20));
    const row = rowsOf(table)[2]!;
    await userEvent.click(row.querySelectorAll('td')[5]!);
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(
        `/test-pelion/devices/${row.getAttribute('data-device-id')}/events`,
      ),
    );
  });

  it('shows rows before the slower columns and fills them in when the backend has them', async () => {
    const backend = createFakeBackend({ devices: [fakeDevice(1), fakeDevice(2)] });
    const list = backend.listDevices.bind(backend);
    let firmwareRead = false;
    backend.listDevices = async (query, cursor, signal) => {
      const page = await list(query, cursor, signal);
      if (!firmwareRead) return { ...page, incomplete: true };
      return {
        ...page,
        devices: page.devices.map((device) => ({ ...device, firmware: { text: '4.7.1' } })),
      };
    };
    renderApp('/test-pelion/devices', { backends: [backend] });
    const table = await screen.findByRole('table', { name: 'Devices' });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(2));
    expect(screen.getByRole('status').textContent).toContain('still reading some columns');
    expect(within(table).queryByText('4.7.1')).toBeNull();

    firmwareRead = true;
    await waitFor(() => expect(within(table).getAllByText('4.7.1')).toHaveLength(2));
    expect(screen.getByRole('status').textContent).not.toContain('still reading');
    const calls = backend.listDevicesCalls.length;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    // Whole: no more asking.
    expect(backend.listDevicesCalls.length).toBe(calls);
  });
});
