/**
 * Acceptance 2 of issue 13 at the Node level: secrets, tokens and one simulated employee's
 * personal data are planted, then every path that lets data leave the app is driven (explorer
 * CSV/JSON export, coverage export, snapshot diff export, clipboard copies of a request-ID
 * line / JSON of a view / the ticket text, the Connect trace export, the support bundle and the
 * readiness report) and what leaves is scanned in every encoding of test/support/secret-scan.ts:
 * 0 hits by default; with raw chosen, the personal data is there but still 0 vault secrets.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startWorkbenchCore } from '@main/core';
import { createNodeTestCipher } from '@main/platform/secrets/cipher';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';
import type { PrepareExport } from '@shared/domain/exports';
import { supportLine } from '@shared/domain/request-log';
import { parseCsv } from '@shared/export/table-export';
import { exportCell, exportColumns, matrixRows } from '@renderer/features/coverage/coverage-export';
import type { SnapshotDiff } from '@shared/domain/snapshots';
import { scanBytes } from '../support/secret-scan';

const CLIENT_SECRET = 'sk_sandbox_OUTPUT_PLANTED_5c1d9e';
const CUSTOMER = 'Quennell Abara Holdings';
const PERSON = {
  first: 'Marisol',
  last: 'Quennell-Abara',
  ssn: '587-21-9043',
  dob: '1979-03-14',
  email: 'marisol.qa@planted-payroll.test',
  salary: 9137700,
};
const NAME = `${PERSON.first} ${PERSON.last}`;

let core: WorkbenchCore;
let env: string;
let connectionId: string;
let token: string;
let individualId: string;

const secrets = () => [CLIENT_SECRET, token];
const personal = () => [NAME, PERSON.last, PERSON.ssn, PERSON.dob, PERSON.email, String(PERSON.salary), CUSTOMER];
const everything = () => [...secrets(), ...personal()];

beforeAll(async () => {
  core = await startWorkbenchCore({
    app: {
      name: 'Finch Workbench',
      version: '9.9.9',
      runtime: 'browser-harness',
      platform: 'linux x64',
      dataFolder: mkdtempSync(join(tmpdir(), 'outputs-')),
    },
    openSettingsStore: createJsonFileStore,
    cipher: createNodeTestCipher(),
    log: () => {},
  });
  const state = core.environments.create({
    name: 'Sandbox (simulated)',
    kind: 'sandbox',
    clientId: 'sandbox-client-77aa',
    clientSecret: CLIENT_SECRET,
    apiBaseUrl: core.simulator!.baseUrl,
    connectUrl: core.simulator!.connectUrl,
  });
  env = state.environments.find((e) => e.kind === 'sandbox')!.id;
  const connection = await core.connections.createSandbox(env, { providerId: 'gusto', employeeSize: 5, customerName: CUSTOMER });
  connectionId = connection.id;
  token = core.vault.reveal(secretRefs.accessToken(env, connectionId));
  individualId = String((await core.explorer.directory(env, connectionId)).people[0]!['id']);
}, 30_000);
afterAll(() => core.close());

/** Sandbox writes reach reads after a data sync (as in Finch's sandbox). */
async function sync(): Promise<void> {
  await core.lifecycle.read(env, connectionId, (c) => c.sandbox.jobs.create({ type: 'data_sync_all' }));
  core.simulator!.clock.advance(10_000);
}

/**
 * The diff as the snapshot view exports it (features/snapshots/diff-export.ts, which the Node
 * typecheck cannot import because of its React sibling): changed fields per person.
 */
const DIFF_COLUMNS = ['change', 'subject', 'fromId', 'toId', 'matchedBy', 'field', 'before', 'after'].map((key) => ({ key, label: key }));
const text = (v: unknown, absent: boolean) =>
  absent ? '(absent)' : v === null ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v);
function diffRows(diff: SnapshotDiff) {
  return diff.peopleChanged.flatMap((p) =>
    p.changes.map((c) => ({
      change: 'person changed',
      subject: p.name,
      fromId: p.fromId ?? '',
      toId: p.toId ?? '',
      matchedBy: p.matchedBy,
      field: c.path,
      before: text(c.before, c.beforeAbsent),
      after: text(c.after, c.afterAbsent),
    })),
  );
}

/** Scans one output for the planted values; `which` picks the list. */
const hits = (where: string, bytes: string | Uint8Array, values: string[]) =>
  scanBytes(where, typeof bytes === 'string' ? bytes : Buffer.from(bytes), values);

