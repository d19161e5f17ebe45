/**
 * Security, storage and testing items: the vault's backend, company_id per token, request IDs
 * in the log, Finch Sandbox and provider sandbox tests, and test connections cleaned up.
 */
import type { EvidenceContext, Verdict } from './evidence-context';
import { day, evidence, isFinchKind, parseList, plural } from './evidence-context';
import type { ConnectionFactRow } from './evidence-queries';

export function secretsEncrypted(ctx: EvidenceContext): Verdict {
  const { secretStorage: s, secretCounts: n } = ctx;
  const held = `${plural(n.clientSecrets, 'client secret')} and ${plural(n.accessTokens, 'access token')} held`;
  const boundary = evidence(
    ctx,
    'Only main decrypts a secret, to make a Finch call; the window sees hasSecret and a client_id hint, never a value.',
    null,
  );
  if (s.mode === 'persistent') {
    return {
      status: 'pass',
      summary: `Stored as ciphertext by ${s.backend}.`,
      evidence: [evidence(ctx, `${held}, encrypted with ${s.backend}. ${s.detail}`, null), boundary],
      next: null,
    };
  }
  return {
    status: 'not_yet',
    summary: `OS secret storage is unavailable (${s.backend}): secrets stay in memory for this session and are never written in plaintext.`,
    evidence: [evidence(ctx, `${held} in memory only. ${s.detail}`, null), boundary],
    next: 'Run the desktop app with an unlocked keyring (Keychain, DPAPI, GNOME Keyring or KWallet) so secrets persist encrypted.',
  };
}

export function companyId(ctx: EvidenceContext): Verdict {
  const live = ctx.q.connections().filter((c) => c.disconnectedAt === null);
  if (live.length === 0)
    return {
      status: 'not_yet',
      summary: 'No live connection yet.',
      evidence: [],
      next: 'Make a connection; its company_id is stored from /introspect.',
    };
  const missing = live.filter((c) => !c.companyId);
  if (missing.length > 0) {
    return {
      status: 'fail',
      summary: `${plural(missing.length, 'connection')} stored without a company_id.`,
      evidence: missing
        .slice(0, 5)
        .map((c) =>
          evidence(ctx, `Connection ${c.id} (${c.providerId ?? 'unknown provider'}) has no company_id`, c.createdAt, [], c.environmentId),
        ),
      next: 'Reconnect or re-import these tokens: /introspect must return the company_id to keep with the token.',
    };
  }
  return {
    status: 'pass',
    summary: `All ${plural(live.length, 'live connection')} carry their company_id.`,
    evidence: live
      .slice(-3)
      .reverse()
      .map((c) =>
        evidence(
          ctx,
          `Connection ${c.id} → company_id ${c.companyId} (${c.providerId ?? 'unknown provider'})`,
          c.createdAt,
          [],
          c.environmentId,
        ),
      ),
    next: null,
  };
}

export function requestIds(ctx: EvidenceContext): Verdict {
  const total = ctx.q.totalAttempts();
  if (total === 0)
    return {
      status: 'not_yet',
      summary: 'Nothing logged yet.',
      evidence: [],
      next: 'Make any Finch call; every attempt is logged with its Finch-Request-ID.',
    };
  const missing = ctx.q.missingRequestIds();
  if (missing.count > 0) {
    return {
      status: 'fail',
      summary: `${plural(missing.count, 'response')} arrived without a Finch-Request-ID.`,
      evidence: missing.examples.map((a) =>
        evidence(ctx, `${a.path.split('?')[0]} → ${a.status} without Finch-Request-ID`, a.time, [], a.environmentId),
      ),
      next: 'Something between the app and Finch strips headers (a proxy, or an API base URL that is not Finch): fix it so support can trace each call.',
    };
  }
  const newest = ctx.q.newestWithRequestId();
  return {
    status: 'pass',
    summary: `${plural(total, 'attempt')} logged, each response with its Finch-Request-ID.`,
    evidence: newest
      ? [
          evidence(
            ctx,
            `Latest: ${newest.path.split('?')[0]} → ${newest.status ?? 'no response'}`,
            newest.time,
            [newest.requestId],
            newest.environmentId,
          ),
        ]
      : [],
    next: null,
  };
}

/** The newest good and bad /employer reads of some connections, per environment. */
function reads(ctx: EvidenceContext, connections: ConnectionFactRow[]) {
  const byEnv = new Map<string, string[]>();
  for (const c of connections) byEnv.set(c.environmentId, [...(byEnv.get(c.environmentId) ?? []), c.id]);
  const newest = (ok: boolean) =>
    [...byEnv.entries()]
      .map(([env, ids]) => ctx.q.newestRead(env, ids, ok))
      .filter((r) => r !== undefined)
      .sort((a, b) => b.time - a.time)[0];
  return { ok: newest(true), failed: newest(false) };
}

