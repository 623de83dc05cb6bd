import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorFor } from '../../backends/aliyun/rpc.ts';
import { ErrorPanel } from './error-panel.tsx';

// Alibaba answers flow control with HTTP 400 Throttling.User (no Retry-After); the app treats it
// as throttling, but the operator reads the status that came over the wire.
const throttled = () =>
  errorFor(400, { Code: 'Throttling.User', Message: 'denied', RequestId: 'REQ-T' }, undefined, 'X');

describe('error labels show the status the answer came with', () => {
  it('ErrorPanel: a throttled Alibaba call reads HTTP 400, not HTTP 429', () => {
    const error = throttled();
    expect(error.details).toMatchObject({ status: 429, httpStatus: 400, retryable: true });
    render(<ErrorPanel title="Could not load" error={error} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('HTTP 400 · Throttling.User');
    expect(alert.textContent).not.toContain('429');
  });

  it('a business error sent with HTTP 200 is labelled HTTP 200 with its code', () => {
    const error = errorFor(
      200,
      { Success: false, Code: 'iot.device.NotExistedDevice', RequestId: 'R' },
      undefined,
      'QueryDeviceDetail',
    );
    expect(error.details.status).toBe(404);
    render(<ErrorPanel title="Could not load" error={error} />);
    expect(screen.getByRole('alert').textContent).toContain(
      'HTTP 200 · iot.device.NotExistedDevice',
    );
  });
});
