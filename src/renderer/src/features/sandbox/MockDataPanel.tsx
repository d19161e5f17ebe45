/**
 * Edit a sandbox company's mock data through Finch's /sandbox/* writes: forms drawn from the
 * spec's request schemas, checked against them (and the rules they cannot express) before
 * anything is sent, with the bad fields marked; main checks again; a sync job afterwards so
 * the explorer shows the change at once.
 */
import type { JSX } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { SandboxWriteResult } from '@shared/domain/sandbox';
import schemas from '@shared/finch/sandbox-write-schemas.json';
import { OperationProgressBar, useOperation } from '@renderer/components/OperationProgress';
import { SelectField } from '@renderer/components/fields';
import type { FieldError } from '@renderer/components/schema-form/SchemaForm';
import { focusFirstInvalid, SchemaForm } from '@renderer/components/schema-form/SchemaForm';
import type { SchemaNode } from '@renderer/components/schema-form/schema-node';
import { pruneUnset } from '@renderer/components/schema-form/schema-node';
import type { WorkbenchCallError } from '@renderer/workbench';
import { unwrap, workbench } from '@renderer/workbench';
import { checkBeforeSending } from './mock-data-check';
import type { WriteName } from './mock-data-prefill';
import { WRITE_LABELS, changedFields, prefill } from './mock-data-prefill';
import { PersonSelect } from './PersonSelect';
import { usePeoplePicker } from './usePeoplePicker';

// The JSON's inferred literal types are far narrower than SchemaNode; it is checked by a test against the spec.
const SCHEMAS = schemas as unknown as Record<WriteName, SchemaNode>;
const FORM_SCHEMA: Record<WriteName, SchemaNode> = { ...SCHEMAS, directory: SCHEMAS.directory.items! };

type Outcome = { ok: true; result: SandboxWriteResult } | { ok: false; message: string; requestId: string | null };

