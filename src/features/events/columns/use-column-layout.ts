import { useEffect, useState, type ComponentType } from 'react';
import type { ColumnResizerProps } from '../components/column-resizer.tsx';
import {
  defaultLayout,
  type ColumnLayout,
  type EventColumns,
} from '../components/event-columns.tsx';
import type { ColumnModel } from './column-model.ts';
import { whenIdle } from '../../../lib/when-idle.ts';

export interface ColumnLayoutState {
  layout: ColumnLayout;
  /** The column model, once loaded (after the page is interactive); null before. */
  model: ColumnModel | null;
  /** The header's resize handle, loaded with the model (no resizing before). */
  Resizer: ComponentType<ColumnResizerProps> | null;
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
    Resizer: null,
  }));
  useEffect(() => {
    let live = true;
    let unsubscribe: (() => void) | undefined;
    const load = () =>
      void import('./column-model.ts').then(({ createRememberedColumnModel, ColumnResizer }) => {
        if (!live) return;
        const model = createRememberedColumnModel(columns);
        const show = () => setState({ layout: model.layout(), model, Resizer: ColumnResizer });
        unsubscribe = model.subscribe(show);
        show();
      });
    // Once the browser is idle: the rows come first (the column model is not needed to show them).
    const loading = whenIdle(load);
    return () => {
      live = false;
      loading.cancel();
      unsubscribe?.();
    };
  }, [columns]);
  // A backend switch remounts the page; until the new model loads, show the new columns.
  return state.layout.columns.every((column) => columns.list.includes(column))
    ? state
    : { layout: defaultLayout(columns), model: null, Resizer: null };
}
