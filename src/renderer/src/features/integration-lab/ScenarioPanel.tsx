/**
 * What the proxy injects: a built-in preset mirroring Finch's checklist, or none. Each rule shows
 * where it applies and how often it fired.
 */
import type { JSX } from 'react';
import { useState } from 'react';
import type { ActiveScenario, ScenarioPreset } from '@shared/contract/integration-lab';
import type { ScenarioRule } from '@shared/domain/integration-lab';
import { RuleForm } from './RuleForm';
import { useAction } from '@renderer/components/data/use-action';
import { unwrap, workbench } from '@renderer/workbench';

const where = (r: ActiveScenario['rules'][number]) =>
  [
    r.products?.length ? `products ${r.products.join(', ')}` : 'every product',
    r.pathPrefix ? `paths ${r.pathPrefix}…` : null,
    r.connectionKey ? `connection ${r.connectionKey}` : null,
    r.probability !== undefined && r.probability < 1 ? `${Math.round(r.probability * 100)}% of calls` : null,
    r.count ? `at most ${r.count}×` : null,
  ]
    .filter(Boolean)
    .join(', ');

export function ScenarioPanel({
  presets,
  scenario,
  onChanged,
}: {
  presets: ScenarioPreset[] | null;
  scenario: ActiveScenario | null;
  onChanged: (next: ActiveScenario) => void;
}): JSX.Element {
  const [chosen, setChosen] = useState('');
  const apply = useAction(
    (presetId: string | null) => unwrap(workbench().integrationLab.setScenario(presetId ? { presetId } : { rules: [] })),
    {
      onDone: (next) => onChanged(next),
    },
  );
  // Your own rules (and presets added to them) replace the rule list as a whole.
  const setRules = useAction((rules: ScenarioRule[]) => unwrap(workbench().integrationLab.setScenario({ rules })), {
    onDone: (next) => onChanged(next),
  });
  const current = scenario?.rules ?? [];
  const fieldErrors = Object.fromEntries((setRules.failure?.fields ?? []).map((f) => [f.path.replace(/^rules\.\d+\./, ''), f.message]));
  const nextId = `my-rule-${Math.max(0, ...current.map((r) => Number(/^my-rule-(\d+)$/.exec(r.id)?.[1] ?? 0))) + 1}`;
  const preset = presets?.find((p) => p.id === chosen) ?? null;
  return (
    <section className="card" aria-label="Scenario">
      <div className="card-head">
        <h2>Scenario: {scenario?.rules.length ? scenario.name : 'pass everything through'}</h2>
      </div>
      <div className="inline-fields">
        <label className="field">
          <span>Preset</span>
          <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">Choose a preset…</option>
            {(presets ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button-primary" disabled={!chosen || apply.pending} onClick={() => void apply.run(chosen)}>
          Apply preset
        </button>
        <button
          type="button"
          className="button"
          disabled={!preset || setRules.pending}
          onClick={() => preset && void setRules.run([...current, ...preset.rules.filter((r) => !current.some((c) => c.id === r.id))])}
        >
          Add to the current rules
        </button>
        <button type="button" className="button" disabled={!scenario?.rules.length || apply.pending} onClick={() => void apply.run(null)}>
          Inject nothing
        </button>
      </div>
      {preset && <p className="muted">{preset.description}</p>}
      <RuleForm nextId={nextId} busy={setRules.pending} fieldErrors={fieldErrors} onAdd={(rule) => void setRules.run([...current, rule])} />
      {setRules.failure && Object.keys(fieldErrors).length === 0 && (
        <p className="field-error" role="alert">
          {setRules.failure.message}
        </p>
      )}
      {apply.failure && (
        <p className="field-error" role="alert">
          {apply.failure.message}
        </p>
      )}
      {scenario && scenario.rules.length > 0 && (
        <table className="plain-table" aria-label="Scenario rules">
          <thead>
            <tr>
              <th>Rule</th>
              <th>Injects</th>
              <th>Where</th>
              <th>Fired</th>
              <th>
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {scenario.rules.map((r) => (
              <tr key={r.id}>
                <td className="mono">{r.id}</td>
                <td>{r.inject.replaceAll('_', ' ')}</td>
                <td>{where(r)}</td>
                <td>{scenario.fired[r.id] ?? 0}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    disabled={setRules.pending}
                    onClick={() => void setRules.run(current.filter((c) => c.id !== r.id))}
                  >
                    Remove {r.id}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
