/**
 * The request log's retention: an age and a row count, each a preset or a number of your own.
 * Checked here against the contract's schema (the same words main would answer with) and shown
 * beside the field; main checks again. Saving prunes in the background.
 */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import type { LogRetention } from '@shared/domain/log-retention';
import { AGE_PRESETS, LogRetentionSchema, ROW_PRESETS } from '@shared/domain/log-retention';
import { useAction } from '@renderer/components/data/use-action';
import { ResultMessage } from '@renderer/components/fields';
import { LogSizeSummary } from '@renderer/components/LogSizeSummary';
import { unwrap, workbench } from '@renderer/workbench';

type Field = keyof LogRetention;
const FOREVER = 'none';
const CUSTOM = 'custom';

interface Choice {
  /** A preset's value as text, FOREVER, or CUSTOM. */
  pick: string;
  custom: string;
}

function choiceOf(value: number | null, presets: typeof AGE_PRESETS): Choice {
  if (value === null) return { pick: FOREVER, custom: '' };
  return presets.some((p) => p.value === value) ? { pick: String(value), custom: '' } : { pick: CUSTOM, custom: String(value) };
}

/** "1,000,000" and "1 000 000" read as numbers; anything else is left for the schema to refuse. */
function valueOf(choice: Choice): number | null {
  if (choice.pick === FOREVER) return null;
  if (choice.pick !== CUSTOM) return Number(choice.pick);
  const cleaned = choice.custom.replace(/[\s,_]/g, '');
  return cleaned === '' ? Number.NaN : Number(cleaned);
}

export function RetentionForm({ retention }: { retention: LogRetention | null }): JSX.Element {
  const [age, setAge] = useState<Choice>({ pick: FOREVER, custom: '' });
  const [rows, setRows] = useState<Choice>({ pick: FOREVER, custom: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const savedAge = retention?.maxAgeDays;
  const savedRows = retention?.maxRows;
  const savedKey = retention ? `${savedAge}:${savedRows}` : '';
  // Only when the saved value changes (here or in another window): a theme change must not
  // wipe a number being typed.
  useEffect(() => {
    if (savedAge === undefined || savedRows === undefined) return;
    setAge(choiceOf(savedAge, AGE_PRESETS));
    setRows(choiceOf(savedRows, ROW_PRESETS));
  }, [savedAge, savedRows]);

  const save = useAction((next: LogRetention) => unwrap(workbench().settings.update({ requestLogRetention: next })), {
    onDone: () => setResult({ ok: true, text: 'Saved. Attempts outside the retention are pruned in the background.' }),
    onFailure: (failure) => {
      const byField = fieldErrors(failure.fields.map((f) => ({ path: f.path.replace(/^requestLogRetention\./, ''), message: f.message })));
      setErrors(byField);
      setResult(Object.keys(byField).length ? null : { ok: false, text: failure.message });
    },
  });

  const submit = (): void => {
    setResult(null);
    const parsed = LogRetentionSchema.safeParse({ maxAgeDays: valueOf(age), maxRows: valueOf(rows) });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))));
      return;
    }
    setErrors({});
    void save.run(parsed.data);
  };

  return (
    <div className="card" aria-labelledby="retention-title">
      <h2 id="retention-title">Request log retention</h2>
      <p className="hint muted">
        Attempts older than the age, or beyond the newest so many, are pruned a few thousand at a time, never holding up logging.
      </p>
      <form
        className="inline-fields"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <RetentionField
          label="Keep attempts for"
          unit="days"
          presets={AGE_PRESETS}
          foreverLabel="Forever"
          choice={age}
          error={errors.maxAgeDays}
          onChange={setAge}
        />
        <RetentionField
          label="Keep at most"
          unit="rows"
          presets={ROW_PRESETS}
          foreverLabel="Unlimited"
          choice={rows}
          error={errors.maxRows}
          onChange={setRows}
        />
        <button type="submit" className="button button-primary" disabled={!retention || save.pending}>
          Save retention
        </button>
      </form>
      <ResultMessage result={result} />
      <LogSizeSummary refreshKey={savedKey} />
    </div>
  );
}

function fieldErrors(issues: { path: string; message: string }[]): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const issue of issues)
    if ((issue.path === 'maxAgeDays' || issue.path === 'maxRows') && !out[issue.path]) out[issue.path] = issue.message;
  return out;
}

interface RetentionFieldProps {
  label: string;
  unit: string;
  presets: typeof AGE_PRESETS;
  foreverLabel: string;
  choice: Choice;
  error: string | undefined;
  onChange: (choice: Choice) => void;
}

function RetentionField({ label, unit, presets, foreverLabel, choice, error, onChange }: RetentionFieldProps): JSX.Element {
  const errorId = `retention-${unit}-error`;
  return (
    <div className="field retention-field">
      <label>
        <span>{label}</span>
        <select value={choice.pick} onChange={(e) => onChange({ ...choice, pick: e.target.value })}>
          {presets.map((p) => (
            <option key={p.label} value={p.value === null ? FOREVER : String(p.value)}>
              {p.value === null ? foreverLabel : p.label}
            </option>
          ))}
          <option value={CUSTOM}>Other…</option>
        </select>
      </label>
      {choice.pick === CUSTOM && (
        <label>
          <span className="visually-hidden">{`${label} (${unit})`}</span>
          <input
            inputMode="numeric"
            value={choice.custom}
            placeholder={unit}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => onChange({ ...choice, custom: e.target.value })}
          />
        </label>
      )}
      {error && (
        <span className="field-error" id={errorId} role="alert">
          {label}: {error}
        </span>
      )}
    </div>
  );
}
