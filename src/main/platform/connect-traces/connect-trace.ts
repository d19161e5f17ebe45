/**
 * A timeline per Connect attempt: the session's parameters, every message the Connect frame
 * posted (kind, origin, time; codes masked), the code exchange and its outcome. Kept in memory
 * for the session (the events table keeps the durable record).
 */
import type { ConnectTrace } from '@shared/domain/diagnostics';
import { explain } from '../explainer/explainer';
import type { Observed } from '../explainer/explainer';

type Item = ConnectTrace['items'][number];

interface TraceRecord extends Omit<ConnectTrace, 'explanation'> {
  environmentId: string;
  failure: Observed | null;
}

const MAX_TRACES = 50;

export class ConnectTraces {
  private readonly traces = new Map<string, TraceRecord>();

  constructor(private readonly now: () => number = Date.now) {}

  begin(
    state: string,
    environmentId: string,
    info: Pick<ConnectTrace, 'customerName' | 'flow' | 'params'>,
    requestId: string | null,
  ): void {
    if (this.traces.size >= MAX_TRACES) this.traces.delete(this.traces.keys().next().value as string);
    const params = info.params;
    this.traces.set(state, {
      id: state.slice(0, 8),
      environmentId,
      startedAt: this.now(),
      customerName: info.customerName,
      flow: info.flow,
      params,
      outcome: 'open',
      failure: null,
      items: [
        {
          time: this.now(),
          kind: 'session',
          requestId,
          summary: `Session created: products ${params.products.join(', ')}${params.sandbox ? `, sandbox ${params.sandbox}` : ''}${
            params.redirectUri ? `, redirect_uri ${params.redirectUri}` : ', embedded (no redirect_uri)'
          }${params.providerId ? `, provider ${params.providerId}` : ''}`,
        },
      ],
    });
  }

  add(state: string, item: Omit<Item, 'time'>): void {
    this.traces.get(state)?.items.push({ time: this.now(), ...item });
  }

  finish(state: string, outcome: 'connected' | 'failed' | 'closed', failure: Observed | null = null): void {
    const trace = this.traces.get(state);
    if (!trace) return;
    // Closing Connect after an error it showed (the frame stays open for a retry) ends a failed
    // attempt: the error, not the close, is what explains it.
    if (outcome === 'closed' && trace.outcome === 'failed') return;
    trace.outcome = outcome;
    trace.failure = failure;
  }

  list(environmentId: string): ConnectTrace[] {
    return [...this.traces.values()]
      .filter((t) => t.environmentId === environmentId)
      .reverse()
      .map(({ environmentId: _e, failure, ...trace }) => ({
        ...trace,
        items: [...trace.items],
        explanation: failure ? explain(withSessionId(failure, trace.items)) : null,
      }));
  }
}

/** A failure inside Connect has no request of its own: the session's request id is the one to quote. */
function withSessionId(failure: Observed, items: Item[]): Observed {
  if ((failure.requestIds ?? []).some((id) => id)) return failure;
  const session = items.find((i) => i.kind === 'session')?.requestId ?? null;
  return session ? { ...failure, requestIds: [session] } : failure;
}

/** Records a message the Connect frame posted against the attempt it belongs to (the Connect flow implements it). */
export interface ConnectMessageTracer {
  traceMessage(environmentId: string, state: string, kind: string, origin: string, detail?: string): void;
}
