/**
 * The renderer's pre-send check of the Sandbox forms (schema-check.ts) against main's Ajv check
 * of the same request schemas: same paths and messages, so a form marks the field main would;
 * and the masked JSON boxes, which must give back the hidden values they were not asked to change.
 */
import { describe, expect, it } from 'vitest';
import { checkSandboxWrite } from '@main/features/sandbox/write-validation';
import { maskForEditing, restoreHidden } from '@renderer/components/schema-form/masked-json';
import { checkAgainstSchema } from '@renderer/components/schema-form/schema-check';
import type { SchemaNode } from '@renderer/components/schema-form/schema-node';
import { UnparsedJson } from '@renderer/components/schema-form/schema-node';
import schemas from '@shared/finch/sandbox-write-schemas.json';
import { sandboxWriteProblems } from '@shared/finch/sandbox-write-rules';
import type { SandboxWrite } from '@shared/finch/sandbox-write-extract';

const SCHEMAS = schemas as unknown as Record<SandboxWrite, SchemaNode>;
const ID = '6655e07c-44a0-43a5-9198-03fb1bfab66f';
const sorted = (errors: { path: string; message: string }[]) =>
  [...errors].sort((a, b) => `${a.path}${a.message}`.localeCompare(`${b.path}${b.message}`));
/** What the form refuses: the schema check plus the shared rules (as mock-data-check.ts runs them). */
const formCheck = (write: SandboxWrite, body: unknown) =>
  sorted([...checkAgainstSchema(SCHEMAS[write], body), ...sandboxWriteProblems(write, body)]);

/** A write, its body, and whether main refuses it. */
const CASES: [SandboxWrite, unknown, boolean][] = [
  [
    'payment',
    { start_date: '2026-03-01', end_date: '2026-03-15', pay_statements: [{ individual_id: ID, gross_pay: 250_000, net_pay: 190_000 }] },
    false,
  ],
  [
    'payment',
    {
      start_date: 'last week',
      end_date: '2026-02-30',
      pay_statements: [{ gross_pay: -5 }, { individual_id: 'nope', gross_pay: 'lots', net_pay: 1.5, type: 'bonus' }],
    },
    true,
  ],
  ['payment', { start_date: '2026-03-10', end_date: '2026-03-01', pay_statements: [] }, true],
  ['individual', { dob: '31/02/1990', gender: 'robot', residence: { city: 7 } }, true],
  ['individual', { dob: '1990-02-28', emails: [{ data: 'a@b.co', type: 'work' }] }, false],
  [
    'employment',
    {
      start_date: '2024-05-01',
      end_date: '2024-04-30',
      income: { unit: 'yearly', amount: 100.5, currency: 'usd', effective_date: '2024-13-01' },
    },
    true,
  ],
  ['employment', { manager: { id: 'not-a-uuid' }, is_active: 'yes' }, true],
  ['company', { legal_name: 'Acme', primary_email: 'not an email', accounts: [{ account_type: 'piggy_bank' }] }, true],
  ['directory', [{ first_name: 'Nova', dob: '2023-02-29', employment: { type: 'employee' } }], true],
];

describe('the form’s check before sending', () => {
  it.each(CASES)('%s: marks exactly the fields main refuses (%#)', (write, body, refused) => {
    const main = sorted(checkSandboxWrite(write, body));
    expect(main.length > 0).toBe(refused);
    expect(formCheck(write, body)).toEqual(main);
  });

  it('names the problems a newcomer hits: no such day, ends before it starts, not whole cents', () => {
    expect(formCheck('individual', { dob: '31/02/1990' })).toEqual([{ path: 'dob', message: 'must be a valid date (YYYY-MM-DD)' }]);
    expect(formCheck('payment', CASES[2]![1])).toEqual([{ path: 'end_date', message: 'must be on or after start_date (2026-03-10)' }]);
    expect(
      formCheck('payment', {
        start_date: '2026-03-01',
        end_date: '2026-03-02',
        pay_statements: [{ individual_id: ID, gross_pay: 2500.5 }],
      }),
    ).toEqual([{ path: 'pay_statements.0.gross_pay', message: 'must be integer' }]);
  });

  it('a JSON box whose text does not parse is an error of its own, not the last good value', () => {
    expect(
      checkAgainstSchema(SCHEMAS.company, { departments: new UnparsedJson('[{', 'Unexpected end of JSON input') }).filter(
        (e) => e.path === 'departments',
      ),
    ).toEqual([{ path: 'departments', message: 'not valid JSON: Unexpected end of JSON input' }]);
  });
});

describe('masked JSON boxes', () => {
  const accounts = [
    { routing_number: '053100546', account_name: 'Payroll', account_number: '4883430510' },
    { routing_number: '021000021', account_name: 'Taxes', account_number: '99887766554' },
  ];

  it('show no sensitive value, and give back the ones left in place even after reordering', () => {
    const { text, hidden } = maskForEditing(accounts, 'accounts');
    for (const a of accounts) for (const secret of [a.routing_number, a.account_number]) expect(text).not.toContain(secret);
    expect(text).toContain('Payroll');
    const edited = (JSON.parse(text) as Record<string, unknown>[]).reverse();
    edited[0]!['account_name'] = 'Taxes (renamed)';
    expect(restoreHidden(edited, hidden)).toEqual([{ ...accounts[1], account_name: 'Taxes (renamed)' }, accounts[0]]);
  });

  it('take a new value typed over a placeholder, and refuse a placeholder that hides nothing', () => {
    const { text, hidden } = maskForEditing(accounts.slice(0, 1), 'accounts');
    const typed = JSON.parse(text.replace(/"•••• \(hidden 2\)"/, '"1234567890"')) as unknown;
    expect(restoreHidden(typed, hidden)).toEqual([{ ...accounts[0], account_number: '1234567890' }]);
    expect(() => restoreHidden(JSON.parse(text.replace('(hidden 2)', '(hidden 9)')), hidden)).toThrow(/not one of the hidden values/);
  });

  it('mask pay inside a list by the Explorer’s rule (income_history amounts)', () => {
    const { text } = maskForEditing(
      [{ unit: 'yearly', amount: 12_345_600, currency: 'usd', effective_date: '2024-01-01' }],
      'income_history',
    );
    expect(text).not.toContain('12345600');
  });
});
