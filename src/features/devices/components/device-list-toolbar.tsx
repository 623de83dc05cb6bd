import type { DeviceListOptions } from '../../../backends/types.ts';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { DeviceSearchBox } from './device-search-box.tsx';

export interface DeviceListToolbarProps {
  options: DeviceListOptions | undefined;
  search: string;
  status: string;
  sort: string;
  filtered: boolean;
  onSearch: (text: string) => void;
  onStatus: (status: string) => void;
  onSort: (sort: string) => void;
  onClear: () => void;
}

export function DeviceListToolbar(props: DeviceListToolbarProps) {
  const { options, search, status, sort, filtered } = props;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <DeviceSearchBox value={search} onSearch={props.onSearch} />
      {options ? (
        <>
          <SelectField
            label="Status"
            value={status}
            onChange={(event) => props.onStatus(event.target.value)}
            options={[{ value: '', label: 'Any status' }, ...options.statuses]}
          />
          {options.sorts.length > 1 ? (
            <SelectField
              label="Sort"
              value={sort}
              onChange={(event) => props.onSort(event.target.value)}
              options={options.sorts}
            />
          ) : null}
        </>
      ) : null}
      <Button variant="ghost" onClick={props.onClear} disabled={!filtered} className="h-9">
        Clear filters
      </Button>
    </div>
  );
}
