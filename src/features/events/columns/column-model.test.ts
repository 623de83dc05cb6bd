import { describe, expect, it } from 'vitest';
import { createFakeAdapter, fakeAliyunInfo } from '../../../testing/fake-event-adapter.ts';
import {
  MAX_COLUMN_SIZE,
  defaultLayout,
  eventColumnsFor,
  gridTemplate,
  rowMinWidth,
} from '../components/event-columns.tsx';
import {
  columnMemoryKey,
  parseStoredColumns,
  recallColumns,
  rememberColumns,
  type StoredColumns,
} from './column-memory.ts';
import { createColumnModel } from './column-model.ts';

// The two kinds' real vocabularies (the fake adapter uses the vocabulary of its backend's kind).
const pelion = eventColumnsFor(createFakeAdapter({ events: 0 }).vocabulary);
const aliyun = eventColumnsFor(createFakeAdapter({ events: 0, info: fakeAliyunInfo }).vocabulary);
const ids = (columns: readonly { id: string }[]) => columns.map((column) => column.id);

function modelWith(stored: StoredColumns | null = null, columns = pelion) {
  const saved: StoredColumns[] = [];
  const model = createColumnModel(columns, stored, (next) => saved.push(next));
  return { model, saved };
}

describe('Events grid columns', () => {
  it('come from the vocabulary: Time, the level, then its fields, per backend kind', () => {
    expect(ids(pelion.list)).toEqual([
      'time',
      'level',
      'code',
      'category',
      'description',
      'stateChange',
    ]);
    expect(ids(aliyun.list)).toEqual(['time', 'level', 'code', 'description', 'payload']);
    expect(pelion.storageKey).not.toBe(aliyun.storageKey);
  });

  it('render server-side exactly as react-table lays them out with no stored choice', () => {
    // The server (and the browser's first render) use defaultLayout; the model takes over after.
    for (const columns of [pelion, aliyun]) {
      const { model } = modelWith(null, columns);
      expect(model.layout()).toEqual(defaultLayout(columns));
      expect(gridTemplate(model.layout())).toBe(gridTemplate(defaultLayout(columns)));
    }
  });

  it('keep text columns growing from their width, and the rows at least as wide as the sum', () => {
    const layout = defaultLayout(pelion);
    expect(gridTemplate(layout)).toBe('200px 104px 176px 192px minmax(360px, 1fr) 104px');
    // Six columns, five 12 px gaps, 12 px padding each side.
    expect(rowMinWidth(layout)).toBe(200 + 104 + 176 + 192 + 360 + 104 + 5 * 12 + 24);
  });
});

