/**
 * One Connect attempt from the renderer's side: main creates the session, the host opens
 * Connect, and the code goes straight back to main. The renderer never sees a token.
 */
import { useState } from 'react';
import type { ConnectSession, ConnectSessionInput } from '@shared/domain/connect';
import type { ConnectionView } from '@shared/domain/connection';
import { connectBus } from '@renderer/connect/connect-bus';
import { toFailure } from '@renderer/components/data/failure';
import { isArmingRefusal, useOnArmed } from '@renderer/components/useArmedRefusal';
import { unwrap, workbench } from '@renderer/workbench';

export type AttemptStatus =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'open'; warnings: string[]; lastError: string | null }
  | { phase: 'exchanging' }
  | { phase: 'connected'; connection: ConnectionView }
  | { phase: 'redirected'; message: string }
  /** `refused`: a disarmed Production environment refused to start it (cleared once armed). */
  | { phase: 'failed'; message: string; requestId?: string; refused?: boolean }
  | { phase: 'closed' };

export function useConnectAttempt(): {
  status: AttemptStatus;
  start: (input: ConnectSessionInput) => Promise<void>;
  reconnect: (connectionId: string) => Promise<void>;
  startRedirect: (input: ConnectSessionInput) => Promise<void>;
} {
  const [status, setStatus] = useState<AttemptStatus>({ phase: 'idle' });
  // "Disarmed: … refused" stops being true the moment the user arms Production.
  useOnArmed(() => setStatus((s) => (s.phase === 'failed' && s.refused ? { phase: 'idle' } : s)));

  const start = (input: ConnectSessionInput) => run(() => unwrap(workbench().connect.start(input)));
  const reconnect = (connectionId: string) => run(() => unwrap(workbench().connect.startReauth({ connectionId })));

  const run = async (createSession: () => Promise<ConnectSession>): Promise<void> => {
    setStatus({ phase: 'starting' });
    let session: ConnectSession;
    try {
      session = await createSession();
    } catch (error) {
      const failure = toFailure(error);
      setStatus({ phase: 'failed', message: failure.message, refused: isArmingRefusal(failure) });
      return;
    }
    setStatus({ phase: 'open', warnings: session.warnings, lastError: null });
    const outcome = await connectBus.open({
      sessionId: session.sessionId,
      state: session.state,
      connectUrl: session.connectUrl,
      onError: (message, errorType) => {
        setStatus({ phase: 'open', warnings: session.warnings, lastError: message });
        // After the frame's message reaches the trace, so the timeline reads in order.
        void connectBus
          .traceFlushed()
          .then(() => workbench().connect.report({ state: session.state, kind: 'error', message, ...(errorType ? { errorType } : {}) }));
      },
    });
    if (outcome.kind === 'success') {
      setStatus({ phase: 'exchanging' });
      await connectBus.traceFlushed();
      const result = await workbench().connect.complete({ code: outcome.code, state: outcome.state ?? '' });
      setStatus(
        result.ok
          ? { phase: 'connected', connection: result.value }
          : { phase: 'failed', message: result.error.message, ...(result.error.requestId ? { requestId: result.error.requestId } : {}) },
      );
    } else if (outcome.kind === 'error') {
      await workbench().connect.report({
        state: session.state,
        kind: 'error',
        message: outcome.message,
        ...(outcome.errorType ? { errorType: outcome.errorType } : {}),
      });
      setStatus({ phase: 'failed', message: `Connect reported an error: ${outcome.message}` });
    } else {
      await workbench().connect.report({ state: session.state, kind: 'closed' });
      setStatus({ phase: 'closed' });
    }
  };

  /** Redirect flow: Connect runs in its own window and comes back to a redirect URI main watches. */
  const startRedirect = async (input: ConnectSessionInput): Promise<void> => {
    setStatus({ phase: 'starting' });
    let session;
    try {
      session = await unwrap(workbench().connect.startRedirect(input));
    } catch (error) {
      const failure = toFailure(error);
      setStatus({ phase: 'failed', message: failure.message, refused: isArmingRefusal(failure) });
      return;
    }
    setStatus({ phase: 'open', warnings: session.warnings, lastError: null });
    const finished = new Promise<{ ok: boolean; message: string }>((resolve) => {
      const off = workbench().connect.onRedirectFinished((event) => {
        if (event.state !== session.state) return;
        off();
        resolve(event);
      });
    });
    if (session.launchUrl) window.open(session.launchUrl, 'finch-connect-redirect', 'popup,width=520,height=760');
    const result = await finished;
    setStatus(result.ok ? { phase: 'redirected', message: result.message } : { phase: 'failed', message: result.message });
  };

  return { status, start, reconnect, startRedirect };
}