export function MockDataPanel({ connectionId }: { connectionId: string }): JSX.Element {
  const [write, setWrite] = useState<WriteName>('individual');
  // The first page of people, more on demand: never the whole directory (see usePeoplePicker,
  // which also drops a late page of a connection worked on before).
  const picker = usePeoplePicker(connectionId);
  const people = picker.people;
  // The person belongs to the connection it was chosen on: after a switch there is none until
  // the new connection's people arrive, so no template is built with another company's person.
  const [chosen, setChosen] = useState<{ connectionId: string; personId: string | null }>({ connectionId, personId: null });
  const personId = chosen.connectionId === connectionId ? chosen.personId : null;
  const setPersonId = (id: string | null) => setChosen({ connectionId, personId: id });
  const [original, setOriginal] = useState<Record<string, unknown>>({});
  const [value, setValue] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sync, setSync] = useState(true);
  const [busy, setBusy] = useState<'loading' | 'saving' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const operation = useOperation();
  const formRef = useRef<HTMLFormElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => void (focusRequest > 0 && focusFirstInvalid(formRef.current)), [focusRequest]);

  useEffect(() => {
    // The first person by default; a choice stays while the list grows or is read again.
    if (!personId || !people.some((p) => p.id === personId)) setPersonId(people[0]?.id ?? null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [people]);

  useEffect(() => {
    if (!connectionId) return;
    if ((write === 'individual' || write === 'employment') && !personId) return;
    setBusy('loading');
    setErrors([]);
    // A slower answer for a previous choice must not replace the current one.
    let current = true;
    prefill(write, connectionId, personId)
      .then(
        (start) => current && (setOriginal(start), setValue(start)),
        (e: Error) => current && setOutcome({ ok: false, message: e.message, requestId: null }),
      )
      .finally(() => current && setBusy(null));
    return () => {
      current = false;
    };
  }, [write, connectionId, personId]);

  const save = (): void => {
    const filled = pruneUnset(value) as Record<string, unknown>;
    const body =
      write === 'directory' ? [filled] : write === 'individual' || write === 'employment' ? changedFields(original, filled) : filled;
    if ((write === 'individual' || write === 'employment') && Object.keys(body as object).length === 0) {
      setOutcome({ ok: false, message: 'Nothing changed: edit a field first.', requestId: null });
      return;
    }
    const problems = checkBeforeSending(write, FORM_SCHEMA[write], filled, body, original);
    if (problems.length > 0) {
      setErrors(problems);
      const named = problems
        .slice(0, 3)
        .map((p) => p.path)
        .join(', ');
      setOutcome({
        ok: false,
        message: `Nothing was sent: this ${WRITE_LABELS[write].toLowerCase()} change does not match Finch’s schema and rules. Fix the marked field(s): ${named}${problems.length > 3 ? ', …' : ''}.`,
        requestId: null,
      });
      setFocusRequest((n) => n + 1);
      return;
    }
    setBusy('saving');
    setErrors([]);
    setOutcome(null);
    const operationId = operation.next();
    unwrap(
      workbench().sandbox.write({
        connectionId,
        write,
        body,
        sync,
        operationId,
        ...(personId && (write === 'individual' || write === 'employment') ? { individualId: personId } : {}),
      }),
    )
      .then(
        (result) => {
          setOutcome({ ok: true, result });
          setOriginal(filled);
          if (write === 'directory') picker.reload();
        },
        (e: WorkbenchCallError) => {
          setErrors(e.error.fields ?? []);
          setFocusRequest((n) => n + 1);
          setOutcome({ ok: false, message: e.message, requestId: e.error.requestId ?? null });
        },
      )
      .finally(() => setBusy(null));
  };

  const needsPerson = write === 'individual' || write === 'employment';
  return (
    <section className="card" aria-labelledby="mock-data-title">
      <h2 id="mock-data-title">Mock data</h2>
      <p className="muted">
        Changes go through Finch’s /sandbox endpoints, checked against Finch’s request schema first. Finch shows them to reads after a sync
        job.
      </p>
      <div className="inline-fields">
        <SelectField
          label="Change"
          value={write}
          options={(Object.keys(WRITE_LABELS) as WriteName[]).map((w) => ({ value: w, label: WRITE_LABELS[w] }))}
          onChange={setWrite}
        />
        {(needsPerson || write === 'payment') && <PersonSelect picker={picker} value={personId} onChange={setPersonId} />}
      </div>
      <form
        ref={formRef}
        aria-label={`Mock data: ${WRITE_LABELS[write]}`}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {/* No form until the record it edits has arrived: an edit typed earlier would be overwritten. */}
        {needsPerson && !personId ? (
          <p className="muted">
            {people.length > 0
              ? 'Choose a person.'
              : picker.phase === 'loading' || picker.phase === 'idle'
                ? 'Loading the people of this connection…'
                : (picker.problem ?? 'This connection has no people yet: add one first.')}
          </p>
        ) : busy === 'loading' ? (
          <p className="muted">Loading what Finch has now…</p>
        ) : (
          <SchemaForm schema={FORM_SCHEMA[write]} value={value} onChange={setValue} errors={errors} />
        )}
        <label className="checkbox">
          <input type="checkbox" checked={sync} onChange={(e) => setSync(e.target.checked)} /> Run a sync job afterwards and wait for it (so
          reads show the change)
        </label>
        <button type="submit" className="button button-primary" disabled={busy !== null || !connectionId}>
          {busy === 'saving' ? 'Saving…' : `Save ${WRITE_LABELS[write].toLowerCase()}`}
        </button>
      </form>
      <OperationProgressBar operation={operation} />
      {outcome && <WriteOutcome outcome={outcome} />}
    </section>
  );
}

function WriteOutcome({ outcome }: { outcome: Outcome }): JSX.Element {
  if (!outcome.ok) {
    return (
      <p className="field-error" role="alert">
        {outcome.message}
        {outcome.requestId && <span className="mono"> · Finch-Request-ID: {outcome.requestId}</span>}
      </p>
    );
  }
  const { result } = outcome;
  return (
    <div role="status" className={result.warning ? 'check-warn' : 'check-ok'}>
      Saved {WRITE_LABELS[result.write].toLowerCase()} · <span className="mono">Finch-Request-ID: {result.requestId ?? '—'}</span>
      {result.job && (
        <div>
          Sync job <span className="mono">{result.job.jobId}</span>: {result.job.seen.join(' → ')}
        </div>
      )}
      {!result.job && <div>No sync job was run: reads show the change after the next sync.</div>}
      {result.warning && <div>{result.warning}</div>}
    </div>
  );
}
