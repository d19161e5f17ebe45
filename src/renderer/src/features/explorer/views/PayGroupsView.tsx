/** Pay groups: the list, and one group with the people in it (names from the directory). */
import type { JSX } from 'react';
import { useMemo, useState } from 'react';
import { DataTable } from '@renderer/components/data-table/DataTable';
import { unwrap, workbench } from '@renderer/workbench';
import type { ViewProps } from '../explorer-context';
import { nameIndex, stemFor } from '../explorer-context';
import { useRead } from '@renderer/components/data/use-read';
import { DetailCard, Facts, ListCard } from './ListCard';

export function PayGroupsView({ connection, people, onOpenPerson, onWatchJob }: ViewProps): JSX.Element {
  const list = useRead(connection.id, () => unwrap(workbench().explorer.payGroups({ connectionId: connection.id })));
  const [open, setOpen] = useState<string | null>(null);
  const detail = useRead(open ? `${connection.id}:${open}` : null, () =>
    unwrap(workbench().explorer.payGroup({ connectionId: connection.id, payGroupId: open! })),
  );
  const nameOf = useMemo(() => nameIndex(people), [people]);
  return (
    <>
      <ListCard
        title="Pay groups"
        endpoint="GET /employer/pay-groups"
        noun={['pay group', 'pay groups']}
        read={list}
        rowsOf={(d) => (Array.isArray(d) ? (d as Record<string, unknown>[]) : [])}
        first={['name', 'pay_frequencies', 'id']}
        rowKey={(r, i) => String(r['id'] ?? i)}
        onOpen={(r) => setOpen(String(r['id']))}
        empty={
          <p className="muted">Finch returned no pay groups. HRIS-only providers have none; payroll providers list one per pay schedule.</p>
        }
        exportStem={stemFor('pay-groups', connection)}
        connectionId={connection.id}
        onWatchJob={onWatchJob}
      />
      {open && (
        <DetailCard
          title="Pay group"
          endpoint={`GET /employer/pay-groups/${open}`}
          read={detail}
          what="the pay group"
          connectionId={connection.id}
          onWatchJob={onWatchJob}
          onClose={() => setOpen(null)}
        >
          {(data, revealed) => {
            const ids = ((data as { individual_ids?: unknown } | null)?.individual_ids ?? []) as unknown[];
            return (
              <>
                <Facts value={data} revealed={revealed} skip={['individual_ids']} />
                <h3>{ids.length.toLocaleString('en-US')} people in this group</h3>
                <DataTable
                  label="Pay group members"
                  rows={ids.map(String)}
                  columns={[
                    { id: 'individual_id', header: 'Individual id', value: (id) => id },
                    { id: 'name', header: 'Name (directory)', value: (id) => nameOf(id) ?? undefined },
                  ]}
                  noun={['person', 'people']}
                  exportStem={stemFor(`pay-group-${open}`, connection)}
                  rowKey={(id) => id}
                  onOpen={onOpenPerson}
                  empty={<p className="muted">Nobody is in this pay group.</p>}
                />
              </>
            );
          }}
        </DetailCard>
      )}
    </>
  );
}
