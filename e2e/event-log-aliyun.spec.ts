/** The same Event log against the Alibaba Cloud IoT simulator (demo-aliyun): EventType, Identifier. */
import { expect, test } from '@playwright/test';
import { ALIYUN_NOTABLE_DEVICES } from '../server/fleet/aliyun-fleet.ts';

const eventLog = `/demo-aliyun/devices/${ALIYUN_NOTABLE_DEVICES.longHistory}/events`;

test.describe('Event log (demo-aliyun)', () => {
  test('Failures only keeps error events, with EventType and Identifier filters offered', async ({
    page,
  }) => {
    await page.goto(eventLog);
    const status = page.getByRole('status').filter({ hasText: /loaded|No events/ });
    await expect(status).toContainText('events loaded');
    await expect(page.getByRole('group', { name: 'Message type' })).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'EventType' }).getByRole('checkbox')).toHaveCount(
      3,
    );
    // The Identifier list comes from the device's thing model.
    await expect(page.getByLabel('Identifier').locator('option')).not.toHaveCount(1);

    await page.getByRole('button', { name: 'Failures only' }).click();
    await expect(page).toHaveURL(/[?&]eventType=error(&|$)/);
    await expect(
      page.getByRole('group', { name: 'EventType' }).getByRole('checkbox', { name: 'error' }),
    ).toBeChecked();
    const grid = page.getByRole('grid', { name: 'Events' });
    await expect(grid.locator('[data-event-id]').first()).toBeVisible();
    const levels = await grid
      .locator('[data-event-id] [role="gridcell"]:nth-child(2)')
      .allTextContents();
    expect(new Set(levels)).toEqual(new Set(['error']));
  });
});
