export interface LevelFilterGroupProps<T extends string> {
  legend: string;
  options: readonly T[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
}

/** A fieldset of level checkboxes; none ticked means every level. */
export function LevelFilterGroup<T extends string>({
  legend,
  options,
  selected,
  onChange,
}: LevelFilterGroupProps<T>) {
  return (
    <fieldset className="flex items-center gap-2">
      <legend className="float-left mr-2 text-xs font-semibold text-slate-600">{legend}</legend>
      {options.map((option) => {
        const checked = selected.includes(option);
        return (
          <label key={option} className="flex items-center gap-1 font-mono text-xs">
            <input
              type="checkbox"
              checked={checked}
              onChange={() =>
                onChange(
                  options.filter((value) =>
                    value === option ? !checked : selected.includes(value),
                  ),
                )
              }
            />
            {option}
          </label>
        );
      })}
    </fieldset>
  );
}
