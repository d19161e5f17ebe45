/** Company and the whole directory: the first thing an engineer looks at after connecting. */
import type { JSX } from 'react';
import { useState } from 'react';
import type { ConnectionView } from '../../../../../shared/domain/connection';
import type { EndpointRead } from '../../../../../shared/domain/explorer';
import { Facts } from '../../../components/data-table/Facts';
import { flatten, hasSensitive } from '../../../components/data-table/Value';
import { unwrap, workbench } from '../../../workbench';
import { DirectoryTable } from '../DirectoryTable';
import type { Person } from '../explorer-context';
import { stemFor } from '../explorer-context';
import type { ReadFailure } from '../read-state';
import { AcceptedNotice, JsonView, ReadError, RequestIds, RevealToggle, useRead } from '../read-state';

interface Props {
  connection: ConnectionView;
  directory: { people: Person[]; accepted: { code: string | null; message: string | null } | null; requestIds: string[]; pages: number } | null;
  directoryError: ReadFailure | null;
  directoryLoading: boolean;
  onReloadDirectory: () => void;
  onOpenPerson: (id: string) => void;
  onWatchJob: (jobId: string) => void;
}

export function OverviewView(props: Props): JSX.Element {
  const { connection, directory } = props;
  const company = useRead(connection.id, () => unwrap(workbench().explorer.company({ connectionId: connection.id })));
  const sameCause = !!company.error && !!props.directoryError && company.error.kind === props.directoryError.kind && company.error.finchCode === props.directoryError.finchCode;
  return (
    <>
      {company.loading && !company.data && <p className="muted">Reading the company…</p>}
      {/* One cause (reauth, a revoked token, no network) fails both reads: say it once. */}
      {sameCause ? (
        <ReadError failure={company.error!} what="the company and the directory" onRetry={() => (company.reload(), props.onReloadDirectory())} />
      ) : (
        company.error && <ReadError failure={company.error} what="the company" onRetry={company.reload} />
      )}
      {company.data && <CompanyCard read={company.data} connectionId={connection.id} onRetry={company.reload} onWatchJob={props.onWatchJob} />}
      {props.directoryLoading && !directory && <p className="muted">Reading every directory page…</p>}
      {props.directoryError && !sameCause && <ReadError failure={props.directoryError} what="the directory" onRetry={props.onReloadDirectory} />}
      {directory?.accepted && (
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
      {directory && !directory.accepted && (
        <section className="card" aria-label="Directory">
          <div className="card-head">
            <h2>Directory</h2>
            <button type="button" className="button" onClick={props.onReloadDirectory}>
              Read again
            </button>
          </div>
          <RequestIds ids={directory.requestIds} prefix={`GET /employer/directory · ${directory.pages} page(s)`} />
          <DirectoryTable
            people={directory.people}
            onOpen={props.onOpenPerson}
            exportStem={stemFor('directory', connection)}
            empty={
              <p className="muted">
                Finch answered with an empty directory. On an assisted connection that is normal until its first sync completes (see Jobs); otherwise the provider has
                no people for this company, or the connection lacks the directory product.
              </p>
            }
          />
        </section>
      )}
    </>
  );
}

function CompanyCard({ read, connectionId, onRetry, onWatchJob }: { read: EndpointRead; connectionId: string; onRetry: () => void; onWatchJob: (id: string) => void }): JSX.Element {
  const [revealed, setRevealed] = useState(false);
  if (read.accepted) {
    return <AcceptedNotice what="company data" accepted={read.accepted} requestIds={read.requestIds} connectionId={connectionId} onRetry={onRetry} onWatchJob={onWatchJob} />;
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
