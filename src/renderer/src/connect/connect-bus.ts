/**
 * The one channel between the app and the single Connect host. react-connect 5 captures its
 * callbacks and `apiConfig` when the hook mounts and must be mounted only once, so the host's
 * callbacks are fixed and route each result to whichever attempt is open; `apiConfig` is one
 * stable object whose `connectUrl` is set per attempt (react-connect reads it at open time
 * and when checking a message's origin).
 */
export type ConnectOutcome =
  | { kind: 'success'; code: string; state: string | undefined }
  | { kind: 'error'; message: string; errorType?: string }
  | { kind: 'closed' };

type Opener = (sessionId: string, state: string) => void;

export const connectApiConfig = { connectUrl: 'https://connect.tryfinch.com' };

let opener: Opener | null = null;
let openState: string | null = null;
let lastTrace: Promise<unknown> = Promise.resolve();
let pending: ((outcome: ConnectOutcome) => void) | null = null;
let errorListener: ((outcome: ConnectOutcome & { kind: 'error' }) => void) | null = null;

export const connectBus = {
  /** Called by the host when it has mounted. */
  register(open: Opener): () => void {
    opener = open;
    return () => {
      if (opener === open) opener = null;
    };
  },
  /**
   * Opens Connect and resolves with how it ended. Errors that leave the frame open
   * (`shouldClose: false`) go to `onError` without ending the attempt.
   */
  open(args: {
    sessionId: string;
    state: string;
    connectUrl: string;
    onError?: (message: string, errorType?: string) => void;
  }): Promise<ConnectOutcome> {
    if (!opener) return Promise.resolve({ kind: 'error', message: 'The Connect host is not mounted.' });
    connectApiConfig.connectUrl = args.connectUrl;
    pending?.({ kind: 'closed' });
    openState = args.state;
    return new Promise((resolve) => {
      pending = resolve;
      // The error type (employer_connection_error, validation_error) is what diagnostics explain by.
      errorListener = (outcome) => args.onError?.(outcome.message, outcome.errorType);
      opener!(args.sessionId, args.state);
    });
  },
  /** Remembers the trace report of the latest frame message. */
  traced(report: Promise<unknown>): void {
    lastTrace = report;
  },
  /**
   * Resolves once every listener of the frame's last message has run and its trace report has
   * reached main, so the trace shows Connect's message before the exchange it triggered.
   */
  async traceFlushed(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await lastTrace.catch(() => undefined);
  },
  /** The state of the attempt Connect is open for, if any (for the message trace). */
  currentState(): string | null {
    return openState;
  },
  /** Called by the host's fixed callbacks. */
  settle(outcome: ConnectOutcome, frameClosed: boolean): void {
    if (outcome.kind === 'error' && !frameClosed) {
      errorListener?.(outcome);
      return;
    }
    const resolve = pending;
    pending = null;
    // Keep openState a moment: the trace listener runs after react-connect's handler.
    setTimeout(() => {
      if (pending === null) openState = null;
    }, 0);
    errorListener = null;
    resolve?.(outcome);
  },
};
