/**
 * Applies the saved theme to <html data-theme>. `system` follows the OS and changes with it.
 * The theme is stored by main (settings file), not in localStorage, so it survives restarts
 * and is the same in every window.
 */
import { useEffect, useState } from 'react';
import type { Settings, Theme } from '@shared/contract';
import { unwrap, workbench } from '../workbench';
import { carriedRead, firstRead } from '@renderer/components/startup/first-reads';

function resolveTheme(theme: Theme): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function useSettings(): { settings: Settings | null; error: string | null } {
  const [settings, setSettings] = useState<Settings | null>(() => carriedRead('settings'));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const off = workbench().settings.onChanged(setSettings);
    unwrap(firstRead('settings', () => workbench().settings.get())).then(setSettings, (e: Error) => setError(e.message));
    return off;
  }, []);
  return { settings, error };
}

export function useAppliedTheme(theme: Theme | undefined): void {
  useEffect(() => {
    if (!theme) return;
    const apply = (): void => {
      document.documentElement.dataset['theme'] = resolveTheme(theme);
    };
    apply();
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
