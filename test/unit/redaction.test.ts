/** The redaction module on its own: each category is removed, and what support needs survives. */
import { describe, expect, it } from 'vitest';
import { Redactor, SecretScanner } from '@main/platform/redaction';
import { scanBytes } from '../support/secret-scan';

const TOKEN = 'tok_live_9f8e7d6c5b4a3210';
const redactor = () => new Redactor({ secrets: [TOKEN], personal: ['Acme Payroll LLC', 'payroll@acme.test'] });

describe('Redactor', () => {
  it.each([
    [
      'a known secret, even base64- or URL-encoded',
      `x ${TOKEN} ${Buffer.from(`:${TOKEN}`).toString('base64')} ${encodeURIComponent(TOKEN)}`,
      [TOKEN],
      'secret',
    ],
    [
      'authorization headers',
      'Authorization: Bearer abcdef.ghijkl.mnop and proxy-authorization=Basic Zm9vOmJhcg==',
      ['abcdef', 'Zm9vOmJhcg'],
      'authorization',
    ],
    [
      'credentials as key=value',
      'client_secret=shh-123456 password: "hunter22" access_token=at_99887766',
      ['shh-123456', 'hunter22', 'at_99887766'],
      'token',
    ],
    ['emails', 'write to jane.doe+hr@example.co.uk please', ['jane.doe'], 'email'],
    ['SSNs', 'ssn 612-43-6617 on file', ['612-43-6617'], 'ssn'],
    ['dates of birth', 'born 1984-08-04, or 08/04/1984, or August 4, 1984', ['1984'], 'date'],
    ['pay amounts', 'salary: 85,000.00 and $1,234.56 and income amount 30300000', ['85,000', '1,234', '30300000'], 'amount'],
    [
      'addresses',
      'lives at 1272 Cruickshank Ave, Suite 807 and 5749 W Main, Nashville TN 37208',
      ['Cruickshank', '5749', '37208'],
      'address',
    ],
    ['phone numbers', 'call (615) 555-1210 or 615.555.1210', ['555-1210', '555.1210'], 'phone'],
    [
      'names next to each other or after a cue',
      'Invalid credentials for Viviane Bernhard; contact Ortiz',
      ['Viviane', 'Bernhard', 'Ortiz'],
      'name',
    ],
    ['known personal values, any case', 'ACME PAYROLL LLC wrote from payroll@acme.test', ['ACME PAYROLL', 'payroll@'], 'personal'],
  ])('removes %s', (_what, input, gone, category) => {
    const r = redactor();
    const out = r.text(input);
    for (const g of gone) expect(out).not.toContain(g);
    expect(r.tally()[category]).toBeGreaterThan(0);
  });

  it('leaves what Finch support needs: request IDs, codes, HTTP wording, ids in paths', () => {
    const r = redactor();
    const kept = [
      'Internal Server Error',
      'The employer must reauthenticate this connection through Finch Connect.',
      'rate limit exceeded: 20 requests per minute for product company, retry after 60 seconds',
      'Request 5b34dc08-69f7-40cf-873e-78379c093e45 failed with finch_code upstream_provider_error',
      '3 item(s) answered with an error',
    ];
    for (const text of kept) expect(r.text(text)).toBe(text);
    expect(r.path('/employer/directory?limit=100&offset=200')).toBe('/employer/directory?limit=100&offset=200');
    expect(r.path('/employer/benefits/ben_123/enrolled')).toBe('/employer/benefits/ben_123/enrolled');
    expect(r.path('/employer/payment?start_date=2025-01-01&end_date=2025-06-30')).toBe(
      '/employer/payment?start_date=2025-01-01&end_date=2025-06-30',
    );
    expect(r.path('/forward?name=Jane%20Doe&token=x')).toBe('/forward?name=[query-1]&token=[query-2]');
  });

  it('drops whole values under sensitive JSON keys, keeps the rest', () => {
    const r = redactor();
    const out = r.value({
      stage: 'exchange',
      finch_code: 'invalid_grant',
      status: 'reauth',
      requestIds: ['req-1'],
      individual: { first_name: 'Viviane', ssn: '612-43-6617', residence: { line1: '5749 W Main' }, emails: [{ data: 'v@x.test' }] },
      income: { amount: 30300000, unit: 'yearly' },
      access_token: TOKEN,
      code: 'auth-code-1',
      message: 'for Viviane',
    }) as Record<string, any>;
    expect(out).toMatchObject({
      stage: 'exchange',
      finch_code: 'invalid_grant',
      status: 'reauth',
      requestIds: ['req-1'],
      income: '[amount-1]',
    });
    expect(out['individual']).toEqual({ first_name: '[person-1]', ssn: '[ssn-1]', residence: '[address-1]', emails: '[email-1]' });
    expect(out['access_token']).toBe('[token-1]');
    expect(out['code']).toBe('[token-2]');
    // The same name in a message gets the same placeholder as in its field.
    expect(out['message']).toBe('for [person-1]');
    expect(scanBytes('value', JSON.stringify(out), [TOKEN, 'Viviane', '612-43-6617', '30300000'])).toEqual([]);
  });
});

