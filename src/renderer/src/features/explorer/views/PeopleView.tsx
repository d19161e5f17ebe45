/**
 * Individuals or employments for everyone (or for ids pasted in), read in chunks of 1,000 as
 * an operation with progress and Cancel. Each row keeps its own code: a 404 for one id is that
 * row's answer, shown with Finch's code and message, not a failure of the whole read.
 */
import type { JSX } from 'react';
import { useMemo, useState } from 'react';
import type { BatchRead, BatchRow } from '@shared/domain/explorer';
import { DataTable } from '@renderer/components/data-table/DataTable';
import type { DataColumn } from '@renderer/components/data-table/columns';
import { inferColumns } from '@renderer/components/data-table/columns';
import { OperationProgressBar, useOperation } from '@renderer/components/OperationProgress';
import { unwrap, workbench } from '@renderer/workbench';
import type { ViewProps } from '../explorer-context';
import { itemErrorText, nameIndex, stemFor } from '../explorer-context';
import { AcceptedNotice, JsonView, RequestIds } from '../read-panels';
import { useAction } from '@renderer/components/data/use-action';
import { ReadError } from '@renderer/components/data/read-failure';
import { RevealToggle } from '@renderer/components/RevealToggle';
import { CodeBadge, rowTone } from './CodeBadge';

const TITLE = { individual: 'Individuals', employment: 'Employments' } as const;

export function PeopleView({
  kind,
  connection,
  people,
  directoryStatus,
  onOpenPerson,
  onWatchJob,
}: ViewProps & { kind: 'individual' | 'employment' }): JSX.Element {
  const operation = useOperation();
  const [idsText, setIdsText] = useState('');
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const [lastIds, setLastIds] = useState<string[] | undefined>(undefined);
  const nameOf = useMemo(() => nameIndex(people), [people]);

  const reading = useAction((individualIds: string[] | undefined) =>
    unwrap(
      workbench().explorer.people({
        connectionId: connection.id,
        kind,
        operationId: operation.next(),
        ...(individualIds ? { individualIds } : {}),
      }),
    ),
  );
  const result: BatchRead | null = reading.result;
  const failure = reading.failure;
  const running = reading.pending;
  const read = async (individualIds: string[] | undefined) => {
    if (reading.pending) return;
    setLastIds(individualIds);
    await reading.run(individualIds);
  };
  const pasted = idsText
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  // Only a complete directory is "everyone"; one cut short lets main read the directory itself.
  const everyone = people && directoryStatus === 'complete' ? people.map((p) => String(p['id'] ?? '')).filter(Boolean) : undefined;
  const waitingForDirectory = directoryStatus === 'loading';

  const rows = useMemo(() => (result ? (onlyErrors ? result.rows.filter((r) => r.code !== 200) : result.rows) : []), [result, onlyErrors]);
  const columns = useMemo<DataColumn<BatchRow>[]>(() => {
    if (!result) return [];
    const fixed: DataColumn<BatchRow>[] = [
      { id: 'individual_id', header: 'Individual id', value: (r) => r.id, width: 'minmax(160px, 1.4fr)' },
      { id: 'code', header: 'Item code', value: (r) => r.code, width: '90px', render: (r) => <CodeBadge code={r.code} /> },
      {
        id: 'item_error',
        header: 'Item error',
        value: (r) => (r.code === 200 ? undefined : itemErrorText(r.code, r.body)),
        width: 'minmax(200px, 2fr)',
      },
      { id: 'name', header: 'Name (directory)', value: (r) => nameOf(r.id) ?? undefined },
    ];
    const ok = result.rows.filter((r) => r.code === 200);
    return [...fixed, ...inferColumns(ok, (r) => r.body, { prefix: 'body.' }).filter((c) => c.path !== 'id' && c.path !== 'individual_id')];
  }, [result, nameOf]);
  const counts = result ? countCodes(result.rows) : '';

  return (
    <section className="card" aria-label={TITLE[kind]}>
      <div className="card-head">
        <h2>{TITLE[kind]}</h2>
        <RevealToggle revealed={revealed} onChange={setRevealed} />
      </div>
      <p className="muted">
        POST /employer/{kind} in chunks of 1,000 ids: Finch allows up to 10,000 per call and its limit (20 calls a minute) counts calls, not
        people.
      </p>
      <div className="explorer-form">
        {/* While the directory streams in, "everyone" is not known yet: reading it again in main would spend the same budget twice. */}
        <button
          type="button"
          className="button button-primary"
          disabled={running || waitingForDirectory}
          onClick={() => void read(everyone)}
        >
          Read everyone
          {everyone
            ? ` (${everyone.length.toLocaleString('en-US')} people)`
            : waitingForDirectory
              ? ' (waiting for the directory to load)'
              : ' in the directory'}
        </button>
        <label className="field ids-field">
          <span>Or read these individual ids (one per line)</span>
          <textarea
            rows={2}
            value={idsText}
            onChange={(e) => setIdsText(e.target.value)}
            spellCheck={false}
            placeholder="e.g. ids from your own system"
          />
        </label>
        <button type="button" className="button" disabled={running || pasted.length === 0} onClick={() => void read(pasted)}>
          Read {pasted.length || ''} id{pasted.length === 1 ? '' : 's'}
        </button>
      </div>
      {running && <OperationProgressBar operation={operation} />}
      {failure && <ReadError failure={failure} what={TITLE[kind].toLowerCase()} onRetry={() => void read(lastIds)} />}
      {result?.accepted && (
        <AcceptedNotice
          what={`${kind} data`}
          accepted={result.accepted}
          requestIds={result.requestIds}
          connectionId={connection.id}
          onRetry={() => void read(lastIds)}
          onWatchJob={onWatchJob}
        />
      )}
      {result && !result.accepted && (
        <>
          <RequestIds ids={result.requestIds} prefix={`${result.calls} call(s) · ${counts}`} />
          <DataTable
            label={`${TITLE[kind]} table`}
            rows={rows}
            columns={columns}
            noun={['person', 'people']}
            exportStem={stemFor(`${kind}s`, connection)}
            rowKey={(r, i) => `${r.id}#${i}`}
            rowClass={(r) => rowTone(r.code)}
            onOpen={(r) => r.code === 200 && onOpenPerson(r.id)}
            revealed={revealed}
            toolbar={
              <label className="checkbox">
                <input type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} /> Only per-item errors
              </label>
            }
            empty={
              <p className="muted">
                {onlyErrors
                  ? 'No per-item errors: every id came back 200.'
                  : 'No people to read: the directory is empty. Check the connection’s products, or wait for its first sync.'}
              </p>
            }
          />
          <JsonView value={result.rows} revealed={revealed} label="JSON (every item with its code)" />
        </>
      )}
      {!result && !failure && !running && (
        <p className="muted">Nothing read yet: choose “Read everyone”, or paste ids to check how Finch answers for them.</p>
      )}
    </section>
  );
}

function countCodes(rows: readonly BatchRow[]): string {
  const byCode = new Map<string, number>();
  for (const r of rows) byCode.set(String(r.code ?? 'no code'), (byCode.get(String(r.code ?? 'no code')) ?? 0) + 1);
  return [...byCode].map(([code, n]) => `${n.toLocaleString('en-US')} × ${code}`).join(', ');
}
