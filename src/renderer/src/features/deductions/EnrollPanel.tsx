/**
 * Enroll people in the chosen benefit: pick them from the directory (search, select everyone
 * shown — a 2,000-person company included), set the configuration once for all, adjust any
 * person's employee amount on their row, and send. Main sends batches of 100 (one Finch job
 * each); each person's outcome from the job lands back on their row.
 */
import type { JSX } from 'react';
import { useMemo, useState } from 'react';
import type { CompanyBenefitView, EnrollmentConfiguration, MatchTier, PickablePerson } from '@shared/domain/deductions';
import type { JobItem } from '@shared/domain/deduction-jobs';
import { ConfigurationFields, type ConfigDraft, toConfiguration } from './ConfigurationFields';

const SHOWN_LIMIT = 300;

interface Props {
  benefit: CompanyBenefitView;
  people: PickablePerson[] | null;
  peopleError: string | null;
  /** Per-person outcome of this benefit's latest enroll jobs. */
  outcomes: ReadonlyMap<string, JobItem>;
  busy: boolean;
  onEnroll: (people: { individualId: string; configuration: EnrollmentConfiguration }[]) => void;
}

export function EnrollPanel({ benefit, people, peopleError, outcomes, busy, onEnroll }: Props): JSX.Element {
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const benefitTiers = (benefit.companyContribution as { tiers?: MatchTier[] } | null)?.tiers ?? null;
  const [config, setConfig] = useState<ConfigDraft>({
    deductionType: 'percent',
    deductionAmount: '500',
    contribution: benefitTiers ? 'tiered' : 'none',
    contributionAmount: '',
    annualMaximum: '',
    catchUp: false,
    hsaLimit: '',
    effectiveDate: '',
  });
  const byId = useMemo(() => new Map((people ?? []).map((p) => [p.individualId, p])), [people]);
  const matches = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (people ?? []).filter((p) => !q || `${p.name} ${p.department ?? ''} ${p.individualId}`.toLowerCase().includes(q));
  }, [people, search]);
  const chosen = new Set(selected);
  const toggle = (id: string) => setSelected(chosen.has(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  const addAll = () => setSelected([...selected, ...matches.map((p) => p.individualId).filter((id) => !chosen.has(id))]);

  const send = () => {
    const base = toConfiguration(config, benefitTiers);
    onEnroll(
      selected.map((individualId) => {
        const own = amounts[individualId];
        const configuration =
          own !== undefined && own !== '' && base.employeeDeduction
            ? { ...base, employeeDeduction: { ...base.employeeDeduction, amount: Number(own) } }
            : base;
        return { individualId, configuration };
      }),
    );
  };
  const unit = config.deductionType === 'percent' ? 'bps' : '¢';

  return (
    <section className="card" aria-label="Enroll people">
      <div className="card-head">
        <h2>Enroll people in {benefit.description ?? benefit.benefitId}</h2>
      </div>
      {peopleError && (
        <p className="field-error" role="alert">
          Reading the directory failed: {peopleError}
        </p>
      )}
      <ConfigurationFields draft={config} onChange={setConfig} benefitTiers={benefitTiers} benefitType={benefit.type} />
      <div className="enroll-columns">
        <div>
          <label className="field">
            <span>Find people</span>
            <input type="search" value={search} placeholder="name, department or id" onChange={(e) => setSearch(e.target.value)} />
          </label>
          <p className="muted" role="status">
            {people === null
              ? 'Reading the directory…'
              : `${matches.length.toLocaleString('en-US')} of ${people.length.toLocaleString('en-US')} people`}
            {matches.length > SHOWN_LIMIT
              ? ` (first ${SHOWN_LIMIT} listed; search to narrow, or select all ${matches.length.toLocaleString('en-US')})`
              : ''}
          </p>
          <button type="button" className="button" disabled={matches.length === 0} onClick={addAll}>
            Select all {matches.length.toLocaleString('en-US')} shown
          </button>
          <ul className="pick-list" aria-label="People to pick">
            {matches.slice(0, SHOWN_LIMIT).map((p) => (
              <li key={p.individualId}>
                <label className="checkbox">
                  <input type="checkbox" checked={chosen.has(p.individualId)} onChange={() => toggle(p.individualId)} />
                  {p.name}
                  <span className="muted"> {p.department ?? ''}</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <div className="card-head">
            <h3>{selected.length.toLocaleString('en-US')} selected</h3>
            {selected.length > 0 && (
              <button type="button" className="link-button" onClick={() => setSelected([])}>
                Clear
              </button>
            )}
          </div>
          <div className="table-scroll selected-scroll">
            <table className="plain-table" aria-label="Selected people">
              <thead>
                <tr>
                  <th>Person</th>
                  <th>Employee amount ({unit})</th>
                  <th>Last enroll job</th>
                </tr>
              </thead>
              <tbody>
                {selected.map((id) => {
                  const outcome = outcomes.get(id);
                  const failed = outcome && outcome.code !== null && outcome.code >= 400;
                  return (
                    <tr key={id} className={failed ? 'row-error' : undefined}>
                      <th scope="row">{byId.get(id)?.name ?? id}</th>
                      <td>
                        <input
                          type="number"
                          aria-label={`Employee amount for ${byId.get(id)?.name ?? id}`}
                          value={amounts[id] ?? config.deductionAmount}
                          onChange={(e) => setAmounts({ ...amounts, [id]: e.target.value })}
                        />
                      </td>
                      <td>
                        {!outcome ? (
                          <span className="muted">—</span>
                        ) : failed ? (
                          <span className="field-error">
                            {outcome.code} {outcome.finchCode ?? ''}: {outcome.message ?? 'refused'}
                          </span>
                        ) : (
                          <span className="badge badge-ok">enrolled ({outcome.code})</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <button type="button" className="button button-primary" disabled={busy || selected.length === 0} onClick={send}>
            Enroll {selected.length.toLocaleString('en-US')} {selected.length === 1 ? 'person' : 'people'}
          </button>
        </div>
      </div>
    </section>
  );
}