describe('consistent placeholders', () => {
  it('gives the same value the same placeholder within one output, whatever found it, and numbers per category', () => {
    const r = redactor();
    const a = r.text(`Maria Lopez (612-43-6617) and Ken Ito (512-44-0913); again Maria Lopez, 612-43-6617, ${TOKEN}`);
    expect(a).toBe('[person-1] [person-2] ([ssn-1]) and [person-3] [person-4] ([ssn-2]); again [person-1] [person-2], [ssn-1], [secret-1]');
    // Every encoded form of a secret is that secret's placeholder.
    expect(r.text(`x ${encodeURIComponent(TOKEN)} ${Buffer.from(TOKEN).toString('hex')}`)).toBe('x [secret-1] [secret-1]');
    expect(r.value({ first_name: 'maria', ssn: '512-44-0913' })).toEqual({ first_name: '[person-1]', ssn: '[ssn-2]' });
    expect(r.tally()).toMatchObject({ name: 7, ssn: 4, secret: 3 });
    expect(r.distinct()).toMatchObject({ name: 4, ssn: 2, secret: 1 });
    // Another output starts over: numbers never link values across outputs.
    expect(redactor().text('Ken Ito')).toBe('[person-1] [person-2]');
  });

  it('leaves placeholders of an earlier pass alone and never reuses their numbers', () => {
    const r = redactor();
    const once = redactor().text(`access_token=${TOKEN} salary: 85000; Authorization: Bearer abcdefgh; Maria Lopez`);
    expect(once).toBe('access_token=[secret-1] salary: [amount-1]; Authorization: [auth-1]; [person-1] [person-2]');
    expect(r.text(once)).toBe(once);
    expect(r.tally()).toEqual({});
    expect(r.text(`${once} and Ken Ito`)).toBe(`${once} and [person-3] [person-4]`);
  });

  it('leaves the stored records’ [secret-removed] mark alone (the token was never stored)', () => {
    const r = redactor();
    expect(r.text('GET /employer/company?access_token=[secret-removed]&email=ken@acme.test → Bearer [secret-removed]')).toBe(
      'GET /employer/company?access_token=[secret-removed]&email=[email-1] → Bearer [secret-removed]',
    );
    expect(r.tally()).toEqual({ email: 1 });
  });

  it('secretsOnly removes the vault’s secrets in any encoding and nothing else (what raw output keeps)', () => {
    const r = redactor();
    const b64 = Buffer.from(`:${TOKEN}`).toString('base64');
    const out = r.secretsOnly(`Maria Lopez 612-43-6617 ${TOKEN} ${b64}`);
    expect(out.startsWith('Maria Lopez 612-43-6617 [secret-1] ')).toBe(true);
    expect(scanBytes('raw', out, [TOKEN])).toEqual([]);
  });
});

describe('SecretScanner', () => {
  it('finds a secret in every encoding the test scanner knows, and ignores near misses', () => {
    const scanner = new SecretScanner([TOKEN]);
    const encodings = [
      TOKEN,
      Buffer.from(TOKEN, 'utf16le').toString('latin1'),
      Buffer.from(TOKEN).toString('hex').toUpperCase(),
      encodeURIComponent(TOKEN),
    ];
    for (let lead = 0; lead < 3; lead++) encodings.push(Buffer.concat([Buffer.alloc(lead, 1), Buffer.from(TOKEN)]).toString('base64url'));
    for (const e of encodings) expect(scanner.scan('x', Buffer.from(`..${e}..`, 'latin1')).length, e).toBeGreaterThan(0);
    expect(scanner.scan('x', Buffer.from(TOKEN.slice(0, -1)))).toEqual([]);
    expect(new SecretScanner(['short']).secretCount).toBe(0);
  });
});
