/** The Explorer (first slice): company, the whole directory, and one person, with request ids. */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import type { EnvironmentView } from '../../../../shared/domain/environment';
import { SelectField } from '../../components/fields';
import { unwrap, workbench } from '../../workbench';
import { useConnections } from '../sandbox/useConnections';
import { DirectoryTable } from './DirectoryTable';
import { PersonPanel } from './PersonPanel';
import { flatten, Value } from './Value';
import { ExplainRequestIds } from '../diagnostics/ExplainRequestIds';

type Directory = { people: Record<string, unknown>[]; accepted: { code: string | null; message: string | null } | null; requestIds: string[]; pages: number };

export function ExplorerScreen({ environment }: { environment: EnvironmentView | null }): JSX.Element {
  const { connections } = useConnections(environment?.id ?? null);
  const live = connections.filter((c) => c.disconnectedAt === null);
  const [connectionId, setConnectionId] = useState('');
  const chosen = connectionId || live[0]?.id || '';
  const [company, setCompany] = useState<{ data: unknown; requestId: string | null } | null>(null);
  const [directory, setDirectory] = useState<Directory | null>(null);
  const [person, setPerson] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; requestId: string | null } | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setCompany(null);
    setDirectory(null);
    setPerson(null);
    setError(null);
    if (!chosen) return;
    setLoading(true);
    Promise.all([unwrap(workbench().explorer.company({ connectionId: chosen })), unwrap(workbench().explorer.directory({ connectionId: chosen }))])
      .then(
        ([c, d]) => (setCompany(c), setDirectory(d)),
        (e: Error & { error?: { requestId?: string } }) => setError({ message: e.message, requestId: e.error?.requestId ?? null }),
      )
      .finally(() => setLoading(false));
  }, [chosen]);

  return (
    <section className="screen screen-wide" aria-labelledby="explorer-title">
      <h1 id="explorer-title">Explorer</h1>
      <p className="lede">What this provider actually returns for this company.</p>
      {live.length === 0 ? (
        <div className="card empty-state">
          <h2>No connection to explore in {environment?.name ?? 'this environment'}</h2>
          <p className="muted">Make one under Connections (Finch Connect) or Sandbox (without Connect); its data shows up here.</p>
        </div>
      ) : (
        <SelectField
          label="Connection"
          value={chosen}
          options={live.map((c) => ({ value: c.id, label: `${c.providerId} · ${c.customerName ?? ''} · ${c.id.slice(0, 8)}` }))}
          onChange={setConnectionId}
        />
      )}
      {loading && <p className="muted" role="status">Reading company and every directory page…</p>}
      {error && (
        <>
          <p className="field-error" role="alert">
            {error.message}
            {error.requestId ? ` Finch-Request-ID: ${error.requestId}` : ''}
          </p>
          {error.requestId && <ExplainRequestIds requestIds={[error.requestId]} />}
        </>
      )}
      {company && (
        <section className="card" aria-label="Company">
          <h2>{String((company.data as { legal_name?: unknown }).legal_name ?? 'Company')}</h2>
          <p className="mono muted">Finch-Request-ID: {company.requestId ?? '—'}</p>
          <dl className="facts person-facts">
            {flatten(company.data).slice(0, 40).map(([path, value]) => (
              <div key={path} className="fact">
                <dt>{path}</dt>
                <dd>
                  <Value value={value} path={path} revealed />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {directory?.accepted && (
        <div className="notice notice-info" role="status">
          Finch has no directory yet ({directory.accepted.code ?? '202'}): {directory.accepted.message ?? 'data is still syncing'}. This is not “no people”: retry once the
          sync completes. Finch-Request-ID: {directory.requestIds.join(', ')}
        </div>
      )}
      {directory && !directory.accepted && (
        <section className="card" aria-label="Directory">
          <h2>Directory</h2>
          <p className="mono muted">
            {directory.pages} page(s) · Finch-Request-IDs: {directory.requestIds.slice(0, 3).join(', ')}
            {directory.requestIds.length > 3 ? ', …' : ''}
          </p>
          <DirectoryTable people={directory.people} onOpen={setPerson} />
        </section>
      )}
      {person && chosen && <PersonPanel connectionId={chosen} individualId={person} />}
    </section>
  );
}
