/** The Environments area: every environment, which is active, and what can be done with each. */
import type { JSX } from 'react';
import { useRef, useState } from 'react';
import type { EnvironmentsState, EnvironmentView } from '@shared/domain/environment';
import { useAction } from '@renderer/components/data/use-action';
import { useOutput } from '@renderer/components/export/useOutput';
import { unwrap, workbench } from '@renderer/workbench';
import { ConnectionRulesCheck } from './ConnectionRulesCheck';
import { DeleteEnvironmentDialog } from './DeleteEnvironmentDialog';
import { EnvironmentCard } from './EnvironmentCard';
import { EnvironmentForm } from './EnvironmentForm';

export function EnvironmentsScreen({ state }: { state: EnvironmentsState | null }): JSX.Element {
  const [editing, setEditing] = useState<EnvironmentView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<EnvironmentView | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // Switch, duplicate, import: one at a time, the outcome in the line under the toolbar.
  const act = useAction((call: () => Promise<unknown>, _done?: string) => call(), {
    onDone: (_result, _call, done) => done && setMessage({ kind: 'info', text: done }),
    onFailure: (failure) => setMessage({ kind: 'error', text: failure.message }),
  });
  const run = (call: () => Promise<unknown>, done?: string): void => {
    if (act.pending) return;
    setMessage(null);
    void act.run(call, done);
  };
  // Main builds this file and never puts a secret in it; it still leaves through the export gate
  // like every other output, so the preview shows it and the final bytes are checked.
  const output = useOutput();
  const exportAll = (): void => {
    setMessage(null);
    output.exportFile('Export environments', 'the environments file', {
      target: 'file',
      kind: 'environments',
      suggestedName: 'finch-workbench-environments.json',
    });
  };
  const importFile = (file: File): void =>
    run(
      () => file.text().then((json) => unwrap(workbench().environments.importJson({ json }))),
      'Imported. Enter each client secret before use.',
    );

  const active = state?.environments.find((e) => e.id === state.activeId) ?? null;
  return (
    <section className="screen" aria-labelledby="environments-title">
      <h1 id="environments-title">Environments</h1>
      <p className="lede">Local simulator, Sandbox, Development and Production — each with its own client_id and encrypted secret.</p>
      <div className="toolbar">
        <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
          Add environment
        </button>
        <button type="button" className="button" onClick={exportAll}>
          Export JSON
        </button>
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          Import JSON
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label="Environments file to import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) importFile(file);
            e.target.value = '';
          }}
        />
      </div>
      {message && (
        <p className={message.kind === 'error' ? 'field-error' : 'muted'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {output.element}
      {output.note && (
        <p className={output.note.ok ? 'muted' : 'field-error'} role={output.note.ok ? 'status' : 'alert'}>
          {output.note.text}. The file holds no secrets: enter each client secret after importing it.
        </p>
      )}
      {editing && (
        <EnvironmentForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? null : editing}
          sessionOnly={state?.secretStorage.mode === 'session-only'}
          onDone={() => setEditing(null)}
        />
      )}
      <ul className="env-list" aria-label="Environments">
        {state?.environments.map((env) => (
          <EnvironmentCard
            key={env.id}
            environment={env}
            active={env.id === state.activeId}
            onSwitch={() => run(() => unwrap(workbench().environments.setActive({ id: env.id })))}
            onEdit={() => setEditing(env)}
            onDuplicate={() =>
              run(
                () => unwrap(workbench().environments.duplicate({ id: env.id, name: `${env.name} copy` })),
                'Duplicated without the secret.',
              )
            }
            onDelete={() => setDeleting(env)}
          />
        ))}
      </ul>
      {active && <ConnectionRulesCheck environment={active} />}
      {deleting && <DeleteEnvironmentDialog environment={deleting} onClose={() => setDeleting(null)} />}
    </section>
  );
}
