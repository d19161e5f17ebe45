/**
 * A pay-statement item rule: conditions (field equals value, all must hold), the metadata it
 * attaches (key/value rows, or JSON for numbers, booleans and nested values), and the dates it
 * applies between. Checked against the same schema main uses before anything is sent; a field
 * main or Finch refuses is marked on its row.
 */
import type { JSX } from 'react';
import { useState } from 'react';
import type { CreateRuleInput, RuleView } from '@shared/domain/pay-item-rules';
import { CreateRuleInputSchema, RULE_FIELDS } from '@shared/domain/pay-item-rules';

interface Row {
  key: string;
  value: string;
}

export interface RuleDraft {
  conditions: { field: string; value: string }[];
  metadataMode: 'rows' | 'json';
  rows: Row[];
  json: string;
  effectiveStartDate: string;
  effectiveEndDate: string;
}

export function draftOf(rule: RuleView | null): RuleDraft {
  const metadata = rule?.metadata ?? {};
  const plain = Object.values(metadata).every((v) => typeof v === 'string');
  return {
    conditions: rule?.conditions.map((c) => ({ field: c.field, value: c.value })) ?? [{ field: 'name', value: '' }],
    metadataMode: plain ? 'rows' : 'json',
    rows: Object.entries(metadata).map(([key, value]) => ({ key, value: String(value) })),
    json: JSON.stringify(metadata, null, 2),
    effectiveStartDate: rule?.effectiveStartDate ?? '',
    effectiveEndDate: rule?.effectiveEndDate ?? '',
  };
}

