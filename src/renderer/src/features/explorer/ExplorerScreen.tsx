/**
 * The Explorer: every read endpoint of the selected connection, shown as data. The connection
 * is chosen once; the directory is read once per connection (page by page, rows shown as they
 * arrive, with progress and Cancel) and lends names to the other views. A side list picks the
 * endpoint view.
 */
import type { JSX } from 'react';
import { useCallback, useEffect, useState } from 'react';
import type { EnvironmentView } from '@shared/domain/environment';
import { SelectField } from '@renderer/components/fields';
import { OperationProgressBar } from '@renderer/components/OperationProgress';
import { useConnections } from '@renderer/components/useConnections';
import type { DirectoryStatus } from './explorer-context';
import { PersonPanel } from './PersonPanel';
import { isComplete, useDirectory } from './useDirectory';
import { OverviewView } from './views/OverviewView';
import { EXPLORER_VIEWS, ExplorerView } from './views/registry';
import { AREAS } from '@renderer/areas';
import './explorer.css';

export function ExplorerScreen({ environment }: { environment: EnvironmentView | null }): JSX.Element {
  const { connections } = useConnections(environment?.id ?? null);
  const live = connections.filter((c) => c.disconnectedAt === null);
  const [connectionId, setConnectionId] = useState('');
  const connection = live.find((c) => c.id === connectionId) ?? live[0] ?? null;
  const chosen = connection?.id ?? '';
  const [view, setView] = useState('overview');
  const [person, setPerson] = useState<string | null>(null);
  const [watchJob, setWatchJob] = useState<string | null>(null);
  const directory = useDirectory(chosen);
  // A person page belongs to its connection.
  useEffect(() => setPerson(null), [chosen]);
  const directoryLoading = directory.phase === 'loading';
  const directoryStatus: DirectoryStatus = isComplete(directory) ? 'complete' : directoryLoading ? 'loading' : 'incomplete';

  const reloadDirectory = directory.reload;
  const openPerson = useCallback((id: string) => setPerson(id), []);
  const openJob = useCallback((jobId: string) => (setWatchJob(jobId), setPerson(null), setView('jobs')), []);
  // Names for the other views: whoever has arrived so far (a partial directory still names them).
  const people = !directory.accepted && (directory.people.length > 0 || directory.phase === 'done') ? directory.people : null;

  return (
    <section className="screen screen-wide" aria-labelledby="explorer-title">
      <h1 id="explorer-title">Explorer</h1>
      <p className="lede">{AREAS.find((a) => a.id === 'explorer')!.purpose}</p>
      {live.length === 0 ? (
        <div className="card empty-state">
          <h2>No connection to explore in {environment?.name ?? 'this environment'}</h2>
          <p className="muted">Make one under Connections (Finch Connect) or Sandbox (without Connect); its data shows up here.</p>
        </div>
      ) : (
        <div className="explorer-connection">
          <SelectField
            label="Connection"
            value={chosen}
            options={live.map((c) => ({ value: c.id, label: `${c.providerId} · ${c.customerName ?? ''} · ${c.id.slice(0, 8)}` }))}
            onChange={(id) => (setConnectionId(id), setPerson(null))}
          />
          {connection?.status === 'reauth' && (
            <p className="notice notice-warning">
              This connection needs reauthentication: reads will be refused until the employer reconnects (Connections → Reconnect).
            </p>
          )}
        </div>
      )}
      {connection && (
        <div className="explorer-layout">
          <nav className="explorer-nav" aria-label="Endpoints">
            <ul>
              {EXPLORER_VIEWS.map((v) => (
                <li key={v.id}>
                  <button
                    type="button"
                    className={`explorer-nav-item${v.id === view && !person ? ' active' : ''}`}
                    aria-current={v.id === view && !person ? 'page' : undefined}
                    onClick={() => (setView(v.id), setPerson(null))}
                  >
                    <span>{v.label}</span>
                    <span className="explorer-nav-path mono">{v.endpoint}</span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div className="explorer-main">
            {directoryLoading && <OperationProgressBar operation={directory.operation} detailOnly />}
            {person ? (
              <PersonPanel
                connection={connection}
                individualId={person}
                entry={people?.find((p) => p['id'] === person) ?? null}
                onBack={() => setPerson(null)}
                onWatchJob={openJob}
              />
            ) : view === 'overview' ? (
              <OverviewView
                connection={connection}
                directory={directory}
                onReloadDirectory={reloadDirectory}
                onOpenPerson={openPerson}
                onWatchJob={openJob}
              />
            ) : (
              <ExplorerView
                id={view}
                connection={connection}
                environment={environment}
                people={people}
                directoryStatus={directoryStatus}
                onOpenPerson={openPerson}
                onWatchJob={openJob}
                watchJob={watchJob}
              />
            )}
          </div>
        </div>
      )}
    </section>
  );
}
