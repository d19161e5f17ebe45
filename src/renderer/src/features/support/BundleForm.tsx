/** What goes in a support bundle: connections, application-level calls, time window, failures only. */
import type { JSX } from 'react';
import type { BundleRequest, BundleSelection, SupportScope } from '@shared/domain/support';
import { kindLabel } from '@renderer/components/environment-kind';
import type { RangeId } from './useBundle';
import { RANGES } from './useBundle';

interface Props {
  scope: SupportScope;
  /** The focused failure as the preview shows it (null until the preview is in). */
  focus: BundleRequest | null;
  selection: BundleSelection;
  range: RangeId;
  onChange: (selection: BundleSelection) => void;
  onRange: (range: RangeId) => void;
}

/** `datetime-local` wants local time without a zone. */
function toLocalInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

function fromLocalInput(value: string): number | null {
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}

function withoutFocus({ focusId: _dropped, ...rest }: BundleSelection): BundleSelection {
  return rest;
}

export function BundleForm({ scope, focus, selection, range, onChange, onRange }: Props): JSX.Element {
  const set = (patch: Partial<BundleSelection>) => onChange({ ...selection, ...patch });
  const toggle = (id: string, on: boolean) =>
    set({ connectionIds: on ? [...selection.connectionIds, id] : selection.connectionIds.filter((c) => c !== id) });
  const live = scope.connections.filter((c) => !c.disconnected);
  const failedInWindow = (c: SupportScope['connections'][number]) =>
    c.lastFailureAt !== null && c.lastFailureAt >= selection.from && c.lastFailureAt <= selection.to;
  const failing = scope.connections.filter(failedInWindow);

  return (
    <section className="card" aria-labelledby="bundle-select-title">
      <h2 id="bundle-select-title">What to include</h2>
      <p className="muted bundle-env">
        Environment: <strong>{scope.environment.name}</strong>{' '}
        <span className={`kind-badge kind-${scope.environment.kind}`}>{kindLabel(scope.environment.kind)}</span>
      </p>
      <fieldset className="products bundle-connections">
        <legend>Connections</legend>
        {scope.connections.length === 0 && (
          <p className="muted">No connections in this environment: the bundle can still cover application-level calls.</p>
        )}
        {scope.connections.length > 1 && (
          <div className="bundle-quick">
            {failing.length > 0 && (
              <>
                <button type="button" className="link-button" onClick={() => set({ connectionIds: failing.map((c) => c.id) })}>
                  With failures
                </button>
                {' · '}
              </>
            )}
            <button type="button" className="link-button" onClick={() => set({ connectionIds: live.map((c) => c.id) })}>
              All live
            </button>
            {' · '}
            <button type="button" className="link-button" onClick={() => set({ connectionIds: [] })}>
              None
            </button>
          </div>
        )}
        <ul className="bundle-connection-list">
          {scope.connections.map((c) => (
            <li key={c.id}>
              <label className="checkbox">
                <input type="checkbox" checked={selection.connectionIds.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                <span>
                  <strong>{c.providerId ?? 'unknown provider'}</strong> · {c.customerName ?? 'no customer name'} ·{' '}
                  <span className="mono">{c.id}</span>
                  <span className="muted">
                    {' '}
                    · {c.disconnected ? 'disconnected' : c.status}
                    {failedInWindow(c) ? ' · failed in this window' : ''}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        <label className="checkbox">
          <input type="checkbox" checked={selection.includeUnscoped} onChange={(e) => set({ includeUnscoped: e.target.checked })} />
          Application-level calls (Connect sessions, code exchange, sandbox setup)
        </label>
      </fieldset>
      <div className="inline-fields bundle-window">
        <label className="field">
          <span>Time window</span>
          <select value={range} onChange={(e) => onRange(e.target.value as RangeId)}>
            {RANGES.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>From</span>
          <input
            type="datetime-local"
            value={toLocalInput(selection.from)}
            onChange={(e) => {
              const ms = fromLocalInput(e.target.value);
              if (ms !== null) {
                onRange('custom');
                set({ from: ms });
              }
            }}
          />
        </label>
        <label className="field">
          <span>To</span>
          <input
            type="datetime-local"
            value={toLocalInput(selection.to)}
            onChange={(e) => {
              const ms = fromLocalInput(e.target.value);
              if (ms !== null) {
                onRange('custom');
                set({ to: ms });
              }
            }}
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={selection.failedOnly} onChange={(e) => set({ failedOnly: e.target.checked })} /> Failed attempts
          only
        </label>
      </div>
      {selection.focusId !== undefined && (
        <p className="muted bundle-focus">
          About one failure
          {focus ? (
            <>
              :{' '}
              <span className="mono">{`${focus.method} ${focus.path.split('?')[0]} → ${focus.outcome === 'batch_partial_failure' ? `item errors: ${focus.message ?? 'per-item errors'}` : `${focus.status ?? 'no response'} ${focus.finch_code ?? ''}`}`}</span>
              , Finch-Request-ID <span className="mono">{focus.request_id ?? 'none'}</span>
            </>
          ) : null}
          . Every attempt of that call is included, even outside the window.{' '}
          <button type="button" className="link-button" onClick={() => onChange(withoutFocus(selection))}>
            Drop the focus
          </button>
        </p>
      )}
    </section>
  );
}
