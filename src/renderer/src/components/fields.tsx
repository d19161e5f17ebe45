/** Small form pieces every screen uses: a labelled select, and a one-line outcome. */
import type { JSX } from 'react';

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly (T | { value: T; label: string })[];
  onChange: (value: T) => void;
}

export function SelectField<T extends string>({ label, value, options, onChange }: SelectFieldProps<T>): JSX.Element {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => {
          const option = typeof o === 'string' ? { value: o, label: o } : o;
          return (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          );
        })}
      </select>
    </label>
  );
}

/** Green status line on success, red alert on failure. */
export function ResultMessage({ result }: { result: { ok: boolean; text: string } | null }): JSX.Element | null {
  if (!result) return null;
  return (
    <p className={result.ok ? 'check-ok' : 'field-error'} role={result.ok ? 'status' : 'alert'}>
      {result.text}
    </p>
  );
}

/** Provider ids the forms offer (the simulator knows each; Finch knows many more). */
export const PROVIDER_IDS = ['finch', 'gusto', 'bamboo_hr', 'adp_run', 'paychex_flex', 'rippling', 'justworks'] as const;

/** Finch Sandbox (mock data) or Provider Sandbox (a provider's demo account): a Connect session property. */
export function SandboxModeField({
  value,
  onChange,
}: {
  value: 'finch' | 'provider';
  onChange: (value: 'finch' | 'provider') => void;
}): JSX.Element {
  return (
    <SelectField
      label="Sandbox"
      value={value}
      options={[
        { value: 'finch', label: 'Finch Sandbox (mock data)' },
        { value: 'provider', label: 'Provider Sandbox (demo account)' },
      ]}
      onChange={onChange}
    />
  );
}
