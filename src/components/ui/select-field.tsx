import { useId, type SelectHTMLAttributes } from 'react';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** `inline` puts the label beside the control (compact bars such as the header). */
  layout?: 'stacked' | 'inline';
}

export function SelectField({
  label,
  options,
  layout = 'stacked',
  className = '',
  ...props
}: SelectFieldProps) {
  const id = useId();
  return (
    <div
      className={`flex ${layout === 'inline' ? 'items-center gap-2' : 'flex-col gap-1'} ${className}`}
    >
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <select
        id={id}
        className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900"
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