/** Default (redacted) and raw: the default has none of it; raw keeps personal data but no secret. */
function bothWays(where: string, input: Omit<PrepareExport, 'raw'>, expectPersonalInRaw = true): { redacted: string; raw: string } {
  const redacted = core.exportGate.prepare({ ...input, raw: false });
  expect(hits(where, redacted.content, everything()), where).toEqual([]);
  expect(redacted.total, `${where}: something was hidden`).toBeGreaterThan(0);
  const raw = core.exportGate.prepare({ ...input, raw: true });
  expect(hits(`${where} (raw)`, raw.content, secrets()), `${where} raw`).toEqual([]);
  if (expectPersonalInRaw) expect(hits(`${where} (raw)`, raw.content, personal()).length, `${where}: raw really is raw`).toBeGreaterThan(0);
  return { redacted: redacted.content, raw: raw.content };
}

describe('every output path, with planted secrets and personal data', () => {
  it('plants the employee through the simulator’s sandbox writes and a logged failure', async () => {
    await core.lifecycle.read(env, connectionId, (c) =>
      c.sandbox.individual.update(individualId, {
        first_name: PERSON.first,
        last_name: PERSON.last,
        ssn: PERSON.ssn,
        dob: PERSON.dob,
        emails: [{ data: PERSON.email, type: 'work' }],
      }),
    );
    await core.lifecycle.read(env, connectionId, (c) =>
      c.sandbox.employment.update(individualId, {
        income: { amount: PERSON.salary, currency: 'usd', unit: 'yearly', effective_date: '2024-01-01' },
      }),
    );
    await sync();
    core.requestLog.append({
      callId: 'planted-call',
      environmentId: env,
      connectionId,
      product: 'individual',
      durationMs: 12,
      attempt: 1,
      retryAfterMs: null,
      dataRetrieved: null,
      lastUpdateDate: null,
      lastUpdateResult: null,
      time: Date.now(),
      method: 'POST',
      path: `/employer/individual?access_token=${token}&email=${PERSON.email}`,
      status: 422,
      requestId: 'req-planted-422',
      outcome: 'client_error',
      errorName: 'unprocessable_entity',
      finchCode: 'invalid_request',
      message: `Employee ${NAME} (SSN ${PERSON.ssn}, born ${PERSON.dob}) salary: ${PERSON.salary}; Authorization: Bearer ${token}; client_secret=${CLIENT_SECRET}`,
    });
    const record = await core.explorer.person(env, connectionId, individualId);
    expect((record.individual!.body as Record<string, unknown>)['ssn']).toBe(PERSON.ssn);
  });

  it('explorer tables as CSV and JSON (inline and sent in parts): consistent placeholders, rows line up', async () => {
    const people = (await core.explorer.directory(env, connectionId)).people;
    const columns = [
      { key: 'first_name', label: 'First name', path: 'first_name' },
      { key: 'last_name', label: 'Last name', path: 'last_name' },
      { key: 'individual.ssn', label: 'SSN', path: 'ssn' },
      { key: 'dob', label: 'dob', path: 'dob' },
      { key: 'emails', label: 'emails', path: 'emails' },
      { key: 'income.amount', label: 'income › amount', path: 'income.amount' },
      { key: 'department.name', label: 'Department', path: 'department.name' },
      { key: 'id', label: 'Individual id', path: 'id' },
      { key: 'note', label: 'Note' },
    ];
    const rows = await Promise.all(
      people.map(async (p) => {
        const record = await core.explorer.person(env, connectionId, String(p['id']));
        const ind = record.individual!.body as Record<string, unknown>;
        const emp = record.employment!.body as { income?: { amount?: number } };
        const dept = (p['department'] as { name?: string } | null)?.name ?? null;
        return [
          ind['first_name'],
          ind['last_name'],
          ind['ssn'],
          ind['dob'],
          ind['emails'],
          emp.income?.amount ?? null,
          dept,
          p['id'],
          p['id'] === individualId ? `call ${NAME}: Bearer ${token}` : null,
        ];
      }),
    );
    // The same person twice: the placeholders must repeat.
    rows.push(rows.find((r) => r[7] === individualId)!);
    const csv = bothWays('explorer CSV', {
      target: 'file',
      suggestedName: 'directory.csv',
      format: 'csv',
      source: { kind: 'table', columns, rows },
    });
    bothWays('explorer JSON', {
      target: 'file',
      suggestedName: 'directory.json',
      format: 'json',
      source: { kind: 'table', columns, rows },
    });
    const parsed = parseCsv(csv.redacted);
    expect(parsed.header).toEqual(columns.map((c) => c.label));
    expect(parsed.rows).toHaveLength(rows.length);
    const planted = parsed.rows.filter((r) => r[7] === individualId);
    expect(planted).toHaveLength(2);
    expect(planted[0]).toEqual(planted[1]);
    expect(planted[0]![0]).toMatch(/^\[person-\d+\]$/);
    expect(planted[0]![2]).toMatch(/^\[ssn-\d+\]$/);
    expect(planted[0]![5]).toMatch(/^\[amount-\d+\]$/);
    // The note's name is the same person as the name columns; department names and ids stay.
    expect(planted[0]![8]).toBe(`call ${planted[0]![0]} ${planted[0]![1]}: Bearer [secret-1]`);
    expect(
      parsed.rows
        .map((r) => r[6])
        .filter((d) => d !== '')
        .every((d) => !/^\[person-/.test(d!)),
    ).toBe(true);
    // Different people, different placeholders.
    expect(new Set(parsed.rows.map((r) => r[2])).size).toBe(new Set(rows.map((r) => r[2])).size);
    const rawRows = parseCsv(csv.raw).rows;
    expect(rawRows.find((r) => r[7] === individualId)![0]).toBe(PERSON.first);

    // In parts, as the renderer sends a large table: the same answer.
    let draftId: string | undefined;
    for (const part of [rows.slice(0, 2), rows.slice(2)])
      draftId = core.exportGate.stage({ ...(draftId ? { draftId } : {}), rows: part }).draftId;
    const staged = core.exportGate.prepare({
      target: 'file',
      suggestedName: 'directory.csv',
      format: 'csv',
      source: { kind: 'table', columns, draftId: draftId! },
      raw: false,
    });
    expect(staged.content).toBe(csv.redacted);
    expect(staged.rows).toBe(rows.length);
    expect(() =>
      core.exportGate.prepare({
        target: 'file',
        suggestedName: 'directory.csv',
        format: 'csv',
        source: { kind: 'table', columns, draftId: draftId! },
        raw: false,
      }),
    ).toThrow(/export again/);
  }, 30_000);

  it('coverage export: the customer’s name in the headers is hidden', async () => {
    const run = await core.coverage.run(env, { connectionId, operationId: 'cov-1', startDate: '2024-01-01', endDate: '2024-03-31' });
    const runs = [run];
    const columns = exportColumns(runs);
    const rows = matrixRows(runs).map((r) => columns.map((c) => exportCell(r, c.key) ?? null));
    const out = bothWays(
      'coverage CSV',
      { target: 'file', suggestedName: 'field-coverage.csv', format: 'csv', source: { kind: 'table', columns, rows } },
      false,
    );
    expect(parseCsv(out.redacted).rows.length).toBe(rows.length);
    expect(out.raw).toContain(CUSTOMER);
  }, 30_000);

  it('snapshot diff export: Before/After redacted by the field each row names', async () => {
    const first = await core.snapshots.take(env, {
      connectionId,
      operationId: 'snap-1',
      startDate: '2024-01-01',
      endDate: '2024-01-31',
      label: 'before',
    });
    await core.lifecycle.read(env, connectionId, (c) =>
      c.sandbox.individual.update(individualId, { ssn: '519-27-4410', dob: '1980-01-02', preferred_name: `Mari ${PERSON.last}` }),
    );
    await core.lifecycle.read(env, connectionId, (c) =>
      c.sandbox.employment.update(individualId, {
        income: { amount: PERSON.salary + 100_000, currency: 'usd', unit: 'yearly', effective_date: '2024-01-01' },
      }),
    );
    await sync();
    const second = await core.snapshots.take(env, {
      connectionId,
      operationId: 'snap-2',
      startDate: '2024-01-01',
      endDate: '2024-01-31',
      label: 'after',
    });
    const diff = await core.snapshots.diff(env, first.id, second.id);
    const rows = diffRows(diff);
    // Snapshots never keep SSNs; the date of birth and the salary changed.
    expect(rows.some((r) => r.field === 'individual.dob' && r.before === PERSON.dob)).toBe(true);
    const columns = DIFF_COLUMNS.map((c) => (c.key === 'before' || c.key === 'after' ? { ...c, pathFrom: 'field' } : c));
    const cells = rows.map((r) => columns.map((c) => r[c.key as keyof typeof r]));
    const out = bothWays('snapshot diff CSV', {
      target: 'file',
      suggestedName: 'snapshot-diff.csv',
      format: 'csv',
      source: { kind: 'table', columns, rows: cells },
    });
    const parsed = parseCsv(out.redacted).rows;
    const dob = parsed.find((r) => r[5] === 'individual.dob')!;
    expect(dob[6]).toMatch(/^\[date-\d+\]$/);
    expect(dob[7]).toMatch(/^\[date-\d+\]$/);
    expect(dob[6]).not.toBe(dob[7]);
    expect(parsed.find((r) => r[5] === 'employment.income.amount')![7]).toMatch(/^\[amount-\d+\]$/);
    // The person's name in the Subject column, found by the name rule and by the preferred name's value.
    expect(parsed[0]![1]).toMatch(/^\[person-\d+\] \[person-\d+\]$/);
  }, 60_000);

  it('clipboard copies: a request-ID line, JSON of a view, the ticket text', async () => {
    const entry = core.requestLog.search({ environmentId: env, limit: 1000 }).find((e) => e.requestId === 'req-planted-422')!;
    const line = bothWays(
      'request-ID line',
      { target: 'clipboard', source: { kind: 'text', text: supportLine(entry, 'Sandbox (simulated)') } },
      true,
    );
    // What support needs survives: the request id, the status, the time.
    expect(line.redacted).toContain('Finch-Request-ID: req-planted-422');
    expect(line.redacted).toContain(new Date(entry.time).toISOString());
    const record = await core.explorer.person(env, connectionId, individualId);
    bothWays('JSON of a view', { target: 'clipboard', source: { kind: 'json', text: JSON.stringify(record) } });
    const preview = core.support.preview({
      environmentId: env,
      connectionIds: [connectionId],
      includeUnscoped: true,
      from: 0,
      to: Date.now() + 60_000,
      failedOnly: true,
    });
    const ticket = core.exportGate.prepare({ target: 'clipboard', source: { kind: 'text', text: preview.ticket }, raw: false });
    expect(hits('ticket', ticket.content, everything())).toEqual([]);
    expect(ticket.content).toContain('req-planted-422');
  });

  it('the Connect trace export', async () => {
    const session = await core.connect.start(env, {
      customerName: NAME,
      customerEmail: PERSON.email,
      products: ['company'],
      sandboxMode: 'finch',
    });
    core.connect.report(
      env,
      session.state,
      'error',
      `Login failed for ${NAME} (${PERSON.email}) token=${token}`,
      'employer_connection_error',
    );
    const traces = core.diagnostics.connectTraces(env);
    expect(JSON.stringify(traces)).toContain(NAME);
    const out = bothWays('Connect traces', {
      target: 'file',
      suggestedName: 'finch-connect-traces.json',
      source: { kind: 'json', text: JSON.stringify({ traces }) },
    });
    expect(JSON.parse(out.redacted).traces[0].customerName).toMatch(/^\[(person|known)-\d+\]$/);
  });

  it('the support bundle and the readiness report (their own redaction, same engine)', async () => {
    const built = core.support.build({
      environmentId: env,
      connectionIds: [connectionId],
      includeUnscoped: true,
      from: 0,
      to: Date.now() + 60_000,
      failedOnly: false,
    });
    const files = unzipSync(built.zip);
    expect([...hits('zip', built.zip, everything()), ...Object.entries(files).flatMap(([n, b]) => hits(n, b, everything()))]).toEqual([]);
    for (const format of ['markdown', 'html'] as const) {
      const delivery = await core.readiness.export(format);
      if (delivery.kind !== 'download') throw new Error('expected a download');
      expect(hits(`readiness.${format}`, Buffer.from(delivery.base64, 'base64'), everything())).toEqual([]);
    }
  });

  it('the environments file: built in main, names kept (they are labels, not people), a secret typed as a name removed', async () => {
    // A user pasting a secret into the wrong field is the case the check exists for.
    core.environments.create({
      name: CLIENT_SECRET,
      kind: 'development',
      clientId: 'dev-client-88bb',
      clientSecret: 'sk_dev_OTHER_planted_77',
    });
    const out = core.exportGate.prepare({
      target: 'file',
      suggestedName: 'finch-workbench-environments.json',
      source: { kind: 'environments' },
      raw: false,
    });
    expect(hits('environments.json', out.content, secrets())).toEqual([]);
    expect(out.content).not.toContain('sk_dev_OTHER_planted_77');
    expect(out.content).toContain('"name": "Sandbox (simulated)"');
    expect(out.hidden).toEqual({ secret: 1 });
    expect(() => core.environments.importJson(out.content)).toThrow(/already exists/); // still a valid environments file
  });

  it('refuses what the gate cannot vouch for: a file without a plain name; saving a copy; content with a secret', async () => {
    expect(() =>
      core.exportGate.prepare({
        target: 'file',
        suggestedName: '../x.csv',
        format: 'csv',
        source: { kind: 'table', columns: [{ key: 'a', label: 'a' }], rows: [] },
        raw: false,
      }),
    ).toThrow(/plain file name/);
    const copy = core.exportGate.prepare({ target: 'clipboard', source: { kind: 'text', text: 'hello' }, raw: false });
    await expect(core.exportGate.save(copy.exportId)).rejects.toThrow(/clipboard/);
    expect(() => core.exportGate.assertNoSecrets('x.csv', `a,${Buffer.from(token).toString('hex')}`)).toThrow(/known secret/);
    expect(() => core.exportGate.prepare({ target: 'clipboard', source: { kind: 'json', text: '{nope' }, raw: false })).toThrow(
      /does not parse/,
    );
  });
});
