/**
 * The rules that classify pay-statement items, beside the items: each rule's conditions,
 * metadata, effective dates, priority and times; create, edit, delete. A change is a
 * destructive act (armed Production; the customer's name typed in Development and Production),
 * recorded on the connection's timeline; the items above are read again after it.
 */
import type { JSX } from 'react';
import { useRef, useState } from 'react';
import type { ConnectionView } from '@shared/domain/connection';
import type { EnvironmentView } from '@shared/domain/environment';
import type { RuleView } from '@shared/domain/pay-item-rules';
import { unwrap, workbench } from '@renderer/workbench';
import { useRead } from '@renderer/components/data/use-read';
import { useAction } from '@renderer/components/data/use-action';
import type { ReadFailure } from '@renderer/components/data/read-failure';
import { ReadError } from '@renderer/components/data/read-failure';
import { useTypedConfirm } from '@renderer/components/useTypedConfirm';
import type { RuleDraft } from './RuleForm';
import { RuleForm, errorsByField, inputOf } from './RuleForm';

interface Props {
  connection: ConnectionView;
  environment: EnvironmentView | null;
  onChanged: () => void;
}

type Editing = { rule: RuleView | null } | null;

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

export function PayItemRulesPanel({ connection, environment, onChanged }: Props): JSX.Element {
  const rules = useRead(`rules:${connection.id}`, () => unwrap(workbench().explorer.payItemRules({ connectionId: connection.id })), {
    keepDataOnError: true,
  });
  const [editing, setEditing] = useState<Editing>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const typed = useTypedConfirm(environment, connection, 'A rule changes how this employer’s pay items are classified for every reader');

  // The typed-name dialog stays open on a refusal (a wrong name, a disarmed Production) and shows why.
  const lastFailure = useRef<ReadFailure | null>(null);
  const orThrow = async (ran: Promise<boolean>) => {
    if (!(await ran)) throw new Error('A change is already being sent.');
    if (lastFailure.current) throw new Error(lastFailure.current.message);
  };
  const after = (what: string) => (result: { rule: RuleView; requestId: string | null }) => {
    lastFailure.current = null;
    setDone(`${what} ${result.rule.id || ''} · Finch-Request-ID: ${result.requestId ?? '—'}`);
    setEditing(null);
    rules.reload();
    onChanged();
  };
  const save = useAction(
    (draft: RuleDraft, rule: RuleView | null, confirmName: string | undefined) => {
      const parsed = inputOf(connection.id, draft);
      if (!parsed.ok) return Promise.reject(new Error('Fix the marked fields.'));
      const input = { ...parsed.input, ...(confirmName ? { confirmName } : {}) };
      return unwrap(
        rule ? workbench().explorer.updatePayItemRule({ ...input, ruleId: rule.id }) : workbench().explorer.createPayItemRule(input),
      );
    },
    {
      onDone: (result, _draft, rule) => after(rule ? 'Saved rule' : 'Created rule')(result),
      onFailure: (failure) => ((lastFailure.current = failure), setErrors(errorsByField(failure.fields))),
    },
  );
  const remove = useAction(
    (rule: RuleView, confirmName: string | undefined) =>
      unwrap(
        workbench().explorer.deletePayItemRule({ connectionId: connection.id, ruleId: rule.id, ...(confirmName ? { confirmName } : {}) }),
      ),
    { onDone: after('Deleted rule'), onFailure: (failure) => (lastFailure.current = failure) },
  );

  const submit = (draft: RuleDraft) => {
    const rule = editing?.rule ?? null;
    const parsed = inputOf(connection.id, draft);
    setDone(null);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    typed.confirm(rule ? 'Save rule' : 'Create rule', (name) => orThrow(save.run(draft, rule, name)));
  };
  const failure = save.failure ?? remove.failure;

  return (
    <section className="card" aria-label="Pay-statement item rules">
      <div className="card-head">
        <h2>Rules</h2>
        <span className="card-head-actions">
          <button type="button" className="button" onClick={() => (setErrors({}), setEditing({ rule: null }))} disabled={editing !== null}>
            New rule
          </button>
          <button type="button" className="button" onClick={rules.reload} disabled={rules.loading}>
            {rules.loading ? 'Reading…' : 'Read again'}
          </button>
        </span>
      </div>
      <p className="muted">
        <span className="mono">/employer/pay-statement-item/rule</span>: items that meet every condition carry the rule’s metadata (the
        items above show it).
      </p>
      {editing && (
        <RuleForm
          key={editing.rule?.id ?? 'new'}
          initial={editing.rule}
          busy={save.pending}
          errors={errors}
          onSubmit={submit}
          onCancel={() => (setEditing(null), setErrors({}))}
        />
      )}
      {failure && failure.kind !== 'validation' && <ReadError failure={failure} what="the rule" title="The rule change failed" />}
      {failure?.kind === 'validation' && (
        <p className="field-error" role="alert">
          {failure.message}
        </p>
      )}
      {done && (
        <p className="check-ok" role="status">
          {done}
        </p>
      )}
      {rules.error && <ReadError failure={rules.error} what="the rules" onRetry={rules.reload} />}
      {rules.data && rules.data.rules.length === 0 && <p className="muted">No rules on this connection yet.</p>}
      {rules.data && rules.data.rules.length > 0 && (
        <table className="plain-table rules-table" aria-label="Rules">
          <thead>
            <tr>
              <th scope="col">Priority</th>
              <th scope="col">Conditions</th>
              <th scope="col">Metadata</th>
              <th scope="col">Effective</th>
              <th scope="col">Created / updated</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.data.rules.map((rule) => (
              <tr key={rule.id} aria-label={`Rule ${rule.id}`}>
                <td>{rule.priority ?? '—'}</td>
                <td>
                  {rule.conditions.map((c, i) => (
                    <div key={i}>
                      <span className="mono">{c.field}</span> {c.operator} “{c.value}”
                    </div>
                  ))}
                </td>
                <td>
                  <code>{rule.metadata ? JSON.stringify(rule.metadata) : 'null'}</code>
                </td>
                <td>
                  {rule.effectiveStartDate ?? 'always'} → {rule.effectiveEndDate ?? 'open'}
                </td>
                <td className="muted">
                  {when(rule.createdAt)}
                  <br />
                  {when(rule.updatedAt)}
                </td>
                <td>
                  <button
                    type="button"
                    className="button"
                    onClick={() => (setErrors({}), setEditing({ rule }))}
                    disabled={editing !== null}
                    aria-label={`Edit rule ${rule.id}`}
                  >
                    Edit
                  </button>{' '}
                  <button
                    type="button"
                    className="button button-danger-outline"
                    disabled={remove.pending}
                    onClick={() => (setDone(null), typed.confirm('Delete rule', (name) => orThrow(remove.run(rule, name))))}
                    aria-label={`Delete rule ${rule.id}`}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rules.data && rules.data.requestIds.length > 0 && <p className="muted mono">Finch-Request-ID: {rules.data.requestIds.join(', ')}</p>}
      {typed.element}
    </section>
  );
}
