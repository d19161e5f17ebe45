/**
 * The files of a support bundle, built from raw selection rows through the redactor: every
 * value that leaves passes through it (ids and codes through its exact-match layer, paths
 * through its path rule, free text and event details through all of it).
 */
import type { BundleRequest, BundleSelection } from '@shared/domain/support';
import type { Redactor } from '@main/platform/redaction';
import type { BundleAttempt, ConnectionMetaRow, EventRow, SelectionRows } from './bundle-query';
import { isFailure } from './bundle-query';
import { toCsv } from './csv';
import { buildTicket } from './ticket';
import type { TicketConnection } from './ticket';

export interface BundleContext {
  selection: BundleSelection;
  environment: { kind: string; clientIdHint: string | null };
  app: { name: string; version: string; runtime: string; platform: string };
  createdAt: number;
  statusHistory: EventRow[];
}

export interface BundleFile {
  name: string;
  description: string;
  bytes: Uint8Array;
}

export interface BundleContent {
  files: BundleFile[];
  requests: BundleRequest[];
  focus: BundleRequest | null;
  failures: number;
  events: number;
  connections: number;
  omitted: number;
  ticket: string;
  manifest: string;
}

const CSV_HEADER = [
  'time',
  'method',
  'path',
  'status',
  'attempt',
  'request_id',
  'finch_code',
  'duration_ms',
  'connection_id',
  'outcome',
  'error_name',
  'message',
  'call_id',
] as const;

const iso = (ms: number): string => new Date(ms).toISOString();
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
};
const orNull = <T>(value: T | null, map: (v: T) => string): string | null => (value === null ? null : map(value));

function requestRow(r: BundleAttempt, redact: Redactor): BundleRequest {
  const known = (v: string) => redact.known(v);
  return {
    time: iso(r.time),
    method: r.method,
    path: redact.path(r.path),
    status: r.status,
    attempt: r.attempt,
    request_id: orNull(r.requestId, known),
    finch_code: orNull(r.finchCode, known),
    duration_ms: Math.round(r.durationMs * 10) / 10,
    connection_id: orNull(r.connectionId, known),
    outcome: r.outcome,
    error_name: orNull(r.errorName, (v) => redact.text(v)),
    message: orNull(r.message, (v) => redact.text(v)),
    call_id: known(r.callId),
  };
}

function connectionRecord(c: ConnectionMetaRow, history: EventRow[], redact: Redactor) {
  const products = parseJson(c.products);
  return {
    connection_id: redact.known(c.id),
    company_id: orNull(c.companyId, (v) => redact.known(v)),
    provider: c.providerId,
    products: Array.isArray(products) ? products.filter((p): p is string => typeof p === 'string') : [],
    client_type: c.clientType,
    connection_type: c.connectionType,
    status: c.status,
    status_detail: orNull(c.statusDetail, (v) => redact.text(v)),
    last_successful_sync: c.lastSuccessfulSync,
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
    disconnected_at: c.disconnectedAt === null ? null : iso(c.disconnectedAt),
    status_history: history
      .filter((e) => e.connectionId === c.id)
      .map((e) => {
        const detail = parseJson(e.detail) as { status?: unknown } | null;
        return {
          time: iso(e.time),
          event: e.type,
          status: typeof detail?.status === 'string' ? detail.status : null,
          request_ids: requestIdsOf(e, redact),
        };
      }),
  };
}

function requestIdsOf(e: EventRow, redact: Redactor): string[] {
  const ids = parseJson(e.requestIds);
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string').map((id) => redact.known(id)) : [];
}

const encoder = new TextEncoder();
const file = (name: string, description: string, text: string): BundleFile => ({ name, description, bytes: encoder.encode(text) });

export function buildBundleContent(rows: SelectionRows, context: BundleContext, redact: Redactor): BundleContent {
  const requests = rows.requests.map((r) => requestRow(r, redact));
  const failures = requests.filter((r) => isFailure(r.outcome));
  const focusIndex = context.selection.focusId === undefined ? -1 : rows.requests.findIndex((r) => r.id === context.selection.focusId);
  const focus = focusIndex < 0 ? null : requests[focusIndex]!;
  const connections = rows.connections.map((c) => connectionRecord(c, context.statusHistory, redact));
  const events = rows.events.map((e) => ({
    time: iso(e.time),
    type: e.type,
    connection_id: orNull(e.connectionId, (v) => redact.known(v)),
    detail: redact.value(parseJson(e.detail) ?? {}),
    request_ids: requestIdsOf(e, redact),
  }));
  const appLine = `${context.app.name} ${context.app.version} (${context.app.runtime}) on ${context.app.platform}`;
  const ticket = buildTicket({
    environmentKind: context.environment.kind,
    clientIdHint: context.environment.clientIdHint,
    appLine,
    from: context.selection.from,
    to: context.selection.to,
    requests,
    failures,
    focus,
    connections: connections.map((c): TicketConnection => ({
      connection_id: c.connection_id,
      company_id: c.company_id,
      provider: c.provider,
      products: c.products,
      status: c.status,
    })),
    omittedRequests: rows.omitted,
  });
  const csv = toCsv(
    CSV_HEADER,
    requests.map((r) => CSV_HEADER.map((k) => r[k])),
  );
  const files = [
    file('ticket.md', 'Ticket text to paste: what happened, when, request IDs', ticket),
    file('requests.csv', `${requests.length} attempts: time, method, path, status, attempt, request ID, finch_code, duration`, csv),
    // One attempt per line: readable, greppable, and half the size of indented JSON.
    file('requests.json', 'The same attempts as JSON', `[\n${requests.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`),
    file(
      'connections.json',
      'connection_id, company_id, provider, products, client_type, connection_type, statuses',
      `${JSON.stringify(connections, null, 2)}\n`,
    ),
    file('events.json', `${events.length} connect, reauth, disconnect and status events`, `${JSON.stringify(events, null, 2)}\n`),
  ];
  const manifest = JSON.stringify(
    {
      format: 'finch-workbench/support-bundle',
      version: 1,
      created_at: iso(context.createdAt),
      app: { name: context.app.name, version: context.app.version, runtime: context.app.runtime },
      os: context.app.platform,
      environment: { kind: context.environment.kind, client_id_hint: context.environment.clientIdHint },
      selection: {
        from: iso(context.selection.from),
        to: iso(context.selection.to),
        failed_only: context.selection.failedOnly,
        connection_ids: context.selection.connectionIds.map((id) => redact.known(id)),
        application_level_calls: context.selection.includeUnscoped,
        focus_request_id: focus?.request_id ?? null,
      },
      counts: {
        requests: requests.length,
        failed: failures.length,
        events: events.length,
        connections: connections.length,
        omitted_requests: rows.omitted,
      },
      files: files.map((f) => ({ name: f.name, bytes: f.bytes.byteLength })),
      redaction: {
        removed: redact.tally(),
        policy:
          'Access tokens, client secrets, authorization headers and personal data (names, emails, SSNs, dates of birth, addresses, pay amounts) are removed; a final scan of the archive refuses to write if any known secret remains in any encoding.',
      },
    },
    null,
    2,
  );
  files.unshift(file('manifest.json', 'App version, OS, environment kind, client_id hint, what was redacted', `${manifest}\n`));
  return {
    files,
    requests,
    focus,
    failures: failures.length,
    events: events.length,
    connections: connections.length,
    omitted: rows.omitted,
    ticket,
    manifest,
  };
}
