/**
 * Watches every `finch-auth-message-v2` message this window receives, whatever its origin,
 * and reports kind and origin to main's Connect trace (codes masked). Seeing a message from
 * an origin react-connect ignores is exactly the bug engineers lose hours to.
 */
import { workbench } from '../workbench';
import { connectBus } from './connect-bus';

function mask(code: unknown): string {
  return typeof code === 'string' && code.length > 8 ? `code ${code.slice(0, 4)}…${code.slice(-2)}` : 'code (masked)';
}

export function traceFrameMessages(): () => void {
  const onMessage = (event: MessageEvent): void => {
    const data = event.data as { name?: unknown; kind?: unknown; code?: unknown; state?: unknown; error?: { message?: unknown } } | null;
    if (!data || data.name !== 'finch-auth-message-v2') return;
    const state = connectBus.currentState() ?? (typeof data.state === 'string' ? data.state : null);
    if (!state) return;
    const kind = data.kind === 'success' || data.kind === 'error' || data.kind === 'closed' ? data.kind : 'other';
    const detail =
      kind === 'success'
        ? `${mask(data.code)}, state ${data.state === state ? 'matches' : 'DOES NOT match'}`
        : kind === 'error' && typeof data.error?.message === 'string'
          ? data.error.message.slice(0, 200)
          : undefined;
    connectBus.traced(workbench().diagnostics.traceConnectMessage({ state, kind, origin: event.origin, ...(detail ? { detail } : {}) }));
  };
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
}
