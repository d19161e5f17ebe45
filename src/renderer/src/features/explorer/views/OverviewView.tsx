/** Company and the whole directory: the first thing an engineer looks at after connecting. */
import type { JSX } from 'react';
import { useState } from 'react';
import type { ConnectionView } from '@shared/domain/connection';
import type { EndpointRead } from '@shared/domain/explorer';
import { Facts } from '@renderer/components/data-table/Facts';
import { flatten, hasSensitive } from '@renderer/components/data-table/Value';
import { unwrap, workbench } from '@renderer/workbench';
import { DirectoryTable } from '../DirectoryTable';
import { stemFor } from '../explorer-context';
import { AcceptedNotice, JsonView, RequestIds } from '../read-panels';
import { ReadError } from '@renderer/components/data/read-failure';
import { RevealToggle } from '@renderer/components/RevealToggle';
import { useRead } from '@renderer/components/data/use-read';
import type { DirectoryState } from '../useDirectory';
import { isComplete } from '../useDirectory';

interface Props {
  connection: ConnectionView;
  directory: DirectoryState;
  onReloadDirectory: () => void;
  onOpenPerson: (id: string) => void;
  onWatchJob: (jobId: string) => void;
}

const n = (value: number) => value.toLocaleString('en-US');

export function OverviewView(props: Props): JSX.Element {
  const { connection, directory } = props;
  const company = useRead(connection.id, () => unwrap(workbench().explorer.company({ connectionId: connection.id })));
  const directoryError = directory.phase === 'failed' || directory.phase === 'cancelled' ? directory.error : null;
  const sameCause =
    !!company.error &&
    !!directoryError &&
    company.error.kind === directoryError.kind &&
    company.error.finchCode === directoryError.finchCode;
  const complete = isComplete(directory);
  // Rows show as soon as the first page has arrived; the rest stream in behind them.
  const showTable = !directory.accepted && (directory.people.length > 0 || complete);
  const partial = showTable && !complete ? partialNote(directory) : null;
  return (
    <>
      {company.loading && !company.data && <p className="muted">Reading the company…</p>}
      {/* One cause (reauth, a revoked token, no network) fails both reads: say it once. */}
      {sameCause ? (
        <ReadError
          failure={company.error!}
          what="the company and the directory"
          onRetry={() => (company.reload(), props.onReloadDirectory())}
        />
      ) : (
        company.error && <ReadError failure={company.error} what="the company" onRetry={company.reload} />
      )}
      {company.data && (
        <CompanyCard read={company.data} connectionId={connection.id} onRetry={company.reload} onWatchJob={props.onWatchJob} />
      )}
      {directory.phase === 'loading' && directory.people.length === 0 && <p className="muted">Reading the first directory page…</p>}
      {directoryError && !sameCause && <ReadError failure={directoryError} what="the directory" onRetry={props.onReloadDirectory} />}
      {directory.accepted && (
        <AcceptedNotice
          what="directory"
          none="people"
          accepted={directory.accepted}
          requestIds={directory.requestIds}
          connectionId={connection.id}
          onRetry={props.onReloadDirectory}
          onWatchJob={props.onWatchJob}
        />
      )}
      {showTable && (
        <section className="card" aria-label="Directory">
          <div className="card-head">
            <h2>Directory</h2>
            <button type="button" className="button" onClick={props.onReloadDirectory}>
              Read again
            </button>
          </div>
          {complete ? (
            <RequestIds ids={directory.requestIds} prefix={`GET /employer/directory · ${directory.pages} page(s)`} />
          ) : (
            <p className="mono muted request-ids">GET /employer/directory · {directory.pages} page(s) so far</p>
          )}
          <DirectoryTable
            people={directory.people}
            onOpen={props.onOpenPerson}
            exportStem={stemFor('directory', connection)}
            partial={partial}
            empty={
              <p className="muted">
                Finch answered with an empty directory. On an assisted connection that is normal until its first sync completes (see Jobs);
                otherwise the provider has no people for this company, or the connection lacks the directory product.
              </p>
            }
          />
        </section>
      )}
    </>
  );
}

/** What a table that is not everyone says next to its export buttons (and its exports say in their name). */
function partialNote(directory: DirectoryState): string {
  const of = directory.total === null ? '' : ` of ${n(directory.total)}`;
  const why =
    directory.phase === 'loading' ? 'still loading' : directory.phase === 'cancelled' ? 'the read was cancelled' : 'the read stopped';
  return `Partial: ${n(directory.people.length)}${of} people (${why})`;
}

function CompanyCard({
  read,
  connectionId,
  onRetry,
  onWatchJob,
}: {
  read: EndpointRead;
  connectionId: string;
  onRetry: () => void;
  onWatchJob: (id: string) => void;
}): JSX.Element {
  const [revealed, setRevealed] = useState(false);
  if (read.accepted) {
    return (
      <AcceptedNotice
        what="company data"
        accepted={read.accepted}
        requestIds={read.requestIds}
        connectionId={connectionId}
        onRetry={onRetry}
        onWatchJob={onWatchJob}
      />
    );
  }
  const facts = flatten(read.data);
  const nulls = facts.filter(([, v]) => v === null).length;
  return (
    <section className="card" aria-label="Company">
      <div className="card-head">
        <h2>{String((read.data as { legal_name?: unknown } | null)?.legal_name ?? 'Company')}</h2>
        {hasSensitive(read.data) && <RevealToggle revealed={revealed} onChange={setRevealed} />}
      </div>
      <RequestIds ids={read.requestIds} prefix="GET /employer/company" />
      <p className="muted">
        {facts.length} fields, {nulls} of them null (the provider does not supply them, they are blank, or Finch could not infer them).
      </p>
      <Facts value={read.data} revealed={revealed} className="company-facts" />
      <JsonView value={read.data} revealed={revealed} />
    </section>
  );
}
