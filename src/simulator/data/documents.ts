/**
 * W-4 forms: one per employee (contractors file no W-4). People hired from 2020 on have the
 * redesigned 2020 form; earlier hires still have a 2005-style form with allowances.
 */
import { Rng, Stream, mix, seededUuid } from '../random';
import type { RosterPerson } from './roster';

export interface W4Spec {
  id: string;
  person: RosterPerson;
  type: 'w4_2020' | 'w4_2005';
  year: number;
}

export function w4Of(person: RosterPerson): W4Spec | null {
  if (person.employmentType !== 'employee') return null;
  const year = new Date(person.startDay).getUTCFullYear();
  return { id: seededUuid(person.seed, Stream.document), person, type: year >= 2020 ? 'w4_2020' : 'w4_2005', year };
}

export function documentItem(w4: W4Spec, baseUrl: string): Record<string, unknown> {
  return {
    id: w4.id,
    individual_id: w4.person.id,
    url: `${baseUrl}/employer/documents/${w4.id}`,
    year: w4.year,
    type: w4.type,
  };
}

export function documentBody(w4: W4Spec): Record<string, unknown> {
  const rng = new Rng(mix(w4.person.seed, Stream.document, 1));
  if (w4.type === 'w4_2020') {
    const children = rng.weighted([
      [0, 60],
      [1, 20],
      [2, 15],
      [3, 5],
    ] as const);
    const otherDependents = rng.chance(0.1) ? 1 : 0;
    return {
      type: 'w4_2020',
      year: w4.year,
      data: {
        individual_id: w4.person.id,
        filing_status: rng.pick([
          'single_or_married_filing_separately',
          'married_filing_jointly_or_qualifying_surviving_spouse',
          'head_of_household',
        ] as const),
        amount_for_qualifying_children_under_17: children * 200_000,
        amount_for_other_dependents: otherDependents * 50_000,
        total_claim_dependent_and_other_credits: children * 200_000 + otherDependents * 50_000,
        other_income: rng.chance(0.1) ? rng.int(1, 20) * 100_000 : 0,
        deductions: rng.chance(0.1) ? rng.int(1, 10) * 100_000 : 0,
        extra_withholding: rng.chance(0.15) ? rng.int(1, 10) * 2_500 : 0,
      },
    };
  }
  return {
    type: 'w4_2005',
    year: w4.year,
    data: {
      individual_id: w4.person.id,
      filing_status: rng.pick(['single', 'married', 'married_but_withhold_at_higher_single_rate'] as const),
      total_number_of_allowances: rng.int(0, 4),
      additional_withholding: rng.chance(0.1) ? rng.int(1, 10) * 2_500 : 0,
      exemption: rng.chance(0.02) ? 'exempt' : 'non_exempt',
    },
  };
}
