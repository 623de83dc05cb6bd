import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFakeBackend, fakeDevice } from '../../testing/fake-backend.ts';
import { preloadRouteModules, renderApp } from '../../testing/render-app.tsx';

describe('device page', { timeout: 20_000 }, () => {
  beforeAll(preloadRouteModules, 30_000);

  it('opens from a list row on the Event log tab with the device name as heading', async () => {
    const { router } = renderApp('/test-pelion/devices?status=registered', {
      backends: [createFakeBackend()],
    });
    await userEvent.click(await screen.findByRole('link', { name: 'sensor-029' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'sensor-029' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Event log' }).getAttribute('aria-selected')).toEqual(
      'true',
    );
    expect(router.state.location.pathname).toBe(`/test-pelion/devices/${fakeDevice(29).id}/events`);
    expect(await screen.findByText('thermo-v2')).toBeTruthy();

    // The breadcrumb returns to the list as it was filtered.
    await userEvent.click(screen.getByRole('link', { name: 'Devices' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=registered'));
  });

  it('redirects the bare device URL to its Event log, keeping the link’s filters', async () => {
    const id = fakeDevice(2).id;
    const { router } = renderApp(`/test-pelion/devices/${id}?type=FAIL`, {
      backends: [createFakeBackend()],
    });
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/test-pelion/devices/${id}/events`),
    );
    expect(router.state.location.search).toBe('?type=FAIL');
  });

  it('says clearly when the device does not exist', async () => {
    renderApp('/test-pelion/devices/ffffffffffffffffffffffffffffffff', {
      backends: [createFakeBackend()],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Device not found' })).toBeTruthy();
    // The tab says so too, not "<id> · Event log".
    await waitFor(() => expect(document.title).toMatch(/^Device not found — .+ — Fleetlog$/));
    expect(
      screen.getByRole('link', { name: 'Back to the device list' }).getAttribute('href'),
    ).toEqual(expect.stringMatching(/^\/test-pelion\/devices/));
  });
});
