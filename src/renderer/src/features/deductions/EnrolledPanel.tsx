/** Who is enrolled in the benefit now, with their current amounts as Finch reports them; unenroll some. */
import type { JSX } from 'react';
import { useState } from 'react';
import type { EnrolledPerson, EnrollmentList } from '@shared/domain/deductions';
import { DataTable } from '@renderer/components/data-table/DataTable';
import type { DataColumn } from '@renderer/components/data-table/columns';
import { RequestIds } from '@renderer/components/RequestIds';

const amount = (v: { type?: string; amount?: number } | null | undefined) =>
  !v
    ? null
    : v.type === 'percent'
      ? `${(v.amount ?? 0) / 100}%`
      : v.type === 'fixed'
        ? `$${((v.amount ?? 0) / 100).toFixed(2)}`
        : (v.type ?? null);
const COLUMNS: DataColumn<EnrolledPerson>[] = [
  { id: 'name', header: 'Person', value: (p) => p.name ?? p.individualId, width: 'minmax(160px, 1fr)' },
  { id: 'deduction', header: 'Employee deduction', value: (p) => amount(p.employeeDeduction), width: '150px' },
  {
    id: 'contribution',
    header: 'Company contribution',
    value: (p) => {
      const c = p.companyContribution as { type?: string; amount?: number; tiers?: unknown[] } | null;
      return c?.type === 'tiered' ? `tiered (${c.tiers?.length ?? 0} tiers)` : amount(c);
    },
    width: '170px',
  },
  {
    id: 'annualMaximum',
    header: 'Annual maximum',
    value: (p) => (p.annualMaximum === null ? null : `$${(p.annualMaximum / 100).toFixed(2)}`),
    width: '140px',
  },
  { id: 'catchUp', header: 'Catch-up', value: (p) => p.catchUp, width: '90px' },
  { id: 'error', header: 'Error', value: (p) => p.error, width: 'minmax(160px, 1fr)', hidden: true },
];

export function EnrolledPanel({
  enrollments,
  error,
  busy,
  onUnenroll,
}: {
  enrollments: EnrollmentList | null;
  error: string | null;
  busy: boolean;
  onUnenroll: (ids: string[]) => void;
}): JSX.Element {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const chosen = [...selected].filter((id) => enrollments?.people.some((p) => p.individualId === id));
  return (
    <section className="card" aria-label="Enrolled now">
      <div className="card-head">
        <h2>Enrolled now ({enrollments?.people.length ?? '…'})</h2>
      </div>
      {error && (
        <p className="field-error" role="alert">
          Reading who is enrolled failed: {error}
        </p>
      )}
      {enrollments && (
        <>
          <DataTable
            label="Enrolled people"
            rows={enrollments.people}
            columns={COLUMNS}
            noun={['person', 'people']}
            exportStem="enrolled"
            rowKey={(p) => p.individualId}
            selected={selected}
            onSelectedChange={setSelected}
            maxHeight={320}
            toolbar={
              <button type="button" className="button" disabled={busy || chosen.length === 0} onClick={() => onUnenroll(chosen)}>
                Unenroll {chosen.length} selected
              </button>
            }
            empty={
              <p className="muted">Nobody is enrolled in this benefit. Enroll people below; they show here once their job completes.</p>
            }
          />
          <RequestIds ids={enrollments.requestIds} />
        </>
      )}
    </section>
  );
}
