import type { JSX } from 'react';
import type { AppInfo, Settings, Theme } from '@shared/contract';
import { useAction } from '@renderer/components/data/use-action';
import { unwrap, workbench } from '@renderer/workbench';
import { RetentionForm } from './RetentionForm';

const THEMES: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function SettingsScreen({ settings, info }: { settings: Settings | null; info: AppInfo | null }): JSX.Element {
  // The new settings come back through main's change event; only a failure is shown here.
  const update = useAction((theme: Theme) => unwrap(workbench().settings.update({ theme })));
  const error = update.failure?.message ?? null;
  const choose = (theme: Theme): void => void update.run(theme);

  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <div className="card">
        <h2>Appearance</h2>
        <fieldset className="segmented" disabled={!settings}>
          <legend>Theme</legend>
          {THEMES.map((option) => (
            <label key={option.value} className={settings?.theme === option.value ? 'segment checked' : 'segment'}>
              <input
                type="radio"
                name="theme"
                value={option.value}
                checked={settings?.theme === option.value}
                onChange={() => choose(option.value)}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <RetentionForm retention={settings?.requestLogRetention ?? null} />
      <div className="card" aria-labelledby="about-title">
        <h2 id="about-title">About</h2>
        {info ? (
          <dl className="facts">
            <dt>Version</dt>
            <dd data-testid="about-version">{info.version}</dd>
            <dt>Running as</dt>
            <dd>
              {info.runtime === 'electron' ? 'Desktop app (Electron)' : 'Browser harness (npm run web)'} on {info.platform}
            </dd>
            <dt>Data folder</dt>
            <dd>
              <code data-testid="about-data-folder">{info.dataFolder}</code>
            </dd>
            <dt>OS secret storage</dt>
            <dd data-testid="about-secret-storage">
              <span className={info.secretStorage.available ? 'badge badge-ok' : 'badge badge-warn'}>
                {info.secretStorage.available ? 'Available' : 'Unavailable'}
              </span>{' '}
              {info.secretStorage.detail}
            </dd>
          </dl>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </div>
    </section>
  );
}
