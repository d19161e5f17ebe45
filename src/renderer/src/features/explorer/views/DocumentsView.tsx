/** Documents: every page of the list, and one W-4's details (its fields, nulls visible). */
import type { JSX } from 'react';
import { useMemo, useState } from 'react';
import { unwrap, workbench } from '@renderer/workbench';
import type { ViewProps } from '../explorer-context';
import { nameIndex, stemFor } from '../explorer-context';
import { useRead } from '@renderer/components/data/use-read';
import { DetailCard, Facts, ListCard } from './ListCard';

export function DocumentsView({ connection, people, onWatchJob }: ViewProps): JSX.Element {
  const list = useRead(connection.id, () => unwrap(workbench().explorer.documents({ connectionId: connection.id })));
  const [open, setOpen] = useState<string | null>(null);
  const detail = useRead(open ? `${connection.id}:${open}` : null, () =>
    unwrap(workbench().explorer.document({ connectionId: connection.id, documentId: open! })),
  );
  const nameOf = useMemo(() => nameIndex(people), [people]);
  return (
    <>
      <ListCard
        title="Documents"
        endpoint="GET /employer/documents (every page)"
        noun={['document', 'documents']}
        read={list}
        rowsOf={(d) =>
          ((d as { documents?: Record<string, unknown>[] } | null)?.documents ?? []).map((doc) => ({
            ...doc,
            name: nameOf(doc['individual_id']) ?? undefined,
          }))
        }
        first={['type', 'year', 'name', 'individual_id', 'id']}
        rowKey={(r, i) => String(r['id'] ?? i)}
        onOpen={(r) => setOpen(String(r['id']))}
        empty={
          <p className="muted">
            Finch returned no documents. W-4s appear once the provider supports the documents product and a W-4 sync has run (Jobs).
          </p>
        }
        exportStem={stemFor('documents', connection)}
        connectionId={connection.id}
        onWatchJob={onWatchJob}
      />
      {open && (
        <DetailCard
          title="W-4 details"
          endpoint={`GET /employer/documents/${open}`}
          read={detail}
          what="the document"
          connectionId={connection.id}
          onWatchJob={onWatchJob}
          onClose={() => setOpen(null)}
        >
          {(data, revealed) => <Facts value={data} revealed={revealed} />}
        </DetailCard>
      )}
    </>
  );
}
