/**
 * The `diagnostics` channels. Messages the Connect frame posted are recorded by the attempt they
 * belong to, which the Connect flow keeps: it reaches this feature as a port, not an import.
 */
import type { HandlerMap } from '@shared/contract';
import type { ConnectMessageTracer } from '@main/platform/connect-traces/connect-trace';
import type { DiagnosticsService } from './diagnostics-service';

export function buildDiagnosticsHandlers(d: {
  diagnostics: DiagnosticsService;
  tracer: ConnectMessageTracer;
  activeId: () => string;
}): HandlerMap['diagnostics'] {
  const { diagnostics, tracer, activeId } = d;
  return {
    explainRequest: ({ id }) => diagnostics.explainRequest(activeId(), id),
    explainRequestId: ({ requestId }) => diagnostics.explainRequestId(activeId(), requestId),
    connectTraces: () => diagnostics.connectTraces(activeId()),
    traceConnectMessage: ({ state, kind, origin, detail }) => (tracer.traceMessage(activeId(), state, kind, origin, detail), null),
    healthCheck: ({ connectionId }) => diagnostics.healthCheck(activeId(), connectionId),
  };
}
