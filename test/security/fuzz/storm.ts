/**
 * The storm: every channel × PER_CHANNEL payloads, shuffled into one sequence (so channels
 * interleave and act on each other's state), dispatched one at a time so each Finch call
 * can be put down to the channel that made it. Collects what breaks the rules instead of
 * stopping at the first problem, plus per-channel counts for the report.
 */
import type { ChannelEntry, Result } from '@shared/ipc/contract-kit';
import type { SenderInfo } from '@main/platform/ipc/guard';
import type { PayloadClass } from './payloads';
import { PayloadMaker } from './payloads';
import type { IdPools } from './pools';
import { replyProblems } from './reply-check';
import type { Rng } from './rng';
import { accepts } from './schema-walk';

export interface StormOptions {
  channels: ChannelEntry[];
  perChannel: number;
  /** Dispatches per channel that may reach Finch with a payload the schema accepts. */
  finchBudget: number;
  /** Share of calls sent as a caller that is not our window. */
  strangerShare: number;
  strangers: SenderInfo[];
  trusted: SenderInfo;
  rng: Rng;
  pools: IdPools;
  call(channel: string, payload: unknown, sender: SenderInfo): Promise<Result<unknown>>;
  /** Requests that left for Finch so far (simulator or fenced). */
  finchRequests(): number;
}

export interface ChannelStats {
  sent: number;
  schemaInvalid: number;
  ok: number;
  finch: number;
  kinds: Record<string, number>;
  classes: Partial<Record<PayloadClass, number>>;
}

export interface StormResult {
  stats: Map<string, ChannelStats>;
  violations: string[];
  /** `channel: message` of every `internal` reply. */
  internalReplies: string[];
}

export async function runStorm(o: StormOptions): Promise<StormResult> {
  const maker = new PayloadMaker(o.rng, o.pools);
  const stats = new Map<string, ChannelStats>(
    o.channels.map((c) => [c.channel, { sent: 0, schemaInvalid: 0, ok: 0, finch: 0, kinds: {}, classes: {} }]),
  );
  const violations: string[] = [];
  const internalReplies: string[] = [];
  const tickets = o.rng.shuffle(o.channels.flatMap((c) => Array.from({ length: o.perChannel }, () => c)));

  for (const { channel, spec } of tickets) {
    const s = stats.get(channel)!;
    const budgetLeft = s.finch < o.finchBudget;
    let kind = maker.drawClass(budgetLeft);
    let payload = maker.make(spec.input, kind);
    // Out of Finch budget: a payload the schema accepts could reach Finch again, so draw another.
    for (let i = 0; !budgetLeft && i < 20 && accepts(spec.input, payload.value); i++) {
      kind = maker.drawClass(false);
      payload = maker.make(spec.input, kind);
    }
    const invalid = !accepts(spec.input, payload.value);
    const stranger = o.rng.chance(o.strangerShare) ? o.rng.pick(o.strangers) : null;
    const label = `${channel} [${kind}${invalid ? ', invalid' : ''}${stranger ? ', untrusted sender' : ''}]`;
    const before = o.finchRequests();
    let reply: Result<unknown>;
    try {
      reply = await o.call(channel, payload.value, stranger ?? o.trusted);
    } catch (error) {
      violations.push(`${label} dispatch failed: ${(error as Error).message}`);
      continue;
    }
    if (o.finchRequests() > before) s.finch += 1;
    // Whatever a stranger sends is refused before validation; only our window's calls are checked against the schema.
    for (const problem of replyProblems(reply, invalid && !stranger)) violations.push(`${label} ${problem}`);
    if (stranger && (reply.ok || reply.error.kind !== 'forbidden'))
      violations.push(`${label} answered ${reply.ok ? 'ok' : reply.error.kind}, not forbidden`);
    if (reply.ok) o.pools.learn(reply.value);
    else if (reply.error.kind === 'internal') internalReplies.push(`${channel}: ${reply.error.message}`);

    s.sent += 1;
    s.schemaInvalid += invalid ? 1 : 0;
    s.ok += reply.ok ? 1 : 0;
    if (!reply.ok) s.kinds[reply.error.kind] = (s.kinds[reply.error.kind] ?? 0) + 1;
    s.classes[kind] = (s.classes[kind] ?? 0) + 1;
  }
  return { stats, violations, internalReplies };
}

export function formatStats(result: StormResult): string {
  return [...result.stats.entries()]
    .map(
      ([channel, s]) =>
        `${channel.padEnd(34)} sent ${s.sent}  schema-invalid ${s.schemaInvalid}  ok ${s.ok}  reached Finch ${s.finch}  errors ${JSON.stringify(s.kinds)}`,
    )
    .join('\n');
}
