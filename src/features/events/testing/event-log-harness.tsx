/**
 * The Event log route rendered in jsdom for component tests: a backend context, a memory router
 * with a location probe, and the layout jsdom lacks (sizes, scrolling) so the fixed-row window
 * renders rows the way a browser would.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { BackendContext } from '../../../backends/use-backend.ts';
import type { FakeAdapter } from '../../../testing/fake-event-adapter.ts';
import { EventLogRoute } from '../event-log-route.tsx';

const VIEWPORT = { width: 1280, height: 640 };

export function scrollElementTo(element: HTMLElement, top: number) {
  Object.defineProperty(element, 'scrollTop', { value: top, configurable: true, writable: true });
  element.dispatchEvent(new Event('scroll'));
}

/**
 * Gives elements a size and lets scrolling move scrollTop, for the tests of the calling file
 * (installed before them, removed after).
 */
export function withJsdomLayout() {
  beforeAll(() => {
    vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(VIEWPORT.height);
    vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(VIEWPORT.width);
    // The scroll height is the fixed-row window's sizer (its first child's explicit height).
    vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(function scrollHeight(
      this: Element,
    ) {
      const sizer = this.firstElementChild as HTMLElement | null;
      return Math.max(VIEWPORT.height, parseFloat(sizer?.style.height ?? '') || 0);
    });
    Element.prototype.scrollTo = function scrollTo(
      this: Element,
      options?: ScrollToOptions | number,
    ) {
      const top = typeof options === 'number' ? 0 : (options?.top ?? 0);
      scrollElementTo(this as HTMLElement, top);
    } as Element['scrollTo'];
  });
  afterAll(() => vi.restoreAllMocks());
}

function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname + location.search}</div>;
}

/** The Event log at `url` over `adapter`; the current location is in `getByTestId('location')`. */
export function renderRoute(
  adapter: FakeAdapter,
  url: string,
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } }),
) {
  render(
    <QueryClientProvider client={client}>
      <BackendContext.Provider value={{ info: adapter.info, adapter }}>
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route
              path="/:backendId/devices/:deviceId/events/:eventId?"
              element={<EventLogRoute />}
            />
          </Routes>
          <LocationProbe />
        </MemoryRouter>
      </BackendContext.Provider>
    </QueryClientProvider>,
  );
}

export const text = (element: Element | null) => element?.textContent ?? '';

export async function statusSays(expected: string | RegExp) {
  await waitFor(() => expect(text(screen.getByRole('status'))).toMatch(expected));
}
