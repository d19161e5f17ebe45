/**
 * The server's share of the floor: the same pages the app's pull asks for (5,000-person
 * directory pages, one individuals and one employments batch per page, payments, the same
 * pay-statement calls), fetched by a bare SDK client with as much parallelism as the data's
 * dependencies allow — every directory page at once after the first, each page's batches the
 * moment it arrives, every pay-statement call at once — and the bodies thrown away unparsed
 * (read whole as bytes: only the directory pages and the payments list, which say what to ask
 * for next, are parsed). No client can finish the pull faster against this server; what the
 * app adds on top is its own cost.
 */
import Finch from '@tryfinch/finch-api';
import { DIRECTORY_PAGE } from '@main/platform/reads/pull-limits';
import { planStatementCalls } from '@main/platform/reads/statement-plan';
import type { BenchConnection } from './app-pull';

export async function referencePull(
  baseURL: string,
  connection: BenchConnection,
  range: { startDate: string; endDate: string },
): Promise<number> {
  const client = new Finch({ baseURL, accessToken: connection.accessToken, maxRetries: 0, timeout: 600_000, logLevel: 'off' });
  const started = performance.now();
  const people = async (): Promise<void> => {
    const batches = (page: { individuals: { id?: string }[] }) => {
      const requests = page.individuals.flatMap((p) => (p.id ? [{ individual_id: p.id }] : []));
      return Promise.all([
        drain(client.hris.individuals.retrieveMany({ requests }).asResponse()),
        drain(client.hris.employments.retrieveMany({ requests }).asResponse()),
      ]);
    };
    const first = await client.hris.directory.list({ limit: DIRECTORY_PAGE, offset: 0 });
    const total = first.paging.count ?? first.individuals.length;
    const rest: Promise<unknown>[] = [batches(first)];
    for (let offset = first.individuals.length; offset < total; offset += DIRECTORY_PAGE)
      rest.push(client.hris.directory.list({ limit: DIRECTORY_PAGE, offset }).then(batches));
    await Promise.all(rest);
  };
  const payroll = async (): Promise<void> => {
    const payments = await client.hris.payments.list({ start_date: range.startDate, end_date: range.endDate });
    const calls = planStatementCalls(payments.items as unknown as Record<string, unknown>[]);
    await Promise.all(
      calls.map((pages) =>
        drain(
          client.hris.payStatements
            .retrieveMany({ requests: pages.map((p) => ({ payment_id: p.paymentId, offset: p.offset, limit: p.limit })) })
            .asResponse(),
        ),
      ),
    );
  };
  await Promise.all([client.hris.company.retrieve(), people(), payroll()]);
  return performance.now() - started;
}

/** The whole body read, and dropped. */
async function drain(response: Promise<Response>): Promise<void> {
  await (await response).arrayBuffer();
}
