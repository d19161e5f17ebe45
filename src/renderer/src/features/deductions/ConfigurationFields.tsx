/**
 * One enrollment configuration, as Finch's enroll request takes it: the employee deduction
 * (fixed cents or percent in basis points), the company contribution (none, fixed, percent, or
 * the benefit's match tiers), annual maximum, catch-up (retirement plans), HSA limit, start date.
 */
import type { JSX } from 'react';
import type { EnrollmentConfiguration, MatchTier } from '@shared/domain/deductions';
import { HSA_TYPES, RETIREMENT_TYPES } from '@shared/domain/deductions';

export interface ConfigDraft {
  deductionType: 'fixed' | 'percent';
  deductionAmount: string;
  contribution: 'none' | 'fixed' | 'percent' | 'tiered';
  contributionAmount: string;
  annualMaximum: string;
  catchUp: boolean;
  hsaLimit: '' | 'individual' | 'family';
  effectiveDate: string;
}

/** Numbers stay as typed (a fraction or a negative included): the provider's answer is the lesson. */
export function toConfiguration(d: ConfigDraft, benefitTiers: MatchTier[] | null): EnrollmentConfiguration {
  const contribution =
    d.contribution === 'none'
      ? null
      : d.contribution === 'tiered'
        ? { type: 'tiered' as const, tiers: benefitTiers ?? [] }
        : { type: d.contribution, amount: Number(d.contributionAmount) };
  return {
    employeeDeduction: { type: d.deductionType, amount: Number(d.deductionAmount) },
    companyContribution: contribution,
    ...(d.annualMaximum !== '' ? { annualMaximum: Number(d.annualMaximum) } : {}),
    ...(d.catchUp ? { catchUp: true } : {}),
    ...(d.hsaLimit ? { annualContributionLimit: d.hsaLimit } : {}),
    ...(d.effectiveDate ? { effectiveDate: d.effectiveDate } : {}),
  };
}

export function ConfigurationFields({
  draft,
  onChange,
  benefitTiers,
  benefitType,
}: {
  draft: ConfigDraft;
  onChange: (d: ConfigDraft) => void;
  benefitTiers: MatchTier[] | null;
  benefitType: string | null;
}): JSX.Element {
  const set = (patch: Partial<ConfigDraft>) => onChange({ ...draft, ...patch });
  const retirement = RETIREMENT_TYPES.includes(benefitType as never);
  const hsa = HSA_TYPES.includes(benefitType as never);
  return (
    <fieldset className="inline-fields enroll-config">
      <legend>Configuration for everyone selected (a person’s own amount can be set on their row)</legend>
      <label className="field">
        <span>Employee deduction</span>
        <select value={draft.deductionType} onChange={(e) => set({ deductionType: e.target.value as ConfigDraft['deductionType'] })}>
          <option value="percent">percent of pay (bps)</option>
          <option value="fixed">fixed per paycheck (cents)</option>
        </select>
      </label>
      <label className="field">
        <span>Amount ({draft.deductionType === 'percent' ? 'bps, 100 = 1%' : 'cents'})</span>
        <input type="number" value={draft.deductionAmount} onChange={(e) => set({ deductionAmount: e.target.value })} />
      </label>
      <label className="field">
        <span>Company contribution</span>
        <select value={draft.contribution} onChange={(e) => set({ contribution: e.target.value as ConfigDraft['contribution'] })}>
          <option value="none">none</option>
          <option value="fixed">fixed (cents)</option>
          <option value="percent">percent of pay (bps)</option>
          <option value="tiered" disabled={!benefitTiers}>
            the benefit’s match tiers{benefitTiers ? '' : ' (the benefit has none)'}
          </option>
        </select>
      </label>
      {(draft.contribution === 'fixed' || draft.contribution === 'percent') && (
        <label className="field">
          <span>Contribution ({draft.contribution === 'percent' ? 'bps' : 'cents'})</span>
          <input type="number" value={draft.contributionAmount} onChange={(e) => set({ contributionAmount: e.target.value })} />
        </label>
      )}
      <label className="field">
        <span>Annual maximum (cents, empty: none)</span>
        <input type="number" value={draft.annualMaximum} onChange={(e) => set({ annualMaximum: e.target.value })} />
      </label>
      {retirement && (
        <label className="checkbox">
          <input type="checkbox" checked={draft.catchUp} onChange={(e) => set({ catchUp: e.target.checked })} /> Catch-up (50 and older)
        </label>
      )}
      {hsa && (
        <label className="field">
          <span>HSA limit</span>
          <select value={draft.hsaLimit} onChange={(e) => set({ hsaLimit: e.target.value as ConfigDraft['hsaLimit'] })}>
            <option value="">not set</option>
            <option value="individual">individual</option>
            <option value="family">family</option>
          </select>
        </label>
      )}
      <label className="field">
        <span>Effective date</span>
        <input type="date" value={draft.effectiveDate} onChange={(e) => set({ effectiveDate: e.target.value })} />
      </label>
    </fieldset>
  );
}