describe('column model', () => {
  it('hides and shows a column; Time cannot be hidden', () => {
    const { model, saved } = modelWith();
    model.setVisible('category', false);
    expect(ids(model.layout().columns)).toEqual([
      'time',
      'level',
      'code',
      'description',
      'stateChange',
    ]);
    expect(saved.at(-1)?.visibility).toEqual({ category: false });
    model.setVisible('time', false);
    expect(ids(model.layout().columns)).toContain('time');
    expect(model.choices().find((choice) => choice.id === 'time')).toMatchObject({
      visible: true,
      hideable: false,
    });
    model.setVisible('category', true);
    expect(ids(model.layout().columns)).toEqual(ids(pelion.list));
  });

  it('resizes within the column’s bounds and saves the width', () => {
    const { model, saved } = modelWith();
    model.resize('code', 260);
    expect(model.layout().sizes.code).toBe(260);
    expect(saved.at(-1)?.sizing).toEqual({ code: 260 });
    model.resize('code', 10);
    expect(model.size('code')).toBe(pelion.list.find((column) => column.id === 'code')?.minSize);
    model.resize('code', 100_000);
    expect(model.size('code')).toBe(MAX_COLUMN_SIZE);
  });

  it('keeps the list of columns (rows do not re-render) while only widths change', () => {
    const { model } = modelWith();
    const before = model.layout().columns;
    model.resize('description', 500);
    expect(model.layout().columns).toBe(before);
    model.setVisible('level', false);
    expect(model.layout().columns).not.toBe(before);
  });

  it('moves a column earlier or later, hidden columns counted, and saves the order', () => {
    const { model, saved } = modelWith();
    model.move('description', -1);
    expect(ids(model.layout().columns)).toEqual([
      'time',
      'level',
      'code',
      'description',
      'category',
      'stateChange',
    ]);
    expect(saved.at(-1)?.order).toEqual(ids(model.layout().columns));
    // Past a hidden column: it keeps its place among the choices, out of the grid.
    model.setVisible('code', false);
    model.move('description', -1);
    model.move('description', -1);
    expect(ids(model.choices())).toEqual([
      'time',
      'description',
      'level',
      'code',
      'category',
      'stateChange',
    ]);
    expect(ids(model.layout().columns)).toEqual([
      'time',
      'description',
      'level',
      'category',
      'stateChange',
    ]);
    // No move past either end.
    model.move('time', -1);
    model.move('stateChange', 1);
    expect(ids(model.choices())[0]).toBe('time');
    expect(ids(model.choices()).at(-1)).toBe('stateChange');
    // A move past a hidden column changes nothing on screen: the rows keep their list.
    const before = model.layout().columns;
    model.move('level', 1);
    expect(model.layout().columns).toBe(before);
    // A move on screen gives a new list, so the rows render in the new order.
    model.move('description', -1);
    expect(model.layout().columns).not.toBe(before);
    expect(ids(model.layout().columns).slice(0, 2)).toEqual(['description', 'time']);
  });

  it('starts from the stored choices, ignoring columns it does not know', () => {
    const { model } = modelWith({
      visibility: { stateChange: false, time: false, gone: false },
      sizing: { description: 480, gone: 90 },
      order: ['description', 'time', 'gone'],
    });
    const layout = model.layout();
    expect(ids(layout.columns)).toEqual(['description', 'time', 'level', 'code', 'category']);
    expect(layout.sizes.description).toBe(480);
    expect(Object.keys(layout.sizes)).not.toContain('gone');
  });

  it('tells its subscribers, and Reset brings every column back at its width', () => {
    const { model, saved } = modelWith({ visibility: { level: false }, sizing: {}, order: [] });
    let told = 0;
    const stop = model.subscribe(() => (told += 1));
    model.resize('time', 300);
    model.reset();
    expect(told).toBe(2);
    expect(model.layout()).toEqual(defaultLayout(pelion));
    expect(saved.at(-1)).toEqual({ visibility: {}, sizing: {}, order: [] });
    stop();
    model.resize('time', 250);
    expect(told).toBe(2);
  });
});

describe('column memory', () => {
  it('is kept per vocabulary and read back', () => {
    localStorage.clear();
    rememberColumns(pelion.storageKey, {
      visibility: { category: false },
      sizing: { code: 240 },
      order: [],
    });
    expect(recallColumns(pelion.storageKey)).toEqual({
      visibility: { category: false },
      sizing: { code: 240 },
      order: [],
    });
    expect(recallColumns(aliyun.storageKey)).toBeNull();
    expect(localStorage.getItem(columnMemoryKey(pelion.storageKey))).not.toBeNull();
  });

  it('ignores what it cannot read instead of failing', () => {
    expect(parseStoredColumns('not json')).toBeNull();
    expect(parseStoredColumns('[1,2]')).toBeNull();
    expect(
      parseStoredColumns(
        JSON.stringify({
          visibility: { a: 'no', b: false },
          sizing: { a: -5, b: 'wide', c: 120 },
          order: ['x', 3],
        }),
      ),
    ).toEqual({ visibility: { b: false }, sizing: { c: 120 }, order: ['x'] });
  });
});
