/**
 * Contract: the deductions (write) half of Finch's SDK against Steady, the mock server Finch's
 * own SDK tests run against, serving Finch's OpenAPI spec. Steady answers 4xx to any request
 * that does not match the spec, so a 2xx here means the request shapes (including the bare
 * calls the simulator must accept) are Finch's.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import Finch from '@tryfinch/finch-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const UUID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
let steady: ChildProcess;
let client: Finch;
const statuses: Array<[string, number]> = [];

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  steady = spawn(
    join(ROOT, 'node_modules', '.bin', 'steady'),
    ['--host', '127.0.0.1', '--port', String(port), '--quiet', '--no-color', 'test/spec/finch-openapi.json'],
    { cwd: ROOT, stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(baseURL);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  client = new Finch({
    baseURL,
    accessToken: 'steady-access-token',
    clientID: 'steady-client',
    clientSecret: 'steady-secret',
    maxRetries: 0,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const request = new Request(input, init);
      statuses.push([`${request.method} ${new URL(request.url).pathname}`, response.status]);
      return response;
    },
  });
}, 30_000);

afterAll(() => {
  steady?.kill();
});

async function drain<T>(items: AsyncIterable<T>): Promise<void> {
  for await (const _ of items) void _;
}

describe('deduction SDK calls against Finch’s spec (Steady)', () => {
  it('company benefits: create/register (also bare, without a type), update, retrieve, list, supported benefits', async () => {
    await client.hris.benefits.create({
      type: '401k',
      description: '401(k)',
      frequency: 'every_paycheck',
      company_contribution: { type: 'match', tiers: [{ match: 10_000, threshold: 300 }] },
    });
    await client.hris.benefits.create();
    await client.hris.benefits.register({ type: 's125_medical', description: 'Medical', frequency: 'monthly' });
    await client.hris.benefits.register();
    await client.hris.benefits.update(UUID, { description: 'Renamed' });
    await client.hris.benefits.update(UUID);
    await client.hris.benefits.retrieve(UUID);
    await drain(client.hris.benefits.list());
    await drain(client.hris.benefits.listSupportedBenefits());
  });

  it('enrollments: enrollMany (fixed, percent, tiered, HSA limit, catch-up, effective date), unenrollMany, enrolledIDs, retrieveManyBenefits', async () => {
    await client.hris.benefits.individuals.enrollMany(UUID, {
      individuals: [
        {
          individual_id: UUID,
          configuration: {
            employee_deduction: { type: 'percent', amount: 600 },
            company_contribution: {
              type: 'tiered',
              tiers: [
                { match: 10_000, threshold: 300 },
                { match: 5_000, threshold: 500 },
              ],
            },
            annual_maximum: 2_300_000,
            catch_up: true,
            effective_date: '2026-07-01',
          },
        },
        {
          individual_id: UUID,
          configuration: {
            employee_deduction: { type: 'fixed', amount: 10_000 },
            company_contribution: { type: 'fixed', amount: 0 },
            annual_maximum: null,
            annual_contribution_limit: 'individual',
          },
        },
      ],
    });
    await client.hris.benefits.individuals.unenrollMany(UUID, { individual_ids: [UUID] });
    await client.hris.benefits.individuals.unenrollMany(UUID);
    await client.hris.benefits.individuals.enrolledIDs(UUID);
    await drain(client.hris.benefits.individuals.retrieveManyBenefits(UUID, { individual_ids: `${UUID},${UUID}` }));
  });

  it('jobs, pay groups, pay-statement item rules, disconnect-entity and the bare sandbox calls', async () => {
    await client.jobs.manual.retrieve(UUID);
    await drain(client.payroll.payGroups.list());
    await client.payroll.payGroups.retrieve(UUID);
    await client.hris.payStatementItem.rules.create({
      conditions: [{ field: 'name', operator: 'equals', value: 'Salary' }],
      attributes: { metadata: { ledger: '5000' } },
      entity_type: 'pay_statement_item',
      effective_start_date: '2026-01-01',
    });
    await client.hris.payStatementItem.rules.create();
    await drain(client.hris.payStatementItem.rules.list());
    await client.hris.payStatementItem.rules.update(UUID, {});
    await client.hris.payStatementItem.rules.delete(UUID);
    await client.account.disconnectEntity({ entity_ids: [UUID] });
    await client.sandbox.directory.create();
    await client.sandbox.connections.accounts.update();
    await client.sandbox.connections.accounts.update({ connection_status: 'reauth' });
  });

  it('every request above matched the spec (Steady answered 2xx)', () => {
    expect(statuses).toHaveLength(26);
    expect(statuses.filter(([, status]) => status >= 300)).toEqual([]);
  });

  it('Steady does refuse a request that breaks the spec (so the passes above mean something)', async () => {
    const refused = await client.hris.benefits
      .create({ type: 'pension' as '401k' })
      .then(() => null)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Finch.APIError);
    expect((refused as InstanceType<typeof Finch.APIError>).status).toBe(400);
  });
});
