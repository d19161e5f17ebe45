/**
 * The paycheck rules of the Deductions lab's reconciliation: each case is a rule a provider could
 * get wrong (or the app could), with numbers worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Enrollment, PayStatementLike, PersonCase } from '@main/features/deductions/reconcile';
import { ageAtYearEnd, countStatuses, expectedFor, reconcilePerson, tieredMatchBps } from '@main/features/deductions/reconcile';

const PLAN = { type: '401k', description: 'Acme 401(k)' };
const enrollment = (over: Partial<Enrollment> = {}): Enrollment => ({
  employeeDeduction: { type: 'percent', amount: 500 },
  companyContribution: null,
  annualMaximum: null,
  catchUp: false,
  ...over,
});
const statement = (
  gross: number,
  lines: { deduction?: number; contribution?: number; preTax?: boolean; name?: string } = {},
): PayStatementLike => ({
  type: 'regular_payroll',
  earnings: [
    { type: 'salary', amount: gross - 10_000 },
    { type: 'pto', amount: 10_000 },
  ],
  employee_deductions: [
    { name: 'Medical Insurance', type: 's125_medical', amount: 12_000, pre_tax: true },
    ...(lines.deduction === undefined
      ? []
      : [{ name: lines.name ?? PLAN.description, type: '401k', amount: lines.deduction, pre_tax: lines.preTax ?? true }]),
  ],
  employer_contributions:
    lines.contribution === undefined ? [] : [{ name: lines.name ?? PLAN.description, type: '401k', amount: lines.contribution }],
});
const person = (over: Partial<PersonCase>): PersonCase => ({
  individualId: 'p1',
  name: 'Ada Lovelace',
  enrollment: enrollment(),
  statement: statement(400_000),
  yearToDate: 0,
  ageAtYearEnd: 40,
  ...over,
});

describe('expected deduction and contribution', () => {
  it('takes a percent of gross pay (all earnings), rounded to the cent', () => {
    // 5% of 4,000.10 = 200.005 → 200.01 (round half up)
    const e = expectedFor(PLAN, enrollment(), statement(400_010), 0, 40, false);
    expect(e.deduction).toBe(20_001);
    // 3.33% of 1,234.56 = 41.110848 → 41.11
    expect(
      expectedFor(PLAN, enrollment({ employeeDeduction: { type: 'percent', amount: 333 } }), statement(123_456), 0, 40, false).deduction,
    ).toBe(4_111);
  });

  it('takes a fixed amount as is, whatever the gross', () => {
    expect(
      expectedFor(PLAN, enrollment({ employeeDeduction: { type: 'fixed', amount: 15_000 } }), statement(999_999), 0, 40, false).deduction,
    ).toBe(15_000);
  });

  it('stops at the annual maximum: part of the deduction, then nothing', () => {
    const capped = enrollment({ annualMaximum: 2_300_000 });
    // 5% of 4,000 = 200; 22,900 already this year → only 100 fits.
    const partial = expectedFor(PLAN, capped, statement(400_000), 2_290_000, 40, false);
    expect(partial.deduction).toBe(10_000);
    expect(partial.capReached).toBe(true);
    expect(expectedFor(PLAN, capped, statement(400_000), 2_300_000, 40, false).deduction).toBe(0);
    const below = expectedFor(PLAN, capped, statement(400_000), 1_000_000, 40, false);
    expect(below.deduction).toBe(20_000);
    expect(below.capReached).toBe(false);
  });

  it('raises the cap by 7,500 USD with catch-up for someone 50 or older at year end, not 49', () => {
    const capped = enrollment({ annualMaximum: 2_300_000, catchUp: true });
    expect(expectedFor(PLAN, capped, statement(400_000), 2_300_000, 50, false).deduction).toBe(20_000);
    expect(expectedFor(PLAN, capped, statement(400_000), 2_300_000, 49, false).deduction).toBe(0);
    expect(expectedFor(PLAN, capped, statement(400_000), 3_040_000, 55, false).deduction).toBe(10_000);
    // Without catch-up, age does not matter.
    expect(expectedFor(PLAN, enrollment({ annualMaximum: 2_300_000 }), statement(400_000), 2_300_000, 60, false).deduction).toBe(0);
  });

  it('on a bonus run deducts only a retirement plan with a percent deduction', () => {
    expect(expectedFor(PLAN, enrollment(), statement(1_000_000), 0, 40, true).deduction).toBe(50_000);
    const fixed = expectedFor(PLAN, enrollment({ employeeDeduction: { type: 'fixed', amount: 5_000 } }), statement(1_000_000), 0, 40, true);
    expect(fixed.deduction).toBe(0);
    expect(fixed.skippedBecause).toMatch(/bonus/);
    const medical = expectedFor({ type: 's125_medical', description: 'Medical' }, enrollment(), statement(1_000_000), 0, 40, true);
    expect(medical.deduction).toBe(0);
  });

  it('matches tier by tier: 100% of the first 3%, 50% of the next 2%', () => {
    const tiers = [
      { match: 10_000, threshold: 300 },
      { match: 5_000, threshold: 500 },
    ];
    expect(tieredMatchBps(tiers, 600)).toBe(400);
    expect(tieredMatchBps(tiers, 200)).toBe(200);
    expect(tieredMatchBps(tiers, 400)).toBe(350);
    // Tiers given out of order are read by threshold.
    expect(tieredMatchBps([...tiers].reverse(), 600)).toBe(400);
    const e = expectedFor(
      PLAN,
      enrollment({ employeeDeduction: { type: 'percent', amount: 600 }, companyContribution: { type: 'tiered', tiers } }),
      statement(500_000),
      0,
      40,
      false,
    );
    expect(e.deduction).toBe(30_000);
    expect(e.contribution).toBe(20_000);
  });

  it('computes fixed and percent company contributions', () => {
    expect(
      expectedFor(PLAN, enrollment({ companyContribution: { type: 'fixed', amount: 2_500 } }), statement(400_000), 0, 40, false)
        .contribution,
    ).toBe(2_500);
    expect(
      expectedFor(PLAN, enrollment({ companyContribution: { type: 'percent', amount: 250 } }), statement(400_000), 0, 40, false)
        .contribution,
    ).toBe(10_000);
  });

  it('knows which plans are post-tax', () => {
    expect(expectedFor({ type: '401k_roth', description: 'Roth' }, enrollment(), statement(400_000), 0, 40, false).preTax).toBe(false);
    expect(expectedFor(PLAN, enrollment(), statement(400_000), 0, 40, false).preTax).toBe(true);
  });
});

describe('a person reconciled against their statement', () => {
  it('matches when the statement carries the expected lines (a cent of rounding allowed)', () => {
    const row = reconcilePerson(PLAN, person({ statement: statement(400_000, { deduction: 20_001 }) }), false);
    expect(row.status).toBe('match');
    expect(row.expectedDeduction).toBe(20_000);
    expect(row.actualDeduction).toBe(20_001);
  });

  it('flags two cents off, a wrong contribution, and a wrong pre-tax flag', () => {
    expect(reconcilePerson(PLAN, person({ statement: statement(400_000, { deduction: 20_002 }) }), false).status).toBe('mismatch');
    const contribution = reconcilePerson(
      PLAN,
      person({
        enrollment: enrollment({ companyContribution: { type: 'fixed', amount: 1_000 } }),
        statement: statement(400_000, { deduction: 20_000, contribution: 500 }),
      }),
      false,
    );
    expect(contribution.status).toBe('mismatch');
    expect(contribution.notes.join(' ')).toContain('company contribution $5.00, expected $10.00');
    const flag = reconcilePerson(PLAN, person({ statement: statement(400_000, { deduction: 20_000, preTax: false }) }), false);
    expect(flag.status).toBe('mismatch');
    expect(flag.notes.join(' ')).toContain('marked post-tax, expected pre-tax');
  });

  it('says missing when an enrolled person has no line, and does not take another plan of the same type for it', () => {
    const row = reconcilePerson(PLAN, person({ statement: statement(400_000, { deduction: 20_000, name: 'Old 401(k) Plan' }) }), false);
    expect(row.status).toBe('missing');
    expect(row.actualDeduction).toBeNull();
  });

  it('names the people never enrolled, and catches one deducted anyway', () => {
    const refused = reconcilePerson(
      PLAN,
      person({ enrollment: null, refusedBecause: 'amount must be at most 10000 bps', statement: statement(400_000) }),
      false,
    );
    expect(refused.status).toBe('not_enrolled');
    expect(refused.notes).toEqual(['Never enrolled: amount must be at most 10000 bps']);
    expect(reconcilePerson(PLAN, person({ enrollment: null, statement: statement(400_000, { deduction: 100 }) }), false).status).toBe(
      'unexpected',
    );
  });

  it('accepts no line once the cap is reached, and on a bonus run for a fixed deduction', () => {
    const capped = person({ enrollment: enrollment({ annualMaximum: 100_000 }), yearToDate: 100_000, statement: statement(400_000) });
    const row = reconcilePerson(PLAN, capped, false);
    expect(row.status).toBe('match');
    expect(row.capReached).toBe(true);
    const bonus = person({
      enrollment: enrollment({ employeeDeduction: { type: 'fixed', amount: 5_000 } }),
      statement: statement(1_000_000),
    });
    expect(reconcilePerson(PLAN, bonus, true).status).toBe('match');
    // …but a fixed deduction on a regular run must be there.
    expect(reconcilePerson(PLAN, bonus, false).status).toBe('missing');
  });

  it('reports an enrolled person the payment did not pay', () => {
    expect(reconcilePerson(PLAN, person({ statement: null }), false).status).toBe('no_statement');
  });

  it('counts every status', () => {
    const rows = [
      reconcilePerson(PLAN, person({ statement: statement(400_000, { deduction: 20_000 }) }), false),
      reconcilePerson(PLAN, person({ enrollment: null }), false),
    ];
    expect(countStatuses(rows)).toMatchObject({ match: 1, not_enrolled: 1, mismatch: 0, missing: 0 });
  });
});

it('ages at year end from a date of birth', () => {
  expect(ageAtYearEnd('1976-12-31', 2026)).toBe(50);
  expect(ageAtYearEnd(null, 2026)).toBeNull();
  expect(ageAtYearEnd('not a date', 2026)).toBeNull();
});
