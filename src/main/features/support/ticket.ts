/**
 * The ticket text of a support bundle: Markdown ready to paste into a Finch support ticket.
 * What happened, when, on which connection, and the Finch-Request-ID of every failure. Built
 * only from already-redacted bundle rows.
 */
import type { BundleRequest } from '@shared/domain/support';

export interface TicketConnection {
  connection_id: string;
  company_id: string | null;
  provider: string | null;
  products: string[];
  status: string;
}

export interface TicketInput {
  environmentKind: string;
  clientIdHint: string | null;
  appLine: string;
  from: number;
  to: number;
  requests: BundleRequest[];
  failures: BundleRequest[];
  focus: BundleRequest | null;
  connections: TicketConnection[];
  omittedRequests: number;
}

/** Failures listed in the ticket itself; the rest are in requests.csv. */
const TICKET_ROWS = 100;

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const cell = (text: string | number | null): string =>
  text === null || text === '' ? '—' : String(text).replace(/\|/g, '\\|').replace(/\s+/g, ' ');
const isBatchItemFailure = (r: BundleRequest): boolean => r.outcome === 'batch_partial_failure';

/**
 * What went wrong, as a ticket names it. A batch that answered 200 with per-item errors is
 * named by its items (“404 for 1 of 3 individuals”, as logged): its 200 is not the failure.
 */
const code = (r: BundleRequest): string =>
  isBatchItemFailure(r)
    ? (r.message ?? 'per-item errors')
    : [r.status ?? 'no response', r.finch_code ?? r.error_name].filter(Boolean).join(' ');

/**
 * How bad a failure is (lower is worse), so a ticket is titled by its worst failure rather
 * than its most frequent one:
 *   0  5xx (Finch or the provider failed: server_error, upstream/provider errors)
 *   1  no response at all (network error, timeout)
 *   2  401 (reauthentication needed, or a token Finch refuses)
 *   3  429 (rate limited)
 *   4  any other 4xx (the request was refused as sent)
 *   5  per-item errors inside a batch that answered 200
 */
export function severity(r: BundleRequest): number {
  if (isBatchItemFailure(r)) return 5;
  if (r.outcome === 'server_error' || r.outcome === 'provider_error' || (r.status ?? 0) >= 500) return 0;
  if (r.status === null) return 1;
  if (r.status === 401 || r.outcome === 'reauth_required') return 2;
  if (r.status === 429 || r.outcome === 'rate_limited') return 3;
  return 4;
}

function headline(input: TicketInput): string {
  const subject = input.focus ?? byKind(input.failures)[0]?.example ?? null;
  if (!subject)
    return `Question about ${input.connections.length === 1 ? `connection ${input.connections[0]!.connection_id}` : 'our Finch calls'}`;
  return `${code(subject)} on ${subject.method} ${subject.path.split('?')[0]}`;
}

/** Failures grouped by kind, worst first (then the most frequent, then the latest). */
function byKind(failures: BundleRequest[]): { key: string; count: number; first: string; last: string; example: BundleRequest }[] {
  const groups = new Map<string, { key: string; count: number; first: string; last: string; example: BundleRequest }>();
  for (const f of failures) {
    const key = `${code(f)} on ${f.method} ${f.path.split('?')[0]}`;
    const group = groups.get(key);
    if (group) {
      group.count++;
      group.last = f.time;
    } else groups.set(key, { key, count: 1, first: f.time, last: f.time, example: f });
  }
  return [...groups.values()].sort(
    (a, b) => severity(a.example) - severity(b.example) || b.count - a.count || b.last.localeCompare(a.last),
  );
}

