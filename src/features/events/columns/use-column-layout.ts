import { useEffect, useState } from 'react';
import {
  defaultLayout,
  type ColumnLayout,
  type EventColumns,
} from '../components/event-columns.tsx';
import type { ColumnModel } from './column-model.ts';
import { recallColumns, rememberColumns } from './column-memory.ts';

export interface ColumnLayoutState {
  layout: ColumnLayout;
  /** The column model, once loaded (after the page is interactive); null before. */
  model: ColumnModel | null;
}

/**
 * The grid's column layout: every column at its width until the column model (react-table, a
 * chunk of its own) has loaded with the choices this browser remembers for the backend kind.
 * The server and the browser's first render both show the default, so they always agree.
 */
export function useColumnLayout(columns: EventColumns): ColumnLayoutState {
  const [state, setState] = useState<ColumnLayoutState>(() => ({
    layout: defaultLayout(columns),
    model: null,
  }));
  useEffect(() => {
    let live = true;
    let unsubscribe: (() => void) | undefined;
    void import('./column-model.ts').then(({ createColumnModel }) => {
      if (!live) return;
      const model = createColumnModel(columns, recallColumns(columns.storageKey), (stored) =>
        rememberColumns(columns.storageKey, stored),
      );
      unsubscribe = model.subscribe(() => setState({ layout: model.layout(), model }));
      setState({ layout: model.layout(), model });
    });
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [columns]);
  // A backend switch remounts the page; until the new model loads, show the new columns.
  return state.layout.columns.every((column) => columns.list.includes(column))
    ? state
    : { layout: defaultLayout(columns), model: null };
}
