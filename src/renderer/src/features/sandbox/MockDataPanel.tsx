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
import { useAction } from '@renderer/components/data/use-action';
import { useRead } from '@renderer/components/data/use-read';
import { SelectField } from '@renderer/components/fields';
import type { FieldError } from '@renderer/components/schema-form/SchemaForm';
import { focusFirstInvalid, SchemaForm } from '@renderer/components/schema-form/SchemaForm';
import type { SchemaNode } from '@renderer/components/schema-form/schema-node';
import { pruneUnset } from '@renderer/components/schema-form/schema-node';
import { unwrap, workbench } from '@renderer/workbench';
import { checkBeforeSending } from './mock-data-check';
import type { WriteName } from './mock-data-prefill';
import { WRITE_LABELS, changedFields, prefill } from './mock-data-prefill';
import { PersonSelect } from './PersonSelect';
import { usePeoplePicker } from './usePeoplePicker';

// The JSON's inferred literal types are far narrower than SchemaNode; it is checked by a test against the spec.
const SCHEMAS = schemas as unknown as Record<WriteName, SchemaNode>;
const FORM_SCHEMA: Record<WriteName, SchemaNode> = { ...SCHEMAS, directory: SCHEMAS.directory.items! };

const NOTHING: Record<string, unknown> = {};

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
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sync, setSync] = useState(true);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const operation = useOperation();
  const formRef = useRef<HTMLFormElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => void (focusRequest > 0 && focusFirstInvalid(formRef.current)), [focusRequest]);
  const needsPerson = write === 'individual' || write === 'employment';

  // The record the form edits, as Finch has it now: read again for each change, connection and
  // person (a slower answer for a previous choice is dropped), none while no person is chosen.
  const prefillKey = !connectionId || (needsPerson && !personId) ? null : JSON.stringify([write, connectionId, personId]);
  const start = useRead(prefillKey, () => prefill(write, connectionId, personId), { keepDataOnError: true });
  const original = start.data ?? NOTHING;
  // What the user typed, over the record it started from: a new record replaces it.
  const [edit, setEdit] = useState<{ from: Record<string, unknown>; value: Record<string, unknown> } | null>(null);
  const value = edit && edit.from === original ? edit.value : original;
  const setValue = (next: Record<string, unknown>): void => setEdit({ from: original, value: next });
  useEffect(() => {
    if (prefillKey !== null) setErrors([]);
  }, [prefillKey]);
  useEffect(() => {
    if (start.error) setOutcome({ ok: false, message: start.error.message, requestId: null });
  }, [start.error]);

  const saving = useAction(
    (body: unknown, _filled: Record<string, unknown>, _write: WriteName) =>
      unwrap(
        workbench().sandbox.write({
          connectionId,
          write,
          body,
          sync,
          operationId: operation.next(),
          ...(personId && (write === 'individual' || write === 'employment') ? { individualId: personId } : {}),
        }),
      ),
    {
      onDone: (result, _body, filled, saved) => {
        setOutcome({ ok: true, result });
        // What was sent is what Finch has now: the next edit is compared with it.
        start.setData(filled);
        setEdit({ from: filled, value });
        if (saved === 'directory') picker.reload();
      },
      onFailure: (failure) => {
        setErrors(failure.fields);
        setFocusRequest((n) => n + 1);
        setOutcome({ ok: false, message: failure.message, requestId: failure.requestId });
      },
    },
  );
  const busy = start.loading ? 'loading' : saving.pending ? 'saving' : null;

  useEffect(() => {
    // The first person by default; a choice stays while the list grows or is read again.
    if (!personId || !people.some((p) => p.id === personId)) setPersonId(people[0]?.id ?? null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [people]);

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
    setErrors([]);
    setOutcome(null);
    void saving.run(body, filled, write);
  };

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
