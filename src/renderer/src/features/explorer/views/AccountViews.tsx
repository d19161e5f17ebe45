/** Providers (what each supports) and introspection (what this connection is). */
import type { JSX } from 'react';
import { unwrap, workbench } from '@renderer/workbench';
import type { ViewProps } from '../explorer-context';
import { stemFor } from '../explorer-context';
import { useRead } from '@renderer/components/data/use-read';
import { DetailCard, Facts, ListCard } from './ListCard';

export function ProvidersView({ connection, onWatchJob }: ViewProps): JSX.Element {
  const read = useRead(connection.id, () => unwrap(workbench().explorer.providers({ connectionId: connection.id })));
  return (
    <ListCard
      title="Providers"
      endpoint="GET /providers"
      noun={['provider', 'providers']}
      read={read}
      rowsOf={(d) => (Array.isArray(d) ? (d as Record<string, unknown>[]) : [])}
      first={['display_name', 'id', 'products', 'manual', 'beta', 'mfa_required']}
      adjust={(columns) =>
        columns
          .filter((c) => !(c.path ?? '').startsWith('authentication_methods'))
          .concat({
            id: 'auth_methods',
            header: 'authentication methods',
            value: (r) =>
              Array.isArray(r['authentication_methods'])
                ? (r['authentication_methods'] as { type?: string }[]).map((m) => m.type).join(', ')
                : r['authentication_methods'],
          })
      }
      rowKey={(r, i) => String(r['id'] ?? i)}
      empty={<p className="muted">Finch returned no providers: check the environment’s base URL.</p>}
      exportStem={stemFor('providers', connection)}
      connectionId={connection.id}
      onWatchJob={onWatchJob}
    />
  );
}

export function IntrospectView({ connection, onWatchJob }: ViewProps): JSX.Element {
  const read = useRead(connection.id, () => unwrap(workbench().explorer.introspect({ connectionId: connection.id })));
  return (
    <DetailCard
      title="Introspect"
      endpoint="GET /introspect"
      read={read}
      what="introspection"
      connectionId={connection.id}
      onWatchJob={onWatchJob}
    >
      {(data, revealed) => <Facts value={data} revealed={revealed} />}
    </DetailCard>
  );
}
