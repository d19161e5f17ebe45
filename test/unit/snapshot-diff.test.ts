/** Diffs across two connections of one customer: people matched without shared ids, and said how. */
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '@main/features/snapshots/diff';
import type { SnapshotContent } from '@main/features/snapshots/snapshot-content';
import type { SnapshotSummary } from '@shared/domain/snapshots';

function summary(id: number, connectionId: string): SnapshotSummary {
  return {
    id,
    connectionId,
    providerId: 'gusto',
    customerId: 'cust-1',
    customerName: 'Acme',
    label: null,
    takenAt: id,
    startDate: '2026-01-01',
    endDate: '2026-03-31',
    counts: { people: 0, individuals: 0, employments: 0, payments: 0, payStatements: 0, itemErrors: 0 },
    products: { company: 'ok', directory: 'ok', individual: 'ok', employment: 'ok', payment: 'ok', pay_statement: 'ok' },
    requestIds: [],
    calls: 0,
    bytes: 0,
    state: 'complete',
  };
}

interface P {
  id: string;
  first: string;
  last: string;
  dob: string | null;
  sourceId: string | null;
  title?: string;
}
function content(people: P[], payments: { id: string; pay_date: string; gross: number }[] = []): SnapshotContent {
  return {
    format: 1,
    company: { id: 'co', legal_name: 'Acme' },
    directory: people.map((p) => ({ id: p.id, first_name: p.first, last_name: p.last, manager: { id: 'm-' + p.id } })),
    individuals: people.map((p) => ({ id: p.id, code: 200, body: { id: p.id, first_name: p.first, last_name: p.last, dob: p.dob } })),
    employments: people.map((p) => ({ id: p.id, code: 200, body: { id: p.id, source_id: p.sourceId, title: p.title ?? 'Engineer' } })),
    payments: payments.map((p) => ({
      id: p.id,
      pay_date: p.pay_date,
      pay_period: { start_date: '2026-01-01', end_date: p.pay_date },
      gross_pay: { amount: p.gross, currency: 'usd' },
    })),
    payStatements: [],
    products: {},
  };
}

describe('snapshot diff across connections', () => {
  it('matches by id, then unique name + dob, then unique employee id, and reports which', () => {
    const before = content(
      [
        { id: 'a1', first: 'Ann', last: 'Lee', dob: '1980-01-01', sourceId: 'E1' },
        { id: 'a2', first: 'Bob', last: 'Ray', dob: '1975-05-05', sourceId: 'E2' },
        { id: 'a3', first: 'Cy', last: 'Oh', dob: null, sourceId: 'E3' },
        { id: 'a4', first: 'Dee', last: 'Ng', dob: null, sourceId: null },
      ],
      [{ id: 'p1', pay_date: '2026-01-15', gross: 100 }],
    );
    const after = content(
      [
        { id: 'a1', first: 'Ann', last: 'Lee', dob: '1980-01-01', sourceId: 'E1' },
        { id: 'b2', first: 'bob', last: 'Ray', dob: '1975-05-05', sourceId: 'X2', title: 'Lead' },
        { id: 'b3', first: 'Cyrus', last: 'Oh', dob: null, sourceId: 'E3' },
        { id: 'b5', first: 'Eve', last: 'Zu', dob: '2000-02-02', sourceId: 'E5' },
      ],
      [
        { id: 'q1', pay_date: '2026-01-15', gross: 120 },
        { id: 'q2', pay_date: '2026-01-31', gross: 90 },
      ],
    );
    const diff = diffSnapshots(summary(1, 'conn-a'), before, summary(2, 'conn-b'), after);
    expect(diff.sameConnection).toBe(false);
    expect(diff.matching).toEqual({ id: 1, name_dob: 1, source_id: 1 });
    expect(diff.matchingNote).toContain('1 by name + date of birth');
    expect(diff.peopleAdded.map((p) => p.name)).toEqual(['Eve Zu']);
    expect(diff.peopleRemoved.map((p) => p.name)).toEqual(['Dee Ng']);
    const changed = new Map(diff.peopleChanged.map((p) => [p.toId, p]));
    expect(changed.get('b2')).toMatchObject({ fromId: 'a2', matchedBy: 'name_dob' });
    // Ids, manager ids and source ids aside, Bob's name case and title changed.
    expect(changed.get('b2')!.changes.map((c) => c.path)).toEqual([
      'directory.first_name',
      'individual.first_name',
      'employment.source_id',
      'employment.title',
    ]);
    expect(changed.get('b3')!.changes.map((c) => [c.path, c.before, c.after])).toEqual([
      ['directory.first_name', 'Cy', 'Cyrus'],
      ['individual.first_name', 'Cy', 'Cyrus'],
    ]);
    expect(changed.has('a1')).toBe(false);
    expect(diff.peopleUnchanged).toBe(1);
    // Payments across connections are matched by dates; the amount change is shown.
    expect(diff.paymentsAdded.map((p) => p.payDate)).toEqual(['2026-01-31']);
    expect(diff.paymentsRemoved).toEqual([]);
    expect(diff.paymentsChanged[0]!.changes).toEqual([
      { path: 'gross_pay.amount', before: 100, after: 120, beforeAbsent: false, afterAbsent: false },
    ]);
    expect(diff.companyChanges).toEqual([]);
    expect(diff.caveats.join(' ')).toContain('Different connections');
  });

  it('never matches on a key two people share', () => {
    const twins = [
      { id: 'a1', first: 'Sam', last: 'Kim', dob: '1990-01-01', sourceId: null },
      { id: 'a2', first: 'Sam', last: 'Kim', dob: '1990-01-01', sourceId: null },
    ];
    const diff = diffSnapshots(
      summary(1, 'conn-a'),
      content(twins),
      summary(2, 'conn-b'),
      content(twins.map((t) => ({ ...t, id: `b${t.id}` }))),
    );
    expect(diff.matching).toEqual({ id: 0, name_dob: 0, source_id: 0 });
    expect(diff.peopleAdded).toHaveLength(2);
    expect(diff.peopleRemoved).toHaveLength(2);
  });

  it('null and absent are different values', () => {
    const a = content([{ id: 'a1', first: 'Ann', last: 'Lee', dob: '1980-01-01', sourceId: null }]);
    const b = content([{ id: 'a1', first: 'Ann', last: 'Lee', dob: '1980-01-01', sourceId: null }]);
    (b.individuals[0]!.body as Record<string, unknown>)['dob'] = null;
    delete (b.employments[0]!.body as Record<string, unknown>)['source_id'];
    const diff = diffSnapshots(summary(1, 'c'), a, summary(2, 'c'), b);
    expect(diff.peopleChanged[0]!.changes).toEqual([
      { path: 'individual.dob', before: '1980-01-01', after: null, beforeAbsent: false, afterAbsent: false },
      { path: 'employment.source_id', before: null, after: null, beforeAbsent: false, afterAbsent: true },
    ]);
  });
});
