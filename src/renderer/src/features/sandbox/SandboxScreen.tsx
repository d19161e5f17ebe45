/** The Sandbox area (first slice): create sandbox connections and look at what they return. */
import type { JSX } from 'react';
import { useState } from 'react';
import type { EnvironmentView } from '../../../../shared/domain/environment';
import { unwrap, workbench } from '../../workbench';
import { CreateSandboxConnection } from './CreateSandboxConnection';
import { DrillsPanel } from './DrillsPanel';
import { useConnections } from './useConnections';

export function SandboxScreen({ environment }: { environment: EnvironmentView | null }): JSX.Element {
  const { connections, error } = useConnections(environment?.id ?? null);
  const [company, setCompany] = useState<{ connectionId: string; text: string; requestId: string | null; failed: boolean } | null>(null);
  const sandboxLike = environment?.kind === 'sandbox' || environment?.kind === 'local-simulator';

  const viewCompany = (connectionId: string): void => {
    setCompany({ connectionId, text: 'Loading…', requestId: null, failed: false });
    unwrap(workbench().explorer.company({ connectionId })).then(
      (r) => setCompany({ connectionId, text: JSON.stringify(r.data, null, 2), requestId: r.requestId, failed: false }),
      (e: Error & { error?: { requestId?: string } }) => setCompany({ connectionId, text: e.message, requestId: e.error?.requestId ?? null, failed: true }),
    );
  };

  return (
    <section className="screen" aria-labelledby="sandbox-title">
      <h1 id="sandbox-title">Sandbox</h1>
      <p className="lede">Shape sandbox companies and rehearse the failures your integration must survive.</p>
      {!sandboxLike ? (
        <div className="card empty-state" role="status">
          <h2>Sandbox acts need a Sandbox environment</h2>
          <p className="muted">
            “{environment?.name}” is {environment?.kind}. Switch to the Local simulator or a Sandbox environment to create test connections.
          </p>
        </div>
      ) : (
        <CreateSandboxConnection />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <section className="card" aria-labelledby="connections-title">
        <h2 id="connections-title">Connections in {environment?.name ?? '…'}</h2>
        {connections.length === 0 ? (
          <p className="muted">No connections yet. Create one above; it appears here with its company and products.</p>
        ) : (
          <ul className="connection-list">
            {connections.map((c) => (
              <li key={c.id}>
                <div>
                  <strong>{c.providerId}</strong> · {c.customerName} · <span className="mono">{c.id}</span>
                  <div className="muted">
                    company <span className="mono">{c.companyId ?? '—'}</span> · {c.products.join(', ')} · {c.hasToken ? 'token stored' : 'no token'}
                  </div>
                </div>
                <button type="button" className="button" onClick={() => viewCompany(c.id)} aria-label={`View company of ${c.id}`}>
                  View company
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {sandboxLike && <DrillsPanel connections={connections} />}
      {company && (
        <section className="card" aria-label="Company">
          <h2>
            Company of <span className="mono">{company.connectionId}</span>
          </h2>
          <p className="mono request-id">Finch-Request-ID: {company.requestId ?? '—'}</p>
          <pre className={company.failed ? 'json field-error' : 'json'} data-testid="company-json">
            {company.text}
          </pre>
        </section>
      )}
    </section>
  );
}
