/** Customers and their connections in the active environment, and the way to add one. */
import type { JSX } from 'react';
import { useMemo, useState } from 'react';
import type { ConnectionView } from '@shared/domain/connection';
import type { EnvironmentView } from '@shared/domain/environment';
import { useConnections } from '@renderer/components/useConnections';
import { ConnectionRow } from './ConnectionRow';
import { ConnectTraces } from '@renderer/components/diagnostics/ConnectTraces';
import { ImportTokenForm } from './ImportTokenForm';
import { NewConnectionForm } from './NewConnectionForm';
import { AttemptBanner } from './AttemptBanner';
import { BulkActions } from './BulkActions';
import { useConnectAttempt } from './useConnectAttempt';

export function ConnectionsScreen({ environment }: { environment: EnvironmentView | null }): JSX.Element {
  const { connections, error } = useConnections(environment?.id ?? null);
  const { status, start, reconnect, startRedirect } = useConnectAttempt();
  const [showForm, setShowForm] = useState(false);
  const [showImport, setShowImport] = useState(false);
  // Archived connections (disconnected, put away) are out of the list unless asked for.
  const [showArchived, setShowArchived] = useState(false);
  const archivedCount = connections.filter((c) => c.archivedAt !== null).length;
  const listed = useMemo(
    () => (showArchived ? connections : connections.filter((c) => c.archivedAt === null)),
    [connections, showArchived],
  );
  const [filter, setFilter] = useState({ customer: '', provider: '', status: '' });
  const providers = useMemo(() => [...new Set(listed.map((c) => c.providerId ?? ''))].filter(Boolean).sort(), [listed]);
  const allCustomers = useMemo(() => {
    const byId = new Map<string, { id: string; name: string }>();
    for (const c of connections) byId.set(c.customerId ?? 'unknown', { id: c.customerId ?? 'unknown', name: c.customerName ?? 'unknown' });
    return [...byId.values()];
  }, [connections]);
  const customers = useMemo(() => {
    const byId = new Map<string, { id: string; name: string; connections: ConnectionView[] }>();
    const needle = filter.customer.trim().toLowerCase();
    const visible = listed.filter(
      (c) =>
        (!needle || `${c.customerName ?? ''} ${c.customerId ?? ''}`.toLowerCase().includes(needle)) &&
        (!filter.provider || c.providerId === filter.provider) &&
        (!filter.status || c.status === filter.status),
    );
    for (const c of visible) {
      const id = c.customerId ?? 'unknown';
      const entry = byId.get(id) ?? { id, name: c.customerName ?? id, connections: [] };
      entry.connections.push(c);
      byId.set(id, entry);
    }
    return [...byId.values()];
  }, [listed, filter]);
  const busy = status.phase === 'starting' || status.phase === 'open' || status.phase === 'exchanging';

  return (
    <section className="screen" aria-labelledby="connections-title">
      <h1 id="connections-title">Connections</h1>
      <p className="lede">Customers and the connections they made through Finch Connect.</p>
      <div className="toolbar">
        <button type="button" className="button button-primary" onClick={() => setShowForm((v) => !v)} aria-expanded={showForm}>
          New connection
        </button>
        <button type="button" className="button" onClick={() => setShowImport((v) => !v)} aria-expanded={showImport}>
          Import access token
        </button>
        {environment && <BulkActions environment={environment} connections={connections} />}
        {archivedCount > 0 && (
          <label className="checkbox">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived (
            {archivedCount})
          </label>
        )}
      </div>
      {showImport && <ImportTokenForm />}
      {showForm && environment && (
        <NewConnectionForm
          environment={environment}
          customers={allCustomers}
          busy={busy}
          onSubmit={(input, flow) => void (flow === 'redirect' ? startRedirect(input) : start(input))}
        />
      )}
      <AttemptBanner status={status} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {connections.length > 0 && (
        <div className="filters" role="search" aria-label="Filter connections">
          <label className="field">
            <span>Customer</span>
            <input
              type="search"
              value={filter.customer}
              onChange={(e) => setFilter((f) => ({ ...f, customer: e.target.value }))}
              placeholder="name or id"
            />
          </label>
          <label className="field">
            <span>Provider</span>
            <select value={filter.provider} onChange={(e) => setFilter((f) => ({ ...f, provider: e.target.value }))}>
              <option value="">Any</option>
              {providers.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Status</span>
            <select value={filter.status} onChange={(e) => setFilter((f) => ({ ...f, status: e.target.value }))}>
              <option value="">Any</option>
              <option value="connected">connected</option>
              <option value="reauth">needs reauth</option>
              <option value="pending">pending</option>
              <option value="disconnected">disconnected</option>
            </select>
          </label>
        </div>
      )}
      {customers.length === 0 && listed.length === 0 && archivedCount > 0 ? (
        <p className="muted">Every connection here is archived. Tick “Show archived ({archivedCount})” to list them.</p>
      ) : customers.length === 0 && connections.length > 0 ? (
        <p className="muted">No connection matches these filters.</p>
      ) : customers.length === 0 ? (
        <div className="card empty-state">
          <h2>No connections in {environment?.name ?? 'this environment'} yet</h2>
          <p className="muted">Open Finch Connect for a customer. The connection appears here with its company, provider and products.</p>
        </div>
      ) : (
        <ul className="customer-list" aria-label="Customers">
          {customers.map((customer) => (
            <li key={customer.id} className="card" aria-label={customer.name}>
              <h2>
                {customer.name} <span className="muted mono">{customer.id}</span>
              </h2>
              <ul className="connection-list" aria-label={`Connections of ${customer.name}`}>
                {customer.connections.map((c) =>
                  environment ? (
                    <ConnectionRow key={c.id} connection={c} environment={environment} onReconnect={(id) => void reconnect(id)} />
                  ) : null,
                )}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <ConnectTraces />
    </section>
  );
}
