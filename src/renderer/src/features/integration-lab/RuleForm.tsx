/**
 * One fault rule of your own, added to the scenario in force (so presets and your rules combine).
 * Main checks it against the contract's schema; a refusal comes back on the field it is about.
 */
import type { JSX } from 'react';
import { useState } from 'react';
import type { Injection, ScenarioRule } from '@shared/domain/integration-lab';
import { INJECTIONS } from '@shared/domain/integration-lab';

interface Draft {
  inject: Injection;
  products: string;
  pathPrefix: string;
  probability: string;
  count: string;
  retryAfterSeconds: string;
  latencyMs: string;
  status: string;
}

const EMPTY: Draft = {
  inject: 'rate_limit',
  products: '',
  pathPrefix: '',
  probability: '1',
  count: '',
  retryAfterSeconds: '2',
  latencyMs: '800',
  status: '503',
};

/** Numbers stay as typed (main's schema says what is wrong with them, beside the field). */
function toRule(d: Draft, id: string): ScenarioRule {
  const n = (v: string) => (v.trim() === '' ? undefined : Number(v));
  return {
    id,
    inject: d.inject,
    probability: n(d.probability) ?? 1,
    ...(d.products.trim()
      ? {
          products: d.products
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean),
        }
      : {}),
    ...(d.pathPrefix.trim() ? { pathPrefix: d.pathPrefix.trim() } : {}),
    ...(n(d.count) !== undefined ? { count: n(d.count) } : {}),
    ...(d.inject === 'rate_limit' && n(d.retryAfterSeconds) !== undefined ? { retryAfterSeconds: n(d.retryAfterSeconds) } : {}),
    ...(d.inject === 'latency' && n(d.latencyMs) !== undefined ? { latencyMs: n(d.latencyMs) } : {}),
    ...(d.inject === 'server_error' && n(d.status) !== undefined ? { status: n(d.status) } : {}),
  };
}

export function RuleForm({
  nextId,
  busy,
  fieldErrors,
  onAdd,
}: {
  nextId: string;
  busy: boolean;
  /** Field errors of the last refused rule, by field name. */
  fieldErrors: Record<string, string>;
  onAdd: (rule: ScenarioRule) => void;
}): JSX.Element {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const field = (key: keyof Draft, label: string, hint?: string) => (
    <label className="field">
      <span>{label}</span>
      <input value={draft[key]} placeholder={hint} onChange={(e) => set({ [key]: e.target.value })} />
      {fieldErrors[key] && (
        <span className="field-error" role="alert">
          {fieldErrors[key]}
        </span>
      )}
    </label>
  );
  return (
    <form
      className="inline-fields rule-form"
      aria-label="Add a rule"
      onSubmit={(e) => {
        e.preventDefault();
        onAdd(toRule(draft, nextId));
      }}
    >
      <label className="field">
        <span>Inject</span>
        <select value={draft.inject} onChange={(e) => set({ inject: e.target.value as Injection })}>
          {INJECTIONS.map((i) => (
            <option key={i} value={i}>
              {i.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      {field('products', 'Products (comma-separated, empty: all)', 'individual, pay-statement')}
      {field('pathPrefix', 'Path prefix', '/employer/')}
      {field('probability', 'Probability (0–1)')}
      {field('count', 'At most (times)')}
      {draft.inject === 'rate_limit' && field('retryAfterSeconds', 'Retry-After (s)')}
      {draft.inject === 'latency' && field('latencyMs', 'Added latency (ms)')}
      {draft.inject === 'server_error' && field('status', 'Status (500–599)')}
      <button type="submit" className="button" disabled={busy}>
        Add rule
      </button>
    </form>
  );
}
