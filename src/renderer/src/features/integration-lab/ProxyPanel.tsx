/**
 * The proxy: start it on 127.0.0.1 in front of the built-in simulator or the active environment,
 * and point your backend's SDK at it (`baseURL` or FINCH_BASE_URL). Production upstreams are
 * read-only unless armed.
 */
import type { JSX } from 'react';
import { useState } from 'react';
import type { ProxyStatus, ProxyUpstreamKind } from '@shared/contract/integration-lab';
import type { EnvironmentView } from '@shared/domain/environment';
import { useAction } from '@renderer/components/data/use-action';
import { useOutput } from '@renderer/components/export/useOutput';
import { unwrap, workbench } from '@renderer/workbench';

export function ProxyPanel({
  status,
  environment,
  onChanged,
}: {
  status: ProxyStatus | null;
  environment: EnvironmentView | null;
  onChanged: (next: ProxyStatus) => void;
}): JSX.Element {
  const [upstream, setUpstream] = useState<ProxyUpstreamKind>('local');
  const [port, setPort] = useState('');
  const output = useOutput();
  const start = useAction(() => unwrap(workbench().integrationLab.start({ upstream, ...(port ? { port: Number(port) } : {}) })), {
    onDone: (next) => onChanged(next),
  });
  const stop = useAction(() => unwrap(workbench().integrationLab.stop()), { onDone: (next) => onChanged(next) });
  const reset = useAction(() => unwrap(workbench().integrationLab.reset()), { onDone: (next) => onChanged(next) });
  const running = status?.running === true;
  const failure = start.failure ?? stop.failure ?? reset.failure;
  const canUseEnvironment = environment !== null && environment.kind !== 'local-simulator';

  return (
    <section className="card" aria-label="Proxy">
      {output.element}
      <div className="card-head">
        <h2>Local Finch proxy</h2>
      </div>
      {running && status?.url ? (
        <div className="proxy-running">
          <p role="status">
            Running at <strong className="mono">{status.url}</strong> → {status.upstream?.environmentName ?? 'upstream'} (
            <span className="mono">{status.upstream?.baseUrl}</span>)
            {status.upstream?.production ? ' — Production: reads only unless armed' : ''}. {status.callsSeen.toLocaleString('en-US')} calls
            this session.
          </p>
          <p className="muted">
            Point your backend at it:{' '}
            <code>
              new Finch({'{'} baseURL: '{status.url}' {'}'})
            </code>{' '}
            or <code>FINCH_BASE_URL={status.url}</code>.
          </p>
          <div className="toolbar">
            <button type="button" className="button" onClick={() => void output.copy(status.url!, 'the proxy URL')}>
              Copy URL
            </button>
            <button type="button" className="button" disabled={reset.pending} onClick={() => void reset.run()}>
              New session
            </button>
            <button type="button" className="button button-danger" disabled={stop.pending} onClick={() => void stop.run()}>
              Stop the proxy
            </button>
          </div>
        </div>
      ) : (
        <form
          className="inline-fields"
          aria-label="Start the proxy"
          onSubmit={(e) => {
            e.preventDefault();
            void start.run();
          }}
        >
          <label className="field">
            <span>Upstream</span>
            <select value={upstream} onChange={(e) => setUpstream(e.target.value as ProxyUpstreamKind)}>
              <option value="local">the built-in Finch simulator</option>
              <option value="environment" disabled={!canUseEnvironment}>
                {canUseEnvironment
                  ? `${environment?.name} (${environment?.kind})`
                  : 'the active environment (switch to a Finch environment first)'}
              </option>
            </select>
          </label>
          <label className="field">
            <span>Port (empty: any free port)</span>
            <input type="number" min={1024} max={65535} value={port} onChange={(e) => setPort(e.target.value)} />
            {start.failure?.fields?.find((f) => f.path === 'port') && (
              <span className="field-error">{start.failure.fields.find((f) => f.path === 'port')!.message}</span>
            )}
          </label>
          <button type="submit" className="button button-primary" disabled={start.pending}>
            Start the proxy
          </button>
        </form>
      )}
      {failure && (
        <p className="field-error" role="alert">
          {failure.message}
        </p>
      )}
      {output.note && (
        <p className={output.note.ok ? 'muted' : 'field-error'} role={output.note.ok ? 'status' : 'alert'}>
          {output.note.text}
        </p>
      )}
    </section>
  );
}