function testedVerdict(
  ctx: EvidenceContext,
  what: string,
  connections: ConnectionFactRow[],
  next: string,
  simulatorNote: string | null,
): Verdict {
  const simulatorLine = simulatorNote ? [evidence(ctx, simulatorNote, null)] : [];
  if (connections.length === 0) return { status: 'not_yet', summary: `No ${what} connection yet.`, evidence: simulatorLine, next };
  const { ok, failed } = reads(ctx, connections);
  if (ok) {
    return {
      status: 'pass',
      summary: `Data read from ${plural(connections.length, `${what} connection`)}.`,
      evidence: [
        evidence(ctx, `Last good read: ${ok.path.split('?')[0]} on ${ok.connectionId}`, ok.time, [ok.requestId], ok.environmentId),
      ],
      next: null,
    };
  }
  if (failed) {
    return {
      status: 'fail',
      summary: `Reads from ${what} connections failed and none succeeded.`,
      evidence: [
        evidence(
          ctx,
          `Last failed read: ${failed.path.split('?')[0]} → ${failed.status ?? 'no response'} ${failed.finchCode ?? ''}`,
          failed.time,
          [failed.requestId],
          failed.environmentId,
        ),
      ],
      next: 'Open the failed attempt in the Request log for its explanation, fix the cause, and read again.',
    };
  }
  return {
    status: 'not_yet',
    summary: `${plural(connections.length, `${what} connection`)}, but no data read yet.`,
    evidence: simulatorLine,
    next: 'Open one in the Explorer and read its company and directory.',
  };
}

function envKind(ctx: EvidenceContext, id: string) {
  return ctx.environments.find((e) => e.id === id)?.kind ?? null;
}

export function finchSandbox(ctx: EvidenceContext): Verdict {
  const all = ctx.q.connections();
  const sandbox = all.filter((c) => envKind(ctx, c.environmentId) === 'sandbox' && c.connectionType !== 'provider');
  const local = all.filter((c) => envKind(ctx, c.environmentId) === 'local-simulator');
  const localOk = local.length > 0 ? reads(ctx, local).ok : undefined;
  const note = localOk
    ? `The Local simulator was exercised (last good read ${day(localOk.time)}); it mimics Finch but does not replace Finch Sandbox.`
    : null;
  return testedVerdict(
    ctx,
    'Finch Sandbox',
    sandbox,
    'Add a Sandbox environment with your sandbox credentials, create a sandbox connection, and read its data.',
    note,
  );
}

export function providerSandbox(ctx: EvidenceContext): Verdict {
  const connections = ctx.q.connections().filter((c) => {
    const kind = envKind(ctx, c.environmentId);
    return (kind === 'sandbox' && c.connectionType === 'provider') || kind === 'development';
  });
  return testedVerdict(
    ctx,
    'provider sandbox or demo',
    connections,
    'Connect a provider’s demo account (e.g. BambooHR) through Connect with sandbox “provider”, or in a Development environment.',
    null,
  );
}

export function disconnectTest(ctx: EvidenceContext): Verdict {
  const test = ctx.q.connections().filter((c) => {
    const kind = envKind(ctx, c.environmentId);
    return kind !== null && isFinchKind(kind) && kind !== 'production';
  });
  if (test.length === 0)
    return {
      status: 'not_yet',
      summary: 'No test connection in a Sandbox or Development environment yet.',
      evidence: [],
      next: 'Test first (Finch Sandbox, provider sandbox); then disconnect what you no longer need.',
    };
  const live = test.filter((c) => c.disconnectedAt === null);
  if (live.length > 0) {
    return {
      status: 'not_yet',
      summary: `${plural(live.length, 'test connection')} still connected.`,
      evidence: live
        .slice(0, 5)
        .map((c) =>
          evidence(
            ctx,
            `Connection ${c.id} (${c.providerId ?? 'unknown provider'}, ${c.connectionType ?? 'unknown type'}) is still connected`,
            c.createdAt,
            [],
            c.environmentId,
          ),
        ),
      next: 'Before going live, disconnect them (Connections → Disconnect all sandbox connections): Provider Sandboxes allow 5 active connections, and Development connections must be made again in Production.',
    };
  }
  const ids = new Set(test.map((c) => c.id));
  const events = ctx.q.disconnects().filter((e) => e.connectionId && ids.has(e.connectionId));
  const last = events[0];
  return {
    status: 'pass',
    summary: `All ${plural(test.length, 'test connection')} disconnected.`,
    evidence: last
      ? [
          evidence(
            ctx,
            `${plural(events.length, 'disconnect')} recorded; last: ${last.connectionId}`,
            last.time,
            parseList(last.requestIds),
            last.environmentId,
          ),
        ]
      : [],
    next: null,
  };
}
