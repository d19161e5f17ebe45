/**
 * Add or edit an environment. Fields are checked in main (the contract's schema); errors come
 * back per field and are shown beside it. The secret input is write-only: an existing secret
 * is never shown, only replaced or cleared.
 */
import type { JSX } from 'react';
import { useState } from 'react';
import type { EnvironmentView } from '@shared/domain/environment';
import { useAction } from '@renderer/components/data/use-action';
import { unwrap, workbench } from '@renderer/workbench';
import { KIND_LABELS } from './useEnvironments';

type Kind = 'sandbox' | 'development' | 'production';

interface Props {
  editing: EnvironmentView | null;
  /** No OS keyring: secrets live in memory until the app closes. */
  sessionOnly: boolean;
  onDone: () => void;
}

export function EnvironmentForm({ editing, sessionOnly, onDone }: Props): JSX.Element {
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<Kind>(editing && editing.kind !== 'local-simulator' ? editing.kind : 'sandbox');
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [apiBaseUrl, setApiBaseUrl] = useState(editing?.apiBaseUrl ?? '');
  const [connectUrl, setConnectUrl] = useState(editing?.connectUrl ?? '');
  const [color, setColor] = useState(editing?.color ?? '');
  const builtIn = editing?.builtIn ?? false;

  // Main checks the fields: a validation failure names each bad one, shown beside it.
  const save = useAction(
    async (): Promise<void> => {
      const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
      if (editing) {
        await unwrap(
          workbench().environments.update({
            id: editing.id,
            name,
            ...(builtIn ? {} : { apiBaseUrl: optional(apiBaseUrl) ?? null, connectUrl: optional(connectUrl) ?? null }),
            color: color || null,
            ...(clientId.trim() ? { clientId } : {}),
            ...(clientSecret ? { clientSecret } : {}),
          }),
        );
      } else {
        await unwrap(
          workbench().environments.create({
            name,
            kind,
            clientId,
            ...(clientSecret ? { clientSecret } : {}),
            ...(optional(apiBaseUrl) ? { apiBaseUrl: optional(apiBaseUrl) } : {}),
            ...(optional(connectUrl) ? { connectUrl: optional(connectUrl) } : {}),
            ...(color ? { color } : {}),
          }),
        );
      }
    },
    { onDone },
  );
  const fields = save.failure?.fields ?? [];
  const errors: Record<string, string> = Object.fromEntries(fields.map((f) => [f.path, f.message]));
  const formError = save.failure && fields.length === 0 ? save.failure.message : null;
  const submit = save.run;

  // Only the label text names the input; hints and errors describe it (aria-describedby).
  const field = (id: string, label: string, input: JSX.Element, hint?: string): JSX.Element => (
    <div className="field">
      <label htmlFor={`env-${id}`}>{label}</label>
      {input}
      {hint && !errors[id] && (
        <small id={`env-${id}-hint`} className="muted">
          {hint}
        </small>
      )}
      {errors[id] && (
        <small id={`env-${id}-error`} className="field-error" role="alert">
          {label} {errors[id]}
        </small>
      )}
    </div>
  );

  return (
    <form
      className="card form"
      aria-label={editing ? `Edit ${editing.name}` : 'Add environment'}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>{editing ? `Edit ${editing.name}` : 'Add environment'}</h2>
      {field(
        'name',
        'Name',
        <input
          id="env-name"
          aria-describedby="env-name-hint env-name-error"
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoFocus
        />,
      )}
      {!editing &&
        field(
          'kind',
          'Kind',
          <select
            id="env-kind"
            aria-describedby="env-kind-hint env-kind-error"
            value={kind}
            onChange={(e) => setKind(e.target.value as Kind)}
          >
            {(['sandbox', 'development', 'production'] as const).map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>,
          kind === 'production' ? 'Production is billable; the app will mark it unmistakably.' : undefined,
        )}
      {!builtIn && (
        <>
          {field(
            'clientId',
            'Client ID',
            <input
              id="env-clientId"
              aria-describedby="env-clientId-hint env-clientId-error"
              value={clientId}
              onChange={(e) => setClientId(e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />,
            editing
              ? `Leave empty to keep ${editing.clientIdHint ?? 'the current one'}.`
              : 'From the Finch Dashboard, for this environment only.',
          )}
          {field(
            'clientSecret',
            'Client secret',
            <input
              id="env-clientSecret"
              aria-describedby="env-clientSecret-hint env-clientSecret-error"
              type="password"
              value={clientSecret}
              onChange={(e) => setClientSecret(e.target.value)}
              autoComplete="off"
            />,
            sessionOnly
              ? 'No OS keyring: this secret is kept in memory until the app closes, never written to disk.'
              : editing?.hasSecret
                ? 'A secret is stored. Type a new one to replace it.'
                : 'Encrypted by the OS; this window never sees it again.',
          )}
          {field(
            'apiBaseUrl',
            'API base URL (optional)',
            <input
              id="env-apiBaseUrl"
              aria-describedby="env-apiBaseUrl-hint env-apiBaseUrl-error"
              value={apiBaseUrl}
              onChange={(e) => setApiBaseUrl(e.target.value)}
              placeholder="https://api.tryfinch.com"
            />,
          )}
          {field(
            'connectUrl',
            'Connect URL (optional)',
            <input
              id="env-connectUrl"
              aria-describedby="env-connectUrl-hint env-connectUrl-error"
              value={connectUrl}
              onChange={(e) => setConnectUrl(e.target.value)}
              placeholder="https://connect.tryfinch.com"
            />,
          )}
        </>
      )}
      {field(
        'color',
        'Colour',
        <span className="color-field">
          <input
            id="env-color"
            aria-describedby="env-color-hint env-color-error"
            type="color"
            value={color || '#2f5bd3'}
            onChange={(e) => setColor(e.target.value)}
          />
          {color ? (
            <button type="button" className="link-button" onClick={() => setColor('')}>
              Use the kind’s colour
            </button>
          ) : (
            <small className="muted">Using the kind’s colour</small>
          )}
        </span>,
        'Shown beside the name in the header and the list. Production keeps its red band whatever you choose.',
      )}
      {formError && (
        <p className="field-error" role="alert">
          {formError}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button-primary">
          {editing ? 'Save' : 'Add environment'}
        </button>
      </div>
    </form>
  );
}
