/**
 * Connect and back-end items: was Connect used (and which flow), did a customer get several
 * connections, and where was the code exchanged.
 */
import type { Evidence } from '@shared/domain/readiness';
import type { EvidenceContext, Verdict } from './evidence-context';
import { evidence, parseList, parseObject, plural } from './evidence-context';
import { column } from './evidence-queries';

type Flow = 'embedded' | 'redirect' | 'reauth';

export function connectFlow(ctx: EvidenceContext): Verdict {
  const events = ctx.q.connectEvents();
  const lastStart = new Map<string, Record<string, unknown>>();
  const successes: { flow: Flow; time: number; env: string; connectionId: string | null; requestIds: string[] }[] = [];
  const failures: typeof events = [];
  for (const e of events) {
    const key = `${e.environmentId}\u0000${e.customerId ?? ''}`;
    if (e.type === 'connect_started') lastStart.set(key, parseObject(e.detail));
    else if (e.type === 'connect_failed') failures.push(e);
    else if (e.type === 'connect_succeeded' || e.type === 'reauth_succeeded') {
      const started = lastStart.get(key);
      const flow: Flow = e.type === 'reauth_succeeded' ? 'reauth' : started?.['redirectUri'] ? 'redirect' : 'embedded';
      successes.push({ flow, time: e.time, env: e.environmentId, connectionId: e.connectionId, requestIds: parseList(e.requestIds) });
    }
  }
  const byFlow = (flow: Flow) => successes.filter((s) => s.flow === flow);
  const lines: Evidence[] = [];
  for (const flow of ['embedded', 'redirect', 'reauth'] as const) {
    const list = byFlow(flow);
    const last = list.at(-1);
    if (last) {
      lines.push(
        evidence(
          ctx,
          `${flow === 'reauth' ? 'Reauthentication through Connect' : `${flow[0]!.toUpperCase()}${flow.slice(1)} flow`}: ${plural(list.length, 'connection')} completed${last.connectionId ? `; last: connection ${last.connectionId}` : ''}`,
          last.time,
          last.requestIds,
          last.env,
        ),
      );
    }
  }
  if (successes.length > 0) {
    const missing = (['embedded', 'redirect'] as const).filter((f) => byFlow(f).length === 0);
    return {
      status: 'pass',
      summary: `Connect completed ${plural(successes.length, 'time')}; the code was exchanged in main each time.`,
      evidence: lines,
      next: missing.length === 1 ? `Optional: also try the ${missing[0]} flow if your product may use it.` : null,
    };
  }
  const lastFailure = failures.at(-1);
  if (lastFailure) {
    const detail = parseObject(lastFailure.detail);
    const message = typeof detail['message'] === 'string' ? ctx.text(detail['message']) : 'no message';
    return {
      status: 'fail',
      summary: `${plural(failures.length, 'Connect attempt')} failed and none completed.`,
      evidence: [
        evidence(
          ctx,
          `Last failure, at ${String(detail['stage'] ?? 'connect')}: ${message}`,
          lastFailure.time,
          parseList(lastFailure.requestIds),
          lastFailure.environmentId,
        ),
      ],
      next: 'Open Diagnostics → Connect traces for the failed attempt, fix the cause, and run Connect again.',
    };
  }
  return {
    status: 'not_yet',
    summary: 'No connection has been made through Finch Connect yet.',
    evidence: [],
    next: 'Run Finch Connect from Connections (embedded flow, and the redirect flow if you use it).',
  };
}

export function multipleConnections(ctx: EvidenceContext): Verdict {
  const groups = new Map<string, { env: string; customer: string; ids: string[]; providers: Set<string>; last: number }>();
  for (const c of ctx.q.connections()) {
    if (!c.customerId) continue;
    const key = `${c.environmentId}\u0000${c.customerId}`;
    const group = groups.get(key) ?? { env: c.environmentId, customer: c.customerId, ids: [], providers: new Set<string>(), last: 0 };
    group.ids.push(c.id);
    group.providers.add(c.providerId ?? 'unknown');
    group.last = Math.max(group.last, c.createdAt);
    groups.set(key, group);
  }
  const multi = [...groups.values()].filter((g) => g.ids.length >= 2).sort((a, b) => b.last - a.last);
  if (multi.length === 0) {
    return {
      status: 'not_yet',
      summary: 'No customer has more than one connection yet.',
      evidence: [],
      next: 'Connect a second provider for an existing customer (same customer_id) and check both stay apart.',
    };
  }
  return {
    status: 'pass',
    summary: `${plural(multi.length, 'customer')} with several connections.`,
    evidence: multi
      .slice(0, 5)
      .map((g) =>
        evidence(
          ctx,
          `Customer ${g.customer}: ${g.ids.length} connections (${[...g.providers].join(', ')}): ${g.ids.join(', ')}`,
          g.last,
          [],
          g.env,
        ),
      ),
    next: null,
  };
}

export function backendExchange(ctx: EvidenceContext): Verdict {
  const match = `${column('path', 'auth')} AND ${column('path', 'token')}`;
  const count = ctx.q.countMatching(match);
  const newest = ctx.q.matching(match, 1)[0];
  const design = evidence(
    ctx,
    'By design: the renderer only hands the code to main; main holds the client secret and calls POST /auth/token.',
    null,
  );
  return {
    status: 'pass',
    summary: count > 0 ? `${plural(count, 'code exchange')} made by main.` : 'Always in main; no code exchanged yet.',
    evidence: newest
      ? [
          design,
          evidence(
            ctx,
            `Last exchange: POST /auth/token → ${newest.status ?? 'no response'}`,
            newest.time,
            [newest.requestId],
            newest.environmentId,
          ),
        ]
      : [design],
    next: null,
  };
}
