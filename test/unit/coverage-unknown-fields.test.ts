/**
 * Field coverage's "fields the spec does not list": which paths it reports for records a
 * provider sends, across pages, inside arrays, and where it stops (free-form objects, the limit).
 */
import { describe, expect, it } from 'vitest';
import { UnknownFieldFinder, unknownFields } from '@main/features/coverage/measure';
import { FIELD_CATALOG } from '@shared/domain/field-catalog';

const statement = (extra: Record<string, unknown> = {}) => ({
  individual_id: 'p1',
  type: 'regular_payroll',
  payment_method: 'direct_deposit',
  total_hours: 40,
  gross_pay: { amount: 100, currency: 'usd' },
  net_pay: { amount: 80, currency: 'usd' },
  earnings: [{ amount: 100, currency: 'usd', hours: 40, name: 'Salary', type: 'salary', attributes: { metadata: { x: { y: 1 } } } }],
  employee_deductions: [],
  employer_contributions: [],
  taxes: [],
  ...extra,
});

describe('unknown fields in coverage', () => {
  it('reports nothing for records that keep to the spec, free-form metadata included', () => {
    expect(unknownFields([statement(), statement()], FIELD_CATALOG.pay_statement)).toEqual([]);
  });

  it('reports top-level, nested and array-item paths the spec does not list, once each, sorted', () => {
    const records = [
      statement({ bonus_code: 'B1' }),
      statement({ gross_pay: { amount: 1, currency: 'usd', precision: 2 } }),
      statement({
        earnings: [
          { amount: 1, name: 'a' },
          { amount: 2, name: 'b', shift: 'night' },
        ],
      }),
      statement({ bonus_code: 'B2' }),
    ];
    expect(unknownFields(records, FIELD_CATALOG.pay_statement)).toEqual(['bonus_code', 'earnings[].shift', 'gross_pay.precision']);
  });

  it('gathers across pages handed in one by one, and stops at its limit', () => {
    const finder = new UnknownFieldFinder(FIELD_CATALOG.pay_statement, 3);
    finder.add([statement({ z1: 1 })]);
    finder.add([statement({ z2: 1, z3: 1 })]);
    finder.add([statement({ z4: 1, z5: 1 })]);
    expect(finder.paths).toHaveLength(3);
    expect(finder.paths.slice(0, 2)).toEqual(['z1', 'z2']);
  });

  it('looks at the first 20 items of an array and ignores items that are not objects', () => {
    const earnings = Array.from({ length: 25 }, (_, i) => (i === 24 ? { amount: 1, late_field: true } : { amount: i }));
    expect(unknownFields([statement({ earnings: [null, 'text', ...earnings.slice(0, 18)] })], FIELD_CATALOG.pay_statement)).toEqual([]);
    expect(unknownFields([statement({ earnings })], FIELD_CATALOG.pay_statement)).toEqual([]);
    const early = [{ amount: 1, early_field: true }];
    expect(unknownFields([statement({ earnings: early })], FIELD_CATALOG.pay_statement)).toEqual(['earnings[].early_field']);
  });

  it('takes keys that look like Object internals as plain keys', () => {
    const record = JSON.parse('{"individual_id":"p1","__proto__":{"polluted":1},"constructor":1}') as Record<string, unknown>;
    expect(unknownFields([record], FIELD_CATALOG.pay_statement)).toEqual(['__proto__', 'constructor']);
  });
});
