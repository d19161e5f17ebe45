/** One environment in the list: what it is, its credential check, and what can be done with it. */
import type { JSX } from 'react';
import type { EnvironmentView } from '@shared/domain/environment';
import { useAction } from '@renderer/components/data/use-action';
import { unwrap, workbench } from '@renderer/workbench';
import { KIND_LABELS } from './useEnvironments';

interface Props {
  environment: EnvironmentView;
  active: boolean;
  onSwitch: () => void;
  onEdit: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

export function EnvironmentCard({ environment: env, active, onSwitch, onEdit, onDuplicate, onDelete }: Props): JSX.Element {
  // Each environment checks its own credentials: several checks may run side by side.
  const check = useAction(() => unwrap(workbench().environments.checkCredentials({ id: env.id })));
  const outcome: { ok: boolean; text: string } | 'running' | null = check.pending
    ? 'running'
    : check.result
      ? {
          ok: check.result.ok,
          text: `${check.result.message}${check.result.requestId ? ` Finch-Request-ID: ${check.result.requestId}` : ''}`,
        }
      : check.failure
        ? { ok: false, text: check.failure.message }
        : null;
  return (
    <li
      className={`card env-card env-kind-${env.kind}${active ? ' env-active' : ''}`}
      style={env.color && env.kind !== 'production' ? { borderLeftColor: env.color } : undefined}
    >
      <div className="env-card-main">
        <div>
          <h2>
            {env.name} <span className={`kind-badge kind-${env.kind}`}>{KIND_LABELS[env.kind]}</span>
            {active && <span className="badge badge-ok">Active</span>}
          </h2>
          <p className="muted env-facts">
            {env.builtIn
              ? 'Built in: a Finch simulator on this computer. No credentials needed.'
              : `client_id ${env.clientIdHint ?? '—'} · ${env.hasSecret ? 'secret stored' : 'no secret yet'}${env.apiBaseUrl ? ` · API ${env.apiBaseUrl}` : ''}`}
          </p>
          {!env.builtIn && !env.hasSecret && <p className="field-error">Add the client secret before making calls in this environment.</p>}
          {outcome && (
            <p
              className={outcome === 'running' ? 'muted' : outcome.ok ? 'check-ok' : 'field-error'}
              role="status"
              data-testid={`credential-check-${env.id}`}
            >
              {outcome === 'running' ? 'Checking…' : outcome.text}
            </p>
          )}
        </div>
        <div className="env-actions">
          {!active && (
            <button type="button" className="button" onClick={onSwitch}>
              Switch to
            </button>
          )}
          <button
            type="button"
            className="button"
            onClick={() => void check.run()}
            disabled={check.pending || (!env.builtIn && !env.hasSecret)}
            aria-label={`Check credentials of ${env.name}`}
          >
            Check credentials
          </button>
          <button type="button" className="button" onClick={onEdit} aria-label={`Edit ${env.name}`}>
            Edit
          </button>
          {!env.builtIn && (
            <>
              <button type="button" className="button" aria-label={`Duplicate ${env.name}`} onClick={onDuplicate}>
                Duplicate
              </button>
              <button type="button" className="button button-danger-outline" onClick={onDelete} aria-label={`Delete ${env.name}`}>
                Delete
              </button>
            </>
          )}
        </div>
      </div>
    </li>
  );
}
