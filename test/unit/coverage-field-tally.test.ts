/**
 * Field coverage's counts per path: a value, an empty value, null, or nothing, with array paths
 * counted by each record's best item (FINCH.md: absent and null mean different things).
 */
import { describe, expect, it } from 'vitest';
import { FieldTally } from '@main/features/coverage/measure';
import type { CatalogField } from '@shared/domain/coverage';

const field = (path: string): CatalogField => ({ path, type: 'string', nullable: true, required: false });
const CATALOG = ['name', 'address', 'address.city', 'earnings', 'earnings[].amount'].map(field);

function counts(records: unknown[]) {
  const tally = new FieldTally(CATALOG);
  // Two pages, as a pull hands them in.
  tally.add(records.slice(0, 2));
  tally.add(records.slice(2));
  return Object.fromEntries(tally.result(() => null).map((f) => [f.path, [f.values, f.empty, f.nulls, f.absent, f.share]]));
}

describe('field coverage counts', () => {
  it('tells a value, an empty value, null and a missing key apart, per path, across pages', () => {
    const result = counts([
      { name: 'Ada', address: { city: 'Paris' }, earnings: [{ amount: null }, { amount: 5 }] },
      { name: '', address: {}, earnings: [] },
      { name: null, address: null, earnings: [null, { amount: null }] },
      { address: { city: '' }, earnings: [{}, { amount: '' }] },
      'not a record',
    ]);
    //                           values empty nulls absent share
    expect(result['name']).toEqual([1, 1, 1, 2, 2 / 5]);
    expect(result['address']).toEqual([2, 1, 1, 1, 3 / 5]);
    expect(result['address.city']).toEqual([1, 1, 1, 2, 2 / 5]);
    expect(result['earnings']).toEqual([3, 1, 0, 1, 4 / 5]);
    expect(result['earnings[].amount']).toEqual([1, 1, 1, 2, 2 / 5]);
  });
});
