/**
 * The layout from a 390 px phone to a 1440 px screen: a compact device header and one scroll (the
 * grid fills the window, the page does not move), Event details beside the grid without cutting
 * its columns short (a full-screen dialog on a phone), the column chooser and resizable columns
 * remembered per backend kind, no sideways page overflow on a phone, and no console error on
 * cold loads (the stored column choice is applied after hydration, never during it). The axe
 * scans of the Event log with details at both widths are a11y.spec.ts's.
 */
import { expect, test, type Page } from '@playwright/test';
import { problemsOf } from './support/page-problems.ts';
import { ALIYUN_NOTABLE_DEVICES } from '../server/fleet/aliyun-fleet.ts';
import { NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';

const pelionLog = `/demo-pelion/devices/${NOTABLE_PELION_DEVICES.longHistory}/events`;
const aliyunLog = `/demo-aliyun/devices/${ALIYUN_NOTABLE_DEVICES.longHistory}/events`;
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const grid = (page: Page) => page.getByRole('grid', { name: 'Events' });
const scroller = (page: Page) => page.getByTestId('events-scroller');
const header = (page: Page, column: string) =>
  grid(page).locator(`[role="columnheader"][data-column="${column}"]`);

/**
 * The app has taken the page over and loaded its column model (the Columns button is there; on
 * a phone it waits behind Filters with the other controls).
 */
async function ready(page: Page, link: string) {
  await page.goto(link);
  await expect(grid(page).locator('[data-event-id]').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Columns/, includeHidden: true })).toBeAttached();
}

/** Rows of the grid wholly inside both the grid's viewport and the window. */
const rowsInView = (page: Page) =>
  scroller(page).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const bottom = Math.min(box.bottom, window.innerHeight);
    return [...element.querySelectorAll('[data-event-id]')].filter((row) => {
      const rowBox = row.getBoundingClientRect();
      return rowBox.top >= box.top - 0.5 && rowBox.bottom <= bottom + 0.5;
    }).length;
  });

interface Cell {
  left: number;
  right: number;
  top: number;
}