/** The draft as the channel's input, or the field errors that stop it (keyed by dotted path). */
export function inputOf(
  connectionId: string,
  draft: RuleDraft,
): { ok: true; input: Omit<CreateRuleInput, 'confirmName'> } | { ok: false; errors: Record<string, string> } {
  // Every field is checked at once: a JSON mistake does not hide an empty condition.
  const { metadata, error: metadataError } = metadataOf(draft);
  const candidate = {
    connectionId,
    conditions: draft.conditions.map((c) => ({ field: c.field.trim(), operator: 'equals' as const, value: c.value })),
    metadata,
    ...(draft.effectiveStartDate ? { effectiveStartDate: draft.effectiveStartDate } : {}),
    ...(draft.effectiveEndDate ? { effectiveEndDate: draft.effectiveEndDate } : {}),
  };
  const parsed = CreateRuleInputSchema.safeParse(candidate);
  if (parsed.success && !metadataError) return { ok: true, input: parsed.data };
  const errors = parsed.success ? {} : errorsByField(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return { ok: false, errors: metadataError ? { ...errors, metadata: metadataError } : errors };
}

/** The metadata as an object, or why it is not one. */
function metadataOf(draft: RuleDraft): { metadata: unknown; error: string | null } {
  if (draft.metadataMode === 'json') {
    let parsed: unknown;
    try {
      parsed = draft.json.trim() === '' ? {} : JSON.parse(draft.json);
    } catch (e) {
      return { metadata: {}, error: `is not valid JSON (${(e as Error).message})` };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return { metadata: {}, error: 'must be a JSON object of key/value pairs' };
    return { metadata: parsed, error: null };
  }
  const keys = draft.rows.map((r) => r.key.trim());
  const twice = keys.find((k, i) => k !== '' && keys.indexOf(k) !== i);
  if (twice) return { metadata: {}, error: `lists the key “${twice}” twice` };
  if (draft.rows.some((r) => r.key.trim() === '' && r.value !== ''))
    return { metadata: {}, error: 'a value without a key: give each row a key' };
  return { metadata: Object.fromEntries(draft.rows.filter((r) => r.key.trim() !== '').map((r) => [r.key.trim(), r.value])), error: null };
}

/** Field errors from zod or from main's validation reply, keyed by the form's fields. */
export function errorsByField(fields: { path: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    // A bad metadata key ("metadata.") belongs to the metadata field.
    const key = f.path.startsWith('metadata') ? 'metadata' : f.path;
    out[key] ??= f.message;
  }
  return out;
}

interface Props {
  initial: RuleView | null;
  busy: boolean;
  errors: Record<string, string>;
  onSubmit: (draft: RuleDraft) => void;
  onCancel: () => void;
}

export function RuleForm({ initial, busy, errors, onSubmit, onCancel }: Props): JSX.Element {
  const [draft, setDraft] = useState<RuleDraft>(() => draftOf(initial));
  const set = (patch: Partial<RuleDraft>) => setDraft({ ...draft, ...patch });
  const setCondition = (i: number, patch: Partial<RuleDraft['conditions'][number]>) =>
    set({ conditions: draft.conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const setRow = (i: number, patch: Partial<Row>) => set({ rows: draft.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const error = (path: string) =>
    errors[path] ? (
      <span className="field-error" role="alert">
        {errors[path]}
      </span>
    ) : null;
  const switchMode = (mode: RuleDraft['metadataMode']) => {
    if (mode === draft.metadataMode) return;
    if (mode === 'json') {
      const object = Object.fromEntries(draft.rows.filter((r) => r.key.trim() !== '').map((r) => [r.key.trim(), r.value]));
      set({ metadataMode: mode, json: JSON.stringify(object, null, 2) });
      return;
    }
    try {
      const parsed = JSON.parse(draft.json || '{}') as Record<string, unknown>;
      set({
        metadataMode: mode,
        rows: Object.entries(parsed).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) })),
      });
    } catch {
      set({ metadataMode: mode });
    }
  };
  const label = initial ? 'Save rule' : 'Create rule';

  return (
    <form
      className="rule-form card"
      aria-label={initial ? `Edit rule ${initial.id}` : 'New rule'}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(draft);
      }}
    >
      <fieldset>
        <legend>Conditions (all must hold)</legend>
        {draft.conditions.map((c, i) => (
          <div className="inline-fields" key={i}>
            <label className="field">
              <span>Field</span>
              <input list="rule-fields" value={c.field} onChange={(e) => setCondition(i, { field: e.target.value })} maxLength={100} />
              {error(`conditions.${i}.field`)}
            </label>
            <span className="rule-operator" aria-label="operator">
              equals
            </span>
            <label className="field">
              <span>Value</span>
              <input value={c.value} onChange={(e) => setCondition(i, { value: e.target.value })} maxLength={500} />
              {error(`conditions.${i}.value`)}
            </label>
            {draft.conditions.length > 1 && (
              <button
                type="button"
                className="button"
                onClick={() => set({ conditions: draft.conditions.filter((_, j) => j !== i) })}
                aria-label={`Remove condition ${i + 1}`}
              >
                Remove
              </button>
            )}
          </div>
        ))}
        <datalist id="rule-fields">
          {RULE_FIELDS.map((f) => (
            <option key={f} value={f} />
          ))}
        </datalist>
        {error('conditions')}
        <button type="button" className="button" onClick={() => set({ conditions: [...draft.conditions, { field: 'name', value: '' }] })}>
          Add condition
        </button>
      </fieldset>
      <fieldset>
        <legend>Metadata attached to matching items</legend>
        <div className="inline-fields">
          <label className="checkbox">
            <input type="radio" name="metadata-mode" checked={draft.metadataMode === 'rows'} onChange={() => switchMode('rows')} /> Key /
            value rows
          </label>
          <label className="checkbox">
            <input type="radio" name="metadata-mode" checked={draft.metadataMode === 'json'} onChange={() => switchMode('json')} /> JSON
          </label>
        </div>
        {draft.metadataMode === 'rows' ? (
          <>
            {draft.rows.map((r, i) => (
              <div className="inline-fields" key={i}>
                <label className="field">
                  <span>Key</span>
                  <input value={r.key} onChange={(e) => setRow(i, { key: e.target.value })} maxLength={100} />
                </label>
                <label className="field">
                  <span>Value</span>
                  <input value={r.value} onChange={(e) => setRow(i, { value: e.target.value })} maxLength={2000} />
                </label>
                <button
                  type="button"
                  className="button"
                  onClick={() => set({ rows: draft.rows.filter((_, j) => j !== i) })}
                  aria-label={`Remove metadata row ${i + 1}`}
                >
                  Remove
                </button>
              </div>
            ))}
            <button type="button" className="button" onClick={() => set({ rows: [...draft.rows, { key: '', value: '' }] })}>
              Add key
            </button>
          </>
        ) : (
          <label className="field">
            <span>Metadata (JSON object)</span>
            <textarea rows={5} className="mono" value={draft.json} onChange={(e) => set({ json: e.target.value })} spellCheck={false} />
          </label>
        )}
        {error('metadata')}
      </fieldset>
      <div className="inline-fields">
        <label className="field">
          <span>Effective from</span>
          <input type="date" value={draft.effectiveStartDate} onChange={(e) => set({ effectiveStartDate: e.target.value })} />
          {error('effectiveStartDate')}
        </label>
        <label className="field">
          <span>until</span>
          <input type="date" value={draft.effectiveEndDate} onChange={(e) => set({ effectiveEndDate: e.target.value })} />
          {error('effectiveEndDate')}
        </label>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Sending…' : label}
        </button>
      </div>
    </form>
  );
}
