/**
 * The single mount of react-connect's `useFinchConnect`, rendered in its own root outside
 * StrictMode (react-connect 5.0.0 loses its callbacks under StrictMode's double mount, and a
 * second hook would make every callback fire twice).
 */
import type { JSX } from 'react';
import { useEffect } from 'react';
import { useFinchConnect } from '@tryfinch/react-connect/react';
import { connectApiConfig, connectBus } from './connect-bus';
import { traceFrameMessages } from './connect-trace';

export function ConnectHost(): JSX.Element | null {
  const { open } = useFinchConnect({
    apiConfig: connectApiConfig,
    onSuccess: ({ code, state }) => connectBus.settle({ kind: 'success', code, state }, true),
    // react-connect closes the frame itself only when Connect says `shouldClose`; it does not
    // tell us which, so an error ends the attempt only once the frame is gone.
    onError: ({ errorMessage, errorType }) =>
      connectBus.settle(
        { kind: 'error', message: errorMessage, ...(errorType ? { errorType } : {}) },
        document.getElementById('finch-connect-iframe') === null,
      ),
    onClose: () => connectBus.settle({ kind: 'closed' }, true),
  });
  useEffect(() => connectBus.register((sessionId, state) => open({ sessionId, state })), [open]);
  useEffect(() => traceFrameMessages(), []);
  return null;
}