const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('at 1440×900', () => {
  test.use({ viewport: DESKTOP });
  // Several cold page loads each, on a machine shared with other browsers.
  test.describe.configure({ timeout: 180_000 });

  for (const [name, link] of [
    ['Pelion', pelionLog],
    ['Alibaba', aliyunLog],
  ] as const) {
    test(`a ${name} Event log shows at least 20 rows, and only the grid scrolls`, async ({
      page,
    }) => {
      const errors = problemsOf(page);
      await ready(page, link);
      expect(await rowsInView(page)).toBeGreaterThanOrEqual(20);
      // The page fits the window: nothing to scroll but the grid.
      expect(
        await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight),
      ).toBeLessThanOrEqual(0);
      await scroller(page).hover();
      for (let step = 0; step < 5; step++) await page.mouse.wheel(0, 600);
      // (Alibaba's first page is 50 rows: the wheel runs into the end until the next page is in.)
      await expect
        .poll(() => scroller(page).evaluate((element) => element.scrollTop))
        .toBeGreaterThan(1000);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      expect(await rowsInView(page)).toBeGreaterThanOrEqual(20);
      expect(errors).toEqual([]);
    });
  }

  test('details open beside the grid; Category and Description are not cut short', async ({
    page,
  }) => {
    // Failures only: every row has a Category.
    await ready(page, `${pelionLog}?type=FAIL`);
    await grid(page).locator('[data-event-id]').nth(2).click();
    const details = page.getByRole('region', { name: 'Event details' });
    await expect(details).toBeVisible();
    const gridBox = (await grid(page).boundingBox())!;
    const detailsBox = (await details.boundingBox())!;
    // Beside, not over or under.
    expect(detailsBox.x).toBeGreaterThanOrEqual(gridBox.x + gridBox.width - 1);
    expect(detailsBox.y).toBeLessThan(gridBox.y + gridBox.height);
    const cut = await grid(page).evaluate((element) =>
      [
        ...element.querySelectorAll<HTMLElement>(
          '[role="gridcell"][data-column="category"], [role="gridcell"][data-column="description"]',
        ),
      ]
        .filter((cell) => cell.textContent)
        .map((cell) => ({
          text: cell.textContent,
          cut: cell.scrollWidth > cell.clientWidth,
          width: cell.clientWidth,
        })),
    );
    expect(cut.length).toBeGreaterThan(10);
    expect(cut.filter((cell) => cell.cut)).toEqual([]);
    // The columns right of them are reached by scrolling the grid sideways, not the page.
    expect(await pageOverflow(page)).toBe(0);
    await scroller(page).evaluate((element) => {
      element.scrollLeft = element.scrollWidth;
    });
    await expect(header(page, 'stateChange')).toBeInViewport();
  });

  test('the column chooser hides a column per backend kind, remembered across reloads', async ({
    page,
  }) => {
    const errors = problemsOf(page);
    await ready(page, pelionLog);
    await page.getByRole('button', { name: /^Columns/ }).click();
    const chooser = page.getByRole('group', { name: 'Columns shown' });
    await expect(chooser.getByRole('checkbox', { name: 'Time' })).toBeDisabled();
    await chooser.getByRole('checkbox', { name: 'Category' }).uncheck();
    await expect(header(page, 'category')).toHaveCount(0);
    await expect(grid(page).locator('[data-column="category"]')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(chooser).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Columns (1 hidden)' })).toBeFocused();

    await page.reload();
    await ready(page, pelionLog);
    await expect(header(page, 'category')).toHaveCount(0);
    await expect(header(page, 'description')).toBeVisible();

    // The Alibaba demo has its own columns and its own memory.
    await ready(page, aliyunLog);
    for (const column of ['code', 'description', 'payload']) {
      await expect(header(page, column)).toBeVisible();
    }
    await page.getByRole('button', { name: /^Columns/ }).click();
    await page
      .getByRole('group', { name: 'Columns shown' })
      .getByRole('checkbox', { name: 'OutputData' })
      .uncheck();
    await expect(header(page, 'payload')).toHaveCount(0);
    await page.reload();
    await ready(page, aliyunLog);
    await expect(header(page, 'payload')).toHaveCount(0);
    await expect(header(page, 'description')).toBeVisible();

    await ready(page, pelionLog);
    await expect(header(page, 'category')).toHaveCount(0);
    await expect(header(page, 'stateChange')).toBeVisible();
    // Reset brings it back.
    await page.getByRole('button', { name: /^Columns/ }).click();
    await page.getByRole('button', { name: 'Reset columns' }).click();
    await expect(header(page, 'category')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('columns resize by keyboard and by drag, remembered across reloads', async ({ page }) => {
    await ready(page, pelionLog);
    const codeHeader = header(page, 'code');
    const codeSeparator = page.getByRole('separator', { name: 'Resize Code' });
    await expect(codeSeparator).toHaveAttribute('aria-orientation', 'vertical');
    const before = Number(await codeSeparator.getAttribute('aria-valuenow'));
    const widthBefore = (await codeHeader.boundingBox())!.width;
    await codeSeparator.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(codeSeparator).toHaveAttribute('aria-valuenow', String(before + 32));
    await expect.poll(async () => (await codeHeader.boundingBox())!.width).toBe(widthBefore + 32);
    // The rows follow the header.
    const cell = grid(page).locator('[data-event-id] [data-column="code"]').first();
    expect((await cell.boundingBox())!.width).toBeCloseTo(widthBefore + 32, 0);
    await page.keyboard.press('ArrowLeft');
    await expect(codeSeparator).toHaveAttribute('aria-valuenow', String(before + 16));

    // Drag the Category header's edge 80 px to the right.
    const categorySeparator = page.getByRole('separator', { name: 'Resize Category' });
    const categoryBefore = Number(await categorySeparator.getAttribute('aria-valuenow'));
    const edge = (await categorySeparator.boundingBox())!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2 + 40, edge.y + edge.height / 2, { steps: 4 });
    await page.mouse.move(edge.x + edge.width / 2 + 80, edge.y + edge.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect(categorySeparator).toHaveAttribute('aria-valuenow', String(categoryBefore + 80));

    await page.reload();
    await ready(page, pelionLog);
    await expect(page.getByRole('separator', { name: 'Resize Code' })).toHaveAttribute(
      'aria-valuenow',
      String(before + 16),
    );
    await expect(page.getByRole('separator', { name: 'Resize Category' })).toHaveAttribute(
      'aria-valuenow',
      String(categoryBefore + 80),
    );
    await expect
      .poll(async () => (await header(page, 'code').boundingBox())!.width)
      .toBe(widthBefore + 16);
  });

  test('the details panel resizes by keyboard and drag, remembered, never squeezing the grid', async ({
    page,
  }) => {
    await ready(page, pelionLog);
    await grid(page).locator('[data-event-id]').nth(1).click();
    const details = page.getByRole('region', { name: 'Event details' });
    await expect(details).toBeVisible();
    const separator = page.getByRole('separator', { name: 'Resize Event details' });
    const widthOf = async () => (await details.boundingBox())!.width;
    const before = await widthOf();
    // ← widens the panel (it is right of the grid), → narrows it; 16 px a press.
    await separator.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(widthOf).toBeCloseTo(before + 32, 0);
    await page.keyboard.press('ArrowRight');
    await expect.poll(widthOf).toBeCloseTo(before + 16, 0);
    // Dragged 120 px left.
    const edge = (await separator.boundingBox())!;
    const y = edge.y + edge.height / 2;
    await page.mouse.move(edge.x + edge.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2 - 60, y, { steps: 4 });
    await page.mouse.move(edge.x + edge.width / 2 - 120, y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(widthOf).toBeCloseTo(before + 136, 0);
    // As wide as it may go (End): the grid keeps at least 480 px.
    await separator.focus();
    await page.keyboard.press('End');
    await expect
      .poll(async () => (await grid(page).boundingBox())!.width)
      .toBeGreaterThanOrEqual(479);
    const widest = await widthOf();
    expect(widest).toBeGreaterThan(before + 136);

    await page.reload();
    await expect(details).toBeVisible();
    await expect.poll(widthOf).toBeCloseTo(widest, 0);
    // A narrower window still leaves the grid its room.
    await page.setViewportSize({ width: 1024, height: 900 });
    await expect
      .poll(async () => (await grid(page).boundingBox())!.width)
      .toBeGreaterThanOrEqual(479);
    expect(await pageOverflow(page)).toBe(0);
  });

  test('the column chooser moves a column by keyboard and pointer, remembered per backend kind', async ({
    page,
  }) => {
    const headerOrder = () =>
      grid(page)
        .locator('[role="columnheader"]')
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-column')));
    const cellOrder = () =>
      grid(page)
        .locator('[data-event-id]')
        .first()
        .locator('[role="gridcell"]')
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-column')));
    await ready(page, pelionLog);
    await page.getByRole('button', { name: /^Columns/ }).click();
    const chooser = page.getByRole('group', { name: 'Columns shown' });
    // Pointer: Description one place earlier.
    await chooser.getByRole('button', { name: 'Move Description earlier' }).click();
    const moved = ['time', 'level', 'code', 'description', 'category', 'stateChange'];
    await expect.poll(headerOrder).toEqual(moved);
    expect(await cellOrder()).toEqual(moved);
    // Keyboard: focus stays on the button, Enter moves it again.
    await expect(chooser.getByRole('button', { name: 'Move Description earlier' })).toBeFocused();
    await page.keyboard.press('Enter');
    const twice = ['time', 'level', 'description', 'code', 'category', 'stateChange'];
    await expect.poll(headerOrder).toEqual(twice);
    expect(await cellOrder()).toEqual(twice);

    await page.reload();
    await ready(page, pelionLog);
    await expect.poll(headerOrder).toEqual(twice);
    // The Alibaba kind keeps its own order.
    await ready(page, aliyunLog);
    await expect.poll(headerOrder).toEqual(['time', 'level', 'code', 'description', 'payload']);
    await ready(page, pelionLog);
    await page.getByRole('button', { name: /^Columns/ }).click();
    await page.getByRole('button', { name: 'Reset columns' }).click();
    await expect
      .poll(headerOrder)
      .toEqual(['time', 'level', 'code', 'category', 'description', 'stateChange']);
  });
});

test.describe('at 390×844 (phone)', () => {
  test.use({ viewport: PHONE });
  test.describe.configure({ timeout: 180_000 });

  test('the filters wait behind a Filters button: the rows start on the first screen', async ({
    page,
  }) => {
    await page.goto(`${pelionLog}?type=FAIL&q=SYS`);
    const firstRow = grid(page).locator('[data-event-id]').first();
    await expect(firstRow).toBeVisible();
    const filters = page.getByRole('button', { name: 'Filters (2 active)' });
    await expect(filters).toHaveAttribute('aria-expanded', 'false');
    expect((await firstRow.boundingBox())!.y + 32).toBeLessThanOrEqual(PHONE.height);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect(page.getByRole('checkbox', { name: 'FAIL' })).toBeHidden();
    await filters.click();
    await expect(filters).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('checkbox', { name: 'FAIL' })).toBeChecked();
    await expect(page.getByRole('searchbox', { name: 'Search loaded events' })).toHaveValue('SYS');
    expect(await pageOverflow(page)).toBe(0);
  });

  test('the Backend picker is wide enough to read which backend is open', async ({ page }) => {
    await page.goto('/demo-aliyun/devices');
    const picker = page.getByRole('combobox', { name: 'Backend' });
    await expect(picker).toBeVisible();
    // Squeezed beside the header's links it once showed only its arrow (~30 px).
    expect((await picker.boundingBox())!.width).toBeGreaterThanOrEqual(0.6 * PHONE.width);
    const label = await picker.evaluate(
      (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '',
    );
    expect(label).toMatch(/Alibaba/);
    expect(await pageOverflow(page)).toBe(0);
  });

  test('the fleet feed stacks each event: time and type, then device and event, all on screen', async ({
    page,
  }) => {
    await page.goto('/demo-pelion/events?type=FAIL');
    const row = page.getByRole('grid', { name: 'Events' }).locator('[data-event-id]').first();
    await expect(row).toBeVisible();
    // Four fixed columns once made this page 679 px wide.
    expect(await pageOverflow(page)).toBe(0);
    const cells = await row.getByRole('gridcell').evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        return { left: box.left, right: box.right, top: box.top };
      }),
    );
    expect(cells).toHaveLength(4);
    for (const cell of cells) expect(cell.right).toBeLessThanOrEqual(PHONE.width);
    const [time, device, level, event] = cells as [Cell, Cell, Cell, Cell];
    expect(level.top).toBe(time.top);
    expect(device.top).toBeGreaterThan(time.top);
    expect(event.top).toBeGreaterThan(device.top);
    // The column names are still read out, though not shown.
    await expect(page.getByRole('columnheader', { name: 'Device' })).toBeAttached();
  });

  test('the device list and the Event log do not overflow sideways; the grid scrolls instead', async ({
    page,
  }) => {
    const errors = problemsOf(page);
    await page.goto('/demo-pelion/devices');
    await expect(page.locator('tbody tr[data-device-id]').first()).toBeVisible();
    expect(await pageOverflow(page)).toBe(0);
    const backend = page.getByRole('combobox', { name: 'Backend' });
    expect((await backend.boundingBox())!.width).toBeLessThanOrEqual(PHONE.width);

    for (const link of [pelionLog, aliyunLog]) {
      await ready(page, link);
      expect(await pageOverflow(page)).toBe(0);
      // Every column can be reached: the grid scrolls sideways to the end of its last one.
      const lastEnd = () =>
        scroller(page).evaluate((element) => {
          const cells = element.querySelectorAll('[data-event-id]:first-of-type [role="gridcell"]');
          const last = [...cells].at(-1)!.getBoundingClientRect();
          return { end: last.right, gridEnd: element.getBoundingClientRect().right };
        });
      const before = await lastEnd();
      expect(before.end).toBeGreaterThan(before.gridEnd);
      await scroller(page).evaluate((element) => {
        element.scrollLeft = element.scrollWidth;
      });
      await expect
        .poll(async () => {
          const after = await lastEnd();
          return after.end <= after.gridEnd;
        })
        .toBe(true);
      expect(await pageOverflow(page)).toBe(0);
    }
    expect(errors).toEqual([]);
  });

  test('details are a full-screen dialog; Escape and Close return focus to the row', async ({
    page,
  }) => {
    await ready(page, pelionLog);
    const row = grid(page).locator('[data-event-id]').nth(1);
    const id = await row.getAttribute('data-event-id');
    await row.focus();
    await page.keyboard.press('Enter');
    const sheet = page.getByRole('dialog', { name: 'Event details' });
    await expect(sheet).toBeVisible();
    await expect(sheet).toHaveAttribute('aria-modal', 'true');
    const box = (await sheet.boundingBox())!;
    expect(box).toEqual({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });
    expect(await pageOverflow(page)).toBe(0);
    // Focus is in the sheet and stays there.
    await expect(sheet.getByRole('button', { name: 'Close' })).toBeFocused();
    for (let step = 0; step < 8; step++) await page.keyboard.press('Tab');
    expect(await sheet.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await sheet.evaluate((element) => element.contains(document.activeElement))).toBe(true);

    await page.keyboard.press('Escape');
    await expect(sheet).toHaveCount(0);
    await expect(grid(page).locator(`[data-event-id="${id}"]`)).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(sheet).toBeVisible();
    await sheet.getByRole('button', { name: 'Close' }).click();
    await expect(sheet).toHaveCount(0);
    await expect(grid(page).locator(`[data-event-id="${id}"]`)).toBeFocused();
  });
});
