/**
 * The spec the tests validate against: a byte-for-byte copy of ../shared/finch/openapi.json
 * (checked whenever that file exists), and a validator that does reject wrong bodies.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPEC_OPERATIONS, SPEC_PATH, findOperation, validateResponse } from './helpers/spec-validator';

const SHARED_SPEC = resolve(__dirname, '../../../shared/finch/openapi.json');

describe('test/spec/finch-openapi.json', () => {
  it.skipIf(!existsSync(SHARED_SPEC))('equals ../shared/finch/openapi.json byte for byte', () => {
    expect(readFileSync(SPEC_PATH).equals(readFileSync(SHARED_SPEC))).toBe(true);
  });

  it('describes 44 paths and 55 operations', () => {
    expect(new Set(SPEC_OPERATIONS.map((o) => o.path)).size).toBe(44);
    expect(SPEC_OPERATIONS).toHaveLength(55);
  });
});

describe('the response validator', () => {
  it('accepts a well-formed body and rejects wrong ones', () => {
    const company = {
      id: '2e53cb04-2834-4ef3-a0dc-e886885c3e8a',
      legal_name: 'Acme Inc.',
      entity: { type: 'corporation', subtype: null },
      primary_email: 'hr@acme.example',
      primary_phone_number: null,
      departments: [{ name: 'Sales', parent: null }],
      ein: null,
      locations: null,
      accounts: null,
    };
    expect(validateResponse('GET', '/employer/company', 200, company).ok).toBe(true);
    expect(validateResponse('GET', '/employer/company', 200, { ...company, legal_name: 42 }).ok).toBe(false);
    expect(validateResponse('GET', '/employer/company', 200, { ...company, entity: { type: 'kingdom', subtype: null } }).ok).toBe(false);
    const { ein: _ein, ...withoutEin } = company;
    expect(validateResponse('GET', '/employer/company', 200, withoutEin).ok).toBe(false);
  });

  it('treats a nullable oneOf branch as "or null", not "anything"', () => {
    const item = (deduction: unknown) => [
      {
        individual_id: 'x',
        code: 200,
        body: { employee_deduction: deduction, company_contribution: null, annual_maximum: null, catch_up: null },
      },
    ];
    const path = '/employer/benefits/b/individuals';
    expect(validateResponse('GET', path, 200, item({ type: 'fixed', amount: 100 })).ok).toBe(true);
    expect(validateResponse('GET', path, 200, item(null)).ok).toBe(true);
    // Read as "anything", the null branch would make this malformed deduction valid.
    expect(validateResponse('GET', path, 200, item({ type: 'fixed', amount: 'lots' })).ok).toBe(false);
  });

  it('checks undeclared error statuses against the Error schema', () => {
    expect(
      validateResponse('GET', '/employer/company', 429, {
        code: 429,
        name: 'rate_limit_exceeded_error',
        finch_code: 'finch_application_rl',
        message: 'slow down',
      }).ok,
    ).toBe(true);
    expect(validateResponse('GET', '/employer/company', 429, { error: 'slow down' }).ok).toBe(false);
    expect(findOperation('GET', '/employer/benefits/meta')?.operationId).toBe('get-company-benefits-meta');
  });
});
