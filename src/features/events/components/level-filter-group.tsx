import type { EventLevel } from '../../../backends/types.ts';
import type { LevelDescription } from '../../../backends/vocabulary.ts';

export interface LevelFilterGroupProps {
  legend: string;
  levels: readonly LevelDescription[];
  selected: readonly EventLevel[];
  onChange: (next: EventLevel[]) => void;
}

/** A fieldset of level checkboxes; none ticked means every level. */
export function LevelFilterGroup({ legend, levels, selected, onChange }: LevelFilterGroupProps) {
  return (
    <fieldset className="flex items-center gap-2">
      <legend className="float-left mr-2 text-xs font-semibold text-slate-600">{legend}</legend>
      {levels.map((level) => {
        const checked = selected.includes(level.value);
        return (
          <label key={level.value} className="flex items-center gap-1 font-mono text-xs">
            <input
              type="checkbox"
              checked={checked}
              onChange={() =>
                onChange(
                  levels
                    .map(({ value }) => value)
                    .filter((value) =>
                      value === level.value ? !checked : selected.includes(value),
                    ),
                )
              }
            />
            {level.label}
          </label>
        );
      })}
    </fieldset>
  );
}
