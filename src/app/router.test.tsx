import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFakeBackend, fakeBackendInfo } from '../testing/fake-backend.ts';
import { preloadRouteModules, renderApp } from '../testing/render-app.tsx';

const two = () => [
  createFakeBackend(),
  createFakeBackend({ info: fakeBackendInfo({ id: 'second', label: 'Second fleet' }) }),
];

describe('app routes', { timeout: 20_000 }, () => {
  beforeAll(preloadRouteModules, 30_000);

  it('redirects / to the first backend’s device list', async () => {
    const { router } = renderApp('/', { backends: two() });
    await waitFor(() => expect(router.state.location.pathname).toBe('/test-pelion/devices'));
    expect(await screen.findByRole('table', { name: 'Devices' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
  });

  it('explains an unknown backend and links to the available ones', async () => {
    renderApp('/nope/devices/abc/events', { backends: two() });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Backend not found' }),
    ).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Backend not found — Fleetlog'));
    const list = screen.getByRole('list');
    expect(within(list).getByRole('link', { name: 'Second fleet' }).getAttribute('href')).toEqual(
      '/second/devices',
    );
  });

  it('says which backend this version cannot read, and keeps the others working', async () => {
    const odd = fakeBackendInfo({ id: 'odd', kind: 'thingworx', label: 'Odd fleet' });
    const { router } = renderApp('/odd/devices', { backends: two(), listed: [odd] });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Backend not readable' }),
    ).toBeTruthy();
    expect(screen.getByText(/which this version of Fleetlog cannot read/)).toBeTruthy();
    const others = screen.getByRole('list');
    expect(within(others).queryByRole('link', { name: 'Odd fleet' })).toBeNull();
    await userEvent.click(within(others).getByRole('link', { name: 'Second fleet' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/second/devices'));
    expect(await screen.findByRole('table', { name: 'Devices' })).toBeTruthy();
  });

  it('switches backend from the header', async () => {
    const { router } = renderApp('/test-pelion/devices', { backends: two() });
    const picker = await screen.findByRole('combobox', { name: 'Backend' });
    expect((picker as HTMLSelectElement).value).toBe('test-pelion');
    await userEvent.selectOptions(picker, 'second');
    await waitFor(() => expect(router.state.location.pathname).toBe('/second/devices'));
  });

  it('tells the operator when no backend is configured', async () => {
    renderApp('/', { backends: [] });
    expect(await screen.findByRole('heading', { name: 'No backend is configured' })).toBeTruthy();
  });
});
