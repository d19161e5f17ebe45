/**
 * The deduction arithmetic pay statements use (and the workbench's reconciliation repeats),
 * with numbers: percent of gross, fixed cents, the tiered match formula, the annual maximum,
 * catch-up at 50, the pre-tax list and which benefits a bonus run deducts.
 */
import { describe, expect, it } from 'vitest';
import type { EnrollmentTerms } from '@simulator/data/deduction-rules';
import {
  CATCH_UP_CENTS,
  annualCap,
  appliesToBonusRun,
  capToAnnual,
  companyContributionAmount,
  deferralRate,
  employeeDeductionAmount,
  isPreTax,
  tieredMatchRate,
} from '@simulator/data/deduction-rules';

const terms = (over: Partial<EnrollmentTerms>): EnrollmentTerms => ({
  employee_deduction: null,
  company_contribution: null,
  annual_maximum: null,
  catch_up: false,
  ...over,
});

describe('employee deduction', () => {
  it('fixed is cents per statement; percent is round(gross × bps / 10000)', () => {
    expect(employeeDeductionAmount({ type: 'fixed', amount: 12_345 }, 500_000)).toBe(12_345);
    expect(employeeDeductionAmount({ type: 'percent', amount: 600 }, 384_615)).toBe(23_077); // 23 076.9 → 23 077
    expect(employeeDeductionAmount({ type: 'percent', amount: 250 }, 100_002)).toBe(2_500); // 2 500.05 → 2 500
    expect(employeeDeductionAmount(null, 100_000)).toBe(0);
  });
});

describe('company contribution', () => {
  it('fixed cents and percent of gross', () => {
    expect(companyContributionAmount(terms({ company_contribution: { type: 'fixed', amount: 4_000 } }), 300_000)).toBe(4_000);
    expect(companyContributionAmount(terms({ company_contribution: { type: 'percent', amount: 350 } }), 300_001)).toBe(10_500);
  });

  it('tiered: 100% of the first 3% and 50% of the next 2% of a 6% deferral is 4% of gross', () => {
    const tiers = [
      { match: 5_000, threshold: 500 },
      { match: 10_000, threshold: 300 },
    ];
    expect(tieredMatchRate(tiers, 600)).toBe(400);
    expect(tieredMatchRate(tiers, 400)).toBe(350); // 300 + 50% of 100
    expect(tieredMatchRate(tiers, 200)).toBe(200);
    expect(
      companyContributionAmount(
        terms({ employee_deduction: { type: 'percent', amount: 600 }, company_contribution: { type: 'tiered', tiers } }),
        250_000,
      ),
    ).toBe(10_000);
  });

  it('tiered on a fixed deferral uses fixed / gross × 10000 as the rate', () => {
    expect(deferralRate({ type: 'fixed', amount: 5_000 }, 200_000)).toBe(250);
    const contribution = companyContributionAmount(
      terms({
        employee_deduction: { type: 'fixed', amount: 5_000 },
        company_contribution: { type: 'tiered', tiers: [{ match: 5_000, threshold: 600 }] },
      }),
      200_000,
    );
    expect(contribution).toBe(2_500); // 50% of a 2.5% deferral = 1.25% of 200 000
  });
});

describe('annual maximum and catch-up', () => {
  it('caps so the year-to-date total never exceeds the maximum, then 0', () => {
    expect(capToAnnual(10_000, 0, 15_000)).toBe(10_000);
    expect(capToAnnual(10_000, 10_000, 15_000)).toBe(5_000);
    expect(capToAnnual(10_000, 15_000, 15_000)).toBe(0);
    expect(capToAnnual(10_000, 99_000, null)).toBe(10_000);
  });

  it('catch-up adds 7,500 USD for someone 50 or older on December 31 of the pay year', () => {
    const capped = terms({ annual_maximum: 2_300_000, catch_up: true });
    expect(CATCH_UP_CENTS).toBe(750_000);
    expect(annualCap(capped, '1976-12-31', 2026)).toBe(3_050_000); // turns 50 on Dec 31
    expect(annualCap(capped, '1977-01-01', 2026)).toBe(2_300_000); // 49 on Dec 31
    expect(annualCap({ ...capped, catch_up: false }, '1950-01-01', 2026)).toBe(2_300_000);
    expect(annualCap(terms({ catch_up: true }), '1950-01-01', 2026)).toBeNull();
  });
});

describe('tax treatment and bonus runs', () => {
  it('pre-tax except Roth deferrals, post-tax HSA, custom post-tax and 401(k) loans', () => {
    for (const type of ['401k_roth', '403b_roth', '457_roth', 'custom_post_tax', 'hsa_post', '401k_loan'])
      expect(isPreTax(type), type).toBe(false);
    for (const type of ['401k', '403b', '457', 'simple_ira', 's125_medical', 'hsa_pre', 'fsa_medical', 'commuter', 'custom_pre_tax'])
      expect(isPreTax(type), type).toBe(true);
  });

  it('a bonus run deducts retirement benefits with a percent deduction only', () => {
    const percent = terms({ employee_deduction: { type: 'percent', amount: 500 } });
    const fixed = terms({ employee_deduction: { type: 'fixed', amount: 500 } });
    expect(appliesToBonusRun('401k', percent)).toBe(true);
    expect(appliesToBonusRun('457_roth', percent)).toBe(true);
    expect(appliesToBonusRun('401k', fixed)).toBe(false);
    expect(appliesToBonusRun('hsa_pre', percent)).toBe(false);
  });
});
