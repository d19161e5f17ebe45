/** The company's benefits (GET /employer/benefits): pick one to enroll people in; rename it. */
import type { JSX } from 'react';
import { useState } from 'react';
import type { BenefitList } from '@shared/domain/deductions';
import { RequestIds } from '@renderer/components/RequestIds';

const match = (c: unknown) => {
  const tiers = (c as { tiers?: { match: number; threshold: number }[] } | null)?.tiers;
  return tiers?.length ? tiers.map((t) => `${t.match / 100}% up to ${t.threshold / 100}%`).join(', ') : '—';
};

export function BenefitsTable({
  list,
  error,
  selectedId,
  onSelect,
  onRename,
  busy,
}: {
  list: BenefitList | null;
  error: string | null;
  selectedId: string;
  onSelect: (id: string) => void;
  onRename: (id: string, description: string) => void;
  busy: boolean;
}): JSX.Element {
  const [renaming, setRenaming] = useState<{ id: string; text: string } | null>(null);
  if (error)
    return (
      <p className="field-error" role="alert">
        Reading the company’s benefits failed: {error}
      </p>
    );
  if (!list) return <p className="muted">Reading GET /employer/benefits…</p>;
  return (
    <>
      {list.pending && (
        <p className="notice notice-warning">Finch answered 202: the benefits are still syncing. This is not “no benefits”.</p>
      )}
      {list.benefits.length === 0 ? (
        <p className="muted">The company has no benefits yet. Create one below.</p>
      ) : (
        <div className="table-scroll">
          <table className="plain-table" aria-label="Benefits">
            <thead>
              <tr>
                <th>Description</th>
                <th>Type</th>
                <th>Frequency</th>
                <th>Company match</th>
                <th>benefit_id</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.benefits.map((b) => (
                <tr
                  key={b.benefitId}
                  className={b.benefitId === selectedId ? 'row-selected' : undefined}
                  aria-selected={b.benefitId === selectedId}
                >
                  <th scope="row">
                    {renaming?.id === b.benefitId ? (
                      <form
                        className="inline-fields"
                        onSubmit={(e) => {
                          e.preventDefault();
                          onRename(b.benefitId, renaming.text);
                          setRenaming(null);
                        }}
                      >
                        <input
                          aria-label="New description"
                          value={renaming.text}
                          onChange={(e) => setRenaming({ id: b.benefitId, text: e.target.value })}
                        />
                        <button type="submit" className="button" disabled={busy}>
                          Save
                        </button>
                      </form>
                    ) : (
                      (b.description ?? <span className="value-null">null</span>)
                    )}
                  </th>
                  <td className="mono">{b.type ?? 'null'}</td>
                  <td>{b.frequency ?? '—'}</td>
                  <td>{match(b.companyContribution)}</td>
                  <td className="mono">{b.benefitId}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button"
                      onClick={() => onSelect(b.benefitId)}
                      aria-pressed={b.benefitId === selectedId}
                    >
                      {b.benefitId === selectedId ? 'Chosen' : 'Enroll people'}
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setRenaming({ id: b.benefitId, text: b.description ?? '' })}
                    >
                      Rename
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RequestIds ids={list.requestIds} />
    </>
  );
}
