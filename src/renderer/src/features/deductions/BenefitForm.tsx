/**
 * Create a company benefit, or register one that already exists in the provider. Fields follow
 * Finch's request schema (type, description, frequency, a company match of 1–3 tiers in basis
 * points); what the provider does not support is marked in the choices and warned about, not
 * hidden: the lab is for seeing what the provider answers.
 */
import type { JSX } from 'react';
import { useState } from 'react';
import type { BenefitSupport, MatchTier } from '@shared/domain/deductions';
import { BENEFIT_TYPES, FREQUENCIES } from '@shared/domain/deductions';

export interface BenefitDraft {
  mode: 'create' | 'register';
  type: string;
  description: string;
  frequency: string;
  tiers: MatchTier[];
}

interface Props {
  support: BenefitSupport | null;
  busy: boolean;
  fieldErrors: Record<string, string>;
  onSubmit: (draft: BenefitDraft) => void;
}

export function BenefitForm({ support, busy, fieldErrors, onSubmit }: Props): JSX.Element {
  const [draft, setDraft] = useState<BenefitDraft>({
    mode: 'create',
    type: '401k',
    description: '',
    frequency: 'every_paycheck',
    tiers: [],
  });
  const typeSupport = support?.types.find((t) => t.type === draft.type) ?? null;
  const warnings: string[] = [];
  if (typeSupport && !typeSupport.supported) warnings.push(`${support?.providerName} does not support ${draft.type} benefits.`);
  if (typeSupport?.supported && draft.frequency && !typeSupport.frequencies.includes(draft.frequency))
    warnings.push(`${draft.frequency} is not among the frequencies ${support?.providerName} lists for ${draft.type}.`);
  if (draft.tiers.length > 0 && typeSupport?.supported && !typeSupport.companyContribution.includes('tiered'))
    warnings.push(`${support?.providerName} lists no tiered company contribution for ${draft.type}.`);
  const set = (patch: Partial<BenefitDraft>) => setDraft({ ...draft, ...patch });
  const setTier = (i: number, patch: Partial<MatchTier>) => set({ tiers: draft.tiers.map((t, j) => (j === i ? { ...t, ...patch } : t)) });
  const error = (path: string) =>
    fieldErrors[path] ? (
      <span className="field-error" role="alert">
        {fieldErrors[path]}
      </span>
    ) : null;

  return (
    <form
      className="benefit-form"
      aria-label="New benefit"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(draft);
      }}
    >
      <fieldset className="inline-fields">
        <legend>What to do</legend>
        <label className="checkbox">
          <input type="radio" name="benefit-mode" checked={draft.mode === 'create'} onChange={() => set({ mode: 'create' })} /> Create a new
          benefit
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name="benefit-mode"
            checked={draft.mode === 'register'}
            onChange={() => set({ mode: 'register', tiers: [] })}
          />{' '}
          Register one that exists in the provider
        </label>
      </fieldset>
      <div className="inline-fields">
        <label className="field">
          <span>Type</span>
          <select value={draft.type} onChange={(e) => set({ type: e.target.value })}>
            {BENEFIT_TYPES.map((t) => {
              const s = support?.types.find((x) => x.type === t);
              return (
                <option key={t} value={t}>
                  {t}
                  {s && !s.supported ? ' (not supported)' : ''}
                </option>
              );
            })}
          </select>
          {error('type')}
        </label>
        <label className="field field-wide">
          <span>Description (as on pay statements)</span>
          <input
            value={draft.description}
            maxLength={200}
            placeholder="e.g. Acme 401(k)"
            onChange={(e) => set({ description: e.target.value })}
          />
          {error('description')}
        </label>
        <label className="field">
          <span>Frequency</span>
          <select value={draft.frequency} onChange={(e) => set({ frequency: e.target.value })}>
            {FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
      </div>
      {draft.mode === 'create' && (
        <fieldset className="tiers">
          <legend>Company match (basis points: 100 = 1%)</legend>
          {draft.tiers.length === 0 && <p className="muted">No match: the company contributes nothing unless an enrollment says so.</p>}
          {draft.tiers.map((tier, i) => (
            <div className="inline-fields" key={i}>
              <label className="field">
                <span>Tier {i + 1} match</span>
                <input type="number" value={tier.match} onChange={(e) => setTier(i, { match: Number(e.target.value) })} />
                {error(`companyContribution.tiers.${i}.match`)}
              </label>
              <label className="field">
                <span>Tier {i + 1} up to (threshold)</span>
                <input type="number" value={tier.threshold} onChange={(e) => setTier(i, { threshold: Number(e.target.value) })} />
                {error(`companyContribution.tiers.${i}.threshold`)}
              </label>
              <span className="muted">
                = {tier.match / 100}% match up to {tier.threshold / 100}% of pay
              </span>
              <button type="button" className="link-button" onClick={() => set({ tiers: draft.tiers.filter((_, j) => j !== i) })}>
                Remove tier {i + 1}
              </button>
            </div>
          ))}
          {draft.tiers.length < 3 && (
            <button
              type="button"
              className="button"
              onClick={() => set({ tiers: [...draft.tiers, { match: 10_000, threshold: draft.tiers.length === 0 ? 300 : 500 }] })}
            >
              Add a match tier
            </button>
          )}
        </fieldset>
      )}
      {warnings.map((w) => (
        <p key={w} className="notice notice-warning" role="note">
          {w} It is sent anyway if you go on: the answer shows what the provider does.
        </p>
      ))}
      <button type="submit" className="button button-primary" disabled={busy}>
        {draft.mode === 'create' ? 'Create benefit' : 'Register benefit'}
      </button>
    </form>
  );
}
