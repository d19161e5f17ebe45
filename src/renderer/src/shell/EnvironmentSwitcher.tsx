/**
 * The active environment, always in the header. A native <select> so it is keyboard- and
 * screen-reader-friendly; Ctrl/Cmd+Shift+E focuses it from anywhere.
 */
import type { JSX } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { EnvironmentsState } from '@shared/domain/environment';
import { KIND_LABELS } from '../features/environments/useEnvironments';
import { unwrap, workbench } from '../workbench';

export function EnvironmentSwitcher({ state }: { state: EnvironmentsState | null }): JSX.Element {
  const ref = useRef<HTMLSelectElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'e') {
        event.preventDefault();
        ref.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const active = state?.environments.find((e) => e.id === state.activeId);
  return (
    <div className={`header-env env-kind-${active?.kind ?? 'local-simulator'}`}>
      <span className="env-dot" aria-hidden="true" style={active?.color ? { background: active.color } : undefined} />
      <label className="visually-hidden" htmlFor="environment-switcher">
        Active environment (Ctrl+Shift+E)
      </label>
      <select
        id="environment-switcher"
        ref={ref}
        value={state?.activeId ?? ''}
        disabled={!state}
        title="The environment every action in this window uses (Ctrl+Shift+E)"
        onChange={(event) => {
          setError(null);
          unwrap(workbench().environments.setActive({ id: event.target.value })).catch((e: Error) => setError(e.message));
        }}
      >
        {state?.environments.map((env) => (
          <option key={env.id} value={env.id}>
            {env.builtIn ? env.name : `${env.name} · ${KIND_LABELS[env.kind]}`}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
