import {
  createTable,
  functionalUpdate,
  getCoreRowModel,
  type ColumnDef,
  type TableState,
  type Updater,
} from '@tanstack/react-table';
import type { DeviceEvent } from '../../../backends/types.ts';
import {
  MAX_COLUMN_SIZE,
  type ColumnLayout,
  type EventColumn,
  type EventColumns,
} from '../components/event-columns.tsx';
import { recallColumns, rememberColumns, type StoredColumns } from './column-memory.ts';

export { ColumnResizer } from '../components/column-resizer.tsx';

/**
 * The Events grid's column model: @tanstack/react-table's column state (visibility, sizing,
 * order) over the vocabulary's columns, without its rows — the grid renders rows itself through
 * its fixed-row windowing, from the layout this model derives. Loaded after the page is
 * interactive (it is not needed to show the first rows, which use every column at its width).
 */
export interface ColumnChoice {
  id: string;
  header: string;
  visible: boolean;
  hideable: boolean;
}

export interface ColumnModel {
  layout(): ColumnLayout;
  choices(): ColumnChoice[];
  setVisible(id: string, visible: boolean): void;
  /**
   * Moves a column one place earlier (-1) or later (+1) among all columns, hidden ones included
   * (react-table's `columnOrder`); no move past either end.
   */
  move(id: string, step: -1 | 1): void;
  /** Width of a column in CSS pixels, held between its minimum and `MAX_COLUMN_SIZE`. */
  resize(id: string, size: number): void;
  size(id: string): number;
  /** Every column shown, at its own width, in the vocabulary's order. */
  reset(): void;
  subscribe(listener: () => void): () => void;
}

type Table = ReturnType<typeof createTable<DeviceEvent>>;

function definitionOf(column: EventColumn): ColumnDef<DeviceEvent> {
  return {
    id: column.id,
    header: column.header,
    size: column.size,
    minSize: column.minSize,
    maxSize: MAX_COLUMN_SIZE,
    enableHiding: column.hideable,
    enableResizing: true,
  };
}

export function createColumnModel(
  columns: EventColumns,
  stored: StoredColumns | null,
  save: (columns: StoredColumns) => void,
): ColumnModel {
  const byId = new Map(columns.list.map((column) => [column.id, column]));
  const listeners = new Set<() => void>();
  let state = {} as TableState;
  const onStateChange = (updater: Updater<TableState>) => {
    state = functionalUpdate(updater, state);
    table.setOptions((options) => ({ ...options, state }));
    save({
      visibility: state.columnVisibility,
      sizing: state.columnSizing,
      order: state.columnOrder,
    });
    for (const listener of listeners) listener();
  };
  const table: Table = createTable<DeviceEvent>({
    data: [],
    columns: columns.list.map(definitionOf),
    getCoreRowModel: getCoreRowModel(),
    state: {},
    onStateChange,
    renderFallbackValue: null,
    columnResizeMode: 'onChange',
  });
  // A stored choice for a column this version no longer has (or may not hide) is dropped.
  const known = (id: string) => byId.has(id);
  state = {
    ...table.initialState,
    columnVisibility: Object.fromEntries(
      Object.entries(stored?.visibility ?? {}).filter(
        ([id, visible]) => known(id) && (visible || byId.get(id)?.hideable),
      ),
    ),
    columnSizing: Object.fromEntries(
      Object.entries(stored?.sizing ?? {}).filter(([id]) => known(id)),
    ),
    columnOrder: (stored?.order ?? []).filter(known),
  };
  table.setOptions((options) => ({ ...options, state }));

  // The layout keeps its column list while only widths change, so rows are not rendered again.
  let shown: { key: string; columns: readonly EventColumn[] } = { key: '', columns: [] };
  const layout = (): ColumnLayout => {
    const visible = table.getVisibleLeafColumns();
    const key = visible.map((column) => column.id).join('\n');
    if (key !== shown.key) {
      shown = {
        key,
        columns: visible.flatMap((column) => byId.get(column.id) ?? []),
      };
    }
    return {
      columns: shown.columns,
      sizes: Object.fromEntries(visible.map((column) => [column.id, column.getSize()])),
    };
  };

  return {
    layout,
    choices: () =>
      table.getAllLeafColumns().map((column) => ({
        id: column.id,
        header: byId.get(column.id)?.header ?? column.id,
        visible: column.getIsVisible(),
        hideable: column.getCanHide(),
      })),
    setVisible(id, visible) {
      const column = table.getColumn(id);
      if (column && (visible || column.getCanHide())) column.toggleVisibility(visible);
    },
    move(id, step) {
      const order = table.getAllLeafColumns().map((column) => column.id);
      const from = order.indexOf(id);
      const to = from + step;
      if (from < 0 || to < 0 || to >= order.length) return;
      [order[from], order[to]] = [order[to]!, order[from]!];
      table.setColumnOrder(order);
    },
    resize(id, size) {
      const column = table.getColumn(id);
      if (!column) return;
      const min = column.columnDef.minSize ?? 0;
      const clamped = Math.round(Math.min(MAX_COLUMN_SIZE, Math.max(min, size)));
      if (clamped === column.getSize()) return;
      table.setColumnSizing((sizing) => ({ ...sizing, [id]: clamped }));
    },
    size: (id) => table.getColumn(id)?.getSize() ?? 0,
    reset() {
      table.setState((current) => ({
        ...current,
        columnVisibility: {},
        columnSizing: {},
        columnOrder: [],
      }));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The model for a vocabulary's columns, from and to what this browser remembers for its kind. */
export function createRememberedColumnModel(columns: EventColumns): ColumnModel {
  return createColumnModel(columns, recallColumns(columns.storageKey), (stored) =>
    rememberColumns(columns.storageKey, stored),
  );
}