function whatHappened(input: TicketInput): string[] {
  const lines: string[] = [];
  const { focus } = input;
  if (focus) {
    const attempts = input.requests.filter((r) => r.call_id === focus.call_id);
    lines.push(
      `On ${focus.time}, \`${focus.method} ${focus.path}\` answered **${code(focus)}** (attempt ${focus.attempt}, Finch-Request-ID \`${focus.request_id ?? 'none: no response'}\`${focus.connection_id ? `, connection \`${focus.connection_id}\`` : ''}).`,
    );
    if (focus.message) lines.push(`Finch's message: “${focus.message}”.`);
    if (attempts.length > 1) {
      lines.push(
        `The call made ${attempts.length} attempts: ${attempts.map((a) => `${a.status ?? 'no response'} (\`${a.request_id ?? 'no id'}\`)`).join(' → ')}.`,
      );
    }
    lines.push('');
  }
  if (input.failures.length === 0) {
    lines.push('No attempt failed in this window; the attempts are attached for reference.');
    return lines;
  }
  lines.push(
    `${input.failures.length} failed attempt${input.failures.length === 1 ? '' : 's'} between ${iso(input.from)} and ${iso(input.to)}, by kind, worst first:`,
    '',
  );
  for (const group of byKind(input.failures).slice(0, 12)) {
    lines.push(`- ${group.key} × ${group.count} (first ${group.first}${group.count > 1 ? `, last ${group.last}` : ''})`);
  }
  return lines;
}

export function buildTicket(input: TicketInput): string {
  const connections = input.connections.length
    ? input.connections.map(
        (c) =>
          `\`${c.connection_id}\`: company_id \`${c.company_id ?? 'unknown'}\`, provider ${c.provider ?? 'unknown'}, products ${c.products.join(', ') || 'none'}; status ${c.status}`,
      )
    : ['none (application-level calls only)'];
  const failures = input.failures.slice(-TICKET_ROWS);
  const lines = [
    `# Finch support request: ${headline(input)}`,
    '',
    `- **Environment:** ${input.environmentKind}${input.clientIdHint ? ` (client_id ${input.clientIdHint})` : ''}`,
    `- **Time window (UTC):** ${iso(input.from)} → ${iso(input.to)}`,
    ...(connections.length === 1 ? [`- **Connection:** ${connections[0]}`] : ['- **Connections:**', ...connections.map((c) => `  - ${c}`)]),
    `- **Sent from:** ${input.appLine}`,
    '',
    '## What happened',
    '',
    ...whatHappened(input),
    '',
    '## Request IDs of the failures',
    '',
  ];
  if (failures.length === 0) lines.push('None failed.');
  else {
    lines.push(
      '| Time (UTC) | Request | Status | finch_code | Finch-Request-ID | Attempt | Connection |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const f of failures) {
      lines.push(
        `| ${cell(f.time)} | ${cell(`${f.method} ${f.path}`)} | ${cell(isBatchItemFailure(f) ? `${f.status ?? '—'}, item errors: ${code(f)}` : (f.status ?? 'no response'))} | ${cell(f.finch_code ?? f.error_name)} | ${cell(f.request_id)} | ${f.attempt} | ${cell(f.connection_id)} |`,
      );
    }
    if (input.failures.length > failures.length)
      lines.push('', `…and ${input.failures.length - failures.length} earlier failures: see requests.csv.`);
  }
  lines.push(
    '',
    '## What we expected',
    '',
    '_Describe what you expected to happen and what you have tried._',
    '',
    '## Attached',
    '',
    `- requests.csv and requests.json: ${input.requests.length} attempt${input.requests.length === 1 ? '' : 's'} (time, method, path, status, attempt, Finch-Request-ID, finch_code, duration)${input.omittedRequests ? `; ${input.omittedRequests} older attempts left out` : ''}`,
    '- connections.json: connection_id, company_id, provider, products, client_type, connection_type, statuses',
    '- events.json: connect, reauth, disconnect and status events',
    '- manifest.json: app version, OS, environment kind, client_id hint, what was redacted',
    '',
    'Access tokens, client secrets, authorization headers and employees’ personal data were removed before export.',
    '',
  );
  return lines.join('\n');
}
