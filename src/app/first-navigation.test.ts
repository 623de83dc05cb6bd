import { createMemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstNavigationSettled } from './app.tsx';

function routerWithLoader(loader: () => Promise<null>) {
  return createMemoryRouter([{ path: '/', loader, Component: () => null }]);
}

afterEach(() => vi.useRealTimers());

describe('firstNavigationSettled', () => {
  it('waits for the first navigation’s loaders, not for the deadline', async () => {
    let finishLoader!: () => void;
    const router = routerWithLoader(
      () => new Promise<null>((resolve) => (finishLoader = () => resolve(null))),
    );
    let settled = false;
    const waiting = firstNavigationSettled(router, 60_000).then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    finishLoader();
    await waiting;
    expect(router.state.initialized).toBe(true);
  });

  it('gives up at the deadline so a stuck loader cannot keep the page blank', async () => {
    vi.useFakeTimers();
    const router = routerWithLoader(() => new Promise<null>(() => undefined));
    let settled = false;
    void firstNavigationSettled(router, 300).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(299);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect(router.state.initialized).toBe(false);
  });
});
