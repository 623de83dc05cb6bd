import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BackendError } from '../../../backends/types.ts';
import { EventErrorBanner } from './event-error-banner.tsx';

// A throttled Alibaba call as its adapter reports it: treated as throttling (429) by the app, but
// it came over the wire as HTTP 400 Throttling.User, and that is what the operator reads.
const throttled = () =>
  new BackendError('denied', {
    status: 429,
    httpStatus: 400,
    code: 'Throttling.User',
    requestId: 'REQ-T',
    retryable: true,
  });

describe('EventErrorBanner', () => {
  it('shows the status the answer came with', () => {
    render(
      <EventErrorBanner
        error={throttled()}
        title="Could not load more events"
        onRetry={() => {}}
        retrying={false}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('HTTP 400 · code Throttling.User');
    expect(alert.textContent).not.toContain('429');
  });
});
