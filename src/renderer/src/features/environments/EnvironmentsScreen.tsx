/** The Environments area: every environment, which is active, and what can be done with each. */
import type { JSX } from 'react';
import { useRef, useState } from 'react';
import type { EnvironmentsState, EnvironmentView } from '@shared/domain/environment';
import { useOutput } from '@renderer/components/export/useOutput';
import { unwrap, workbench } from '@renderer/workbench';
import { ConnectionRulesCheck } from './ConnectionRulesCheck';
import { DeleteEnvironmentDialog } from './DeleteEnvironmentDialog';
import { EnvironmentForm } from './EnvironmentForm';
import { KIND_LABELS } from './useEnvironments';

export function EnvironmentsScreen({ state }: { state: EnvironmentsState | null }): JSX.Element {
  const [editing, setEditing] = useState<EnvironmentView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<EnvironmentView | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [checks, setChecks] = useState<Record<string, { ok: boolean; text: string } | 'running'>>({});
  const check = (env: EnvironmentView): void => {
    setChecks((c) => ({ ...c, [env.id]: 'running' }));
    unwrap(workbench().environments.checkCredentials({ id: env.id })).then(
      (r) =>
        setChecks((c) => ({ ...c, [env.id]: { ok: r.ok, text: `${r.message}${r.requestId ? ` Finch-Request-ID: ${r.requestId}` : ''}` } })),
      (e: Error) => setChecks((c) => ({ ...c, [env.id]: { ok: false, text: e.message } })),
    );
  };
  const fileInput = useRef<HTMLInputElement>(null);

  const act = (call: Promise<unknown>, done?: string): void => {
    setMessage(null);
    call.then(
      () => done && setMessage({ kind: 'info', text: done }),
      (e: Error) => setMessage({ kind: 'error', text: e.message }),
    );
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
    act(
      file.text().then((json) => unwrap(workbench().environments.importJson({ json }))),
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
          <li
            key={env.id}
            className={`card env-card env-kind-${env.kind}${env.id === state.activeId ? ' env-active' : ''}`}
            style={env.color && env.kind !== 'production' ? { borderLeftColor: env.color } : undefined}
          >
            <div className="env-card-main">
              <div>
                <h2>
                  {env.name} <span className={`kind-badge kind-${env.kind}`}>{KIND_LABELS[env.kind]}</span>
                  {env.id === state.activeId && <span className="badge badge-ok">Active</span>}
                </h2>
                <p className="muted env-facts">
                  {env.builtIn
                    ? 'Built in: a Finch simulator on this computer. No credentials needed.'
                    : `client_id ${env.clientIdHint ?? '—'} · ${env.hasSecret ? 'secret stored' : 'no secret yet'}${env.apiBaseUrl ? ` · API ${env.apiBaseUrl}` : ''}`}
                </p>
                {!env.builtIn && !env.hasSecret && (
                  <p className="field-error">Add the client secret before making calls in this environment.</p>
                )}
                {checks[env.id] && (
                  <p
                    className={checks[env.id] === 'running' ? 'muted' : (checks[env.id] as { ok: boolean }).ok ? 'check-ok' : 'field-error'}
                    role="status"
                    data-testid={`credential-check-${env.id}`}
                  >
                    {checks[env.id] === 'running' ? 'Checking…' : (checks[env.id] as { text: string }).text}
                  </p>
                )}
              </div>
              <div className="env-actions">
                {env.id !== state.activeId && (
                  <button type="button" className="button" onClick={() => act(unwrap(workbench().environments.setActive({ id: env.id })))}>
                    Switch to
                  </button>
                )}
                <button
                  type="button"
                  className="button"
                  onClick={() => check(env)}
                  disabled={checks[env.id] === 'running' || (!env.builtIn && !env.hasSecret)}
                  aria-label={`Check credentials of ${env.name}`}
                >
                  Check credentials
                </button>
                <button type="button" className="button" onClick={() => setEditing(env)} aria-label={`Edit ${env.name}`}>
                  Edit
                </button>
                {!env.builtIn && (
                  <>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Duplicate ${env.name}`}
                      onClick={() =>
                        act(
                          unwrap(workbench().environments.duplicate({ id: env.id, name: `${env.name} copy` })),
                          'Duplicated without the secret.',
                        )
                      }
                    >
                      Duplicate
                    </button>
                    <button
                      type="button"
                      className="button button-danger-outline"
                      onClick={() => setDeleting(env)}
                      aria-label={`Delete ${env.name}`}
                    >
                      Delete
                    </button>
                  </>
                )}
              </div>
            </div>
          </li>
        ))}
      </ul>
      {active && <ConnectionRulesCheck environment={active} />}
      {deleting && <DeleteEnvironmentDialog environment={deleting} onClose={() => setDeleting(null)} />}
    </section>
  );
}
