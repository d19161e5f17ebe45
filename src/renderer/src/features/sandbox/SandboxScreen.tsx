/**
 * The Sandbox area: create sandbox connections without Connect, then — on the connection
 * chosen once at the top — edit its mock data, force statuses and sync jobs, and run drills.
 */
import type { JSX } from 'react';
import { useState } from 'react';
import type { EnvironmentView } from '@shared/domain/environment';
import { SelectField } from '@renderer/components/fields';
import { CreateSandboxConnection } from './CreateSandboxConnection';
import { DrillsPanel } from './DrillsPanel';
import { MockDataPanel } from './MockDataPanel';
import { StatusJobsPanel } from './StatusJobsPanel';
import { useConnections } from '@renderer/components/useConnections';

export function SandboxScreen({ environment }: { environment: EnvironmentView | null }): JSX.Element {
  const { connections, error } = useConnections(environment?.id ?? null);
  const [picked, setPicked] = useState('');
  const sandboxLike = environment?.kind === 'sandbox' || environment?.kind === 'local-simulator';
  const live = connections.filter((c) => c.disconnectedAt === null);
  // Newest first: a connection just created becomes the working one.
  const newest = [...live].sort((a, b) => b.createdAt - a.createdAt);
  const connectionId = live.some((c) => c.id === picked) ? picked : (newest[0]?.id ?? '');

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
        <CreateSandboxConnection environmentKind={environment?.kind ?? 'sandbox'} />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {sandboxLike &&
        (live.length === 0 ? (
          <div className="card empty-state">
            <h2>No sandbox connection yet</h2>
            <p className="muted">Create one above: its mock data, status, sync jobs and drills appear here.</p>
          </div>
        ) : (
          <>
            <div className="card working-connection">
              <SelectField
                label="Working on"
                value={connectionId}
                options={newest.map((c) => ({
                  value: c.id,
                  label: `${c.customerName ?? 'No customer'} · ${c.providerId} · ${c.status} · ${c.id}`,
                }))}
                onChange={setPicked}
              />
            </div>
            <MockDataPanel connectionId={connectionId} />
            {/* One panel per connection: its unsaved choice, message and last job belong to that connection. */}
            <StatusJobsPanel key={connectionId} connectionId={connectionId} />
            <DrillsPanel connectionId={connectionId} />
          </>
        ))}
    </section>
  );
}
