/**
 * "Before you connect": what this environment allows, from the same rule table the Connect
 * flow enforces in main (e.g. Development refuses Gusto and assisted providers).
 */
import type { JSX } from 'react';
import { useState } from 'react';
import type { EnvironmentView } from '@shared/domain/environment';
import { useRead } from '@renderer/components/data/use-read';
import { PROVIDER_IDS, SandboxModeField, SelectField } from '@renderer/components/fields';
import { unwrap, workbench } from '@renderer/workbench';

type Verdict = { allowed: boolean; reason?: string; warnings: string[] };
const METHODS = ['credential', 'api_token', 'oauth', 'assisted'] as const;

export function ConnectionRulesCheck({ environment }: { environment: EnvironmentView }): JSX.Element {
  const sandboxLike = environment.kind === 'sandbox' || environment.kind === 'local-simulator';
  const [providerId, setProviderId] = useState<string>('gusto');
  const [authMethod, setAuthMethod] = useState<(typeof METHODS)[number]>('credential');
  const [sandboxMode, setSandboxMode] = useState<'finch' | 'provider'>('finch');
  const input = { id: environment.id, providerId, authMethod, ...(sandboxLike ? { sandboxMode } : {}) };
  // Keyed by the choice: an answer for a choice already changed again is dropped.
  const read = useRead(JSON.stringify(input), () => unwrap(workbench().environments.checkConnection(input)));
  const verdict: Verdict | null = read.error ? { allowed: false, reason: read.error.message, warnings: [] } : read.data;

  return (
    <section className="card" aria-labelledby="rules-title">
      <h2 id="rules-title">Before you connect in {environment.name}</h2>
      <div className="inline-fields">
        <SelectField label="Provider" value={providerId} options={PROVIDER_IDS} onChange={setProviderId} />
        <SelectField label="Authentication" value={authMethod} options={METHODS} onChange={setAuthMethod} />
        {sandboxLike && <SandboxModeField value={sandboxMode} onChange={setSandboxMode} />}
      </div>
      {verdict && (
        <div data-testid="connection-verdict" className={verdict.allowed ? 'verdict verdict-ok' : 'verdict verdict-blocked'} role="status">
          <strong>{verdict.allowed ? 'Allowed' : 'Blocked'}</strong>
          {verdict.reason && <span> — {verdict.reason}</span>}
          {verdict.warnings.map((w) => (
            <p key={w} className="verdict-warning">
              ⚠ {w}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
