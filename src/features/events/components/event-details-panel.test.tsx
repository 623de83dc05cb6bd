import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../../backends/types.ts';
import { BackendError } from '../../../backends/types.ts';
import { createFakeAdapter } from '../../../testing/fake-event-adapter.ts';
import { EventDetailsPanel } from './event-details-panel.tsx';

const { vocabulary } = createFakeAdapter({ events: 0 });

const wire = { id: 'e1', event_type: 'UPD4_FAIL_101', created_at: '2026-12-02T07:56:40.664Z' };
const listed: DeviceEvent = {
  id: 'e1',
  time: Date.UTC(2026, 11, 2, 7, 56, 40, 491),
  timeText: '2026-12-02T07:56:40.491000Z',
  level: 'FAIL',
  isFailure: true,
  code: 'UPD4_FAIL_101',
  description: 'Update failed',
  raw: undefined,
};

function show(event: DeviceEvent, error: unknown = null, recordLoading = true) {
  return render(
    <EventDetailsPanel
      vocabulary={vocabulary}
      tz="utc"
      eventId="e1"
      event={event}
      loading={false}
      recordLoading={recordLoading}
      error={error}
      eventLink={null}
      onClose={() => undefined}
    />,
  );
}

describe('Event details of a listed event without its wire record', () => {
  it('shows what the row knows and says the record is on its way, with nothing to copy yet', () => {
    show(listed);
    expect(screen.getByText('UPD4_FAIL_101', { selector: 'dd, dd *' })).toBeTruthy();
    expect(screen.getByText('Loading the full record…')).toBeTruthy();
    expect(screen.queryByLabelText('Full record (JSON)')).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy JSON' })).toHaveProperty('disabled', true);
  });

  it('shows the record once the event has been read with it', () => {
    show({ ...listed, raw: wire });
    expect(JSON.parse(screen.getByLabelText('Full record (JSON)').textContent ?? '')).toEqual(wire);
    expect(screen.getByRole('button', { name: 'Copy JSON' })).toHaveProperty('disabled', false);
  });

  it('says why when the read of the record failed', () => {
    show(
      listed,
      new BackendError('Upstream timed out', { status: 504, requestId: 'r-9', retryable: true }),
    );
    expect(screen.getByText(/Could not load the full record: Upstream timed out/)).toBeTruthy();
  });

  it('says so when the read came back without the event, instead of loading for ever', () => {
    show(listed, null, false);
    expect(screen.queryByText('Loading the full record…')).toBeNull();
    expect(screen.getByText('The backend did not send this event’s full record.')).toBeTruthy();
  });
});
