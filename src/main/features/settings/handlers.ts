/** The `settings` channels. */
import type { HandlerMap } from '@shared/contract';
import type { SettingsService } from './settings-service';

export function buildSettingsHandlers(settings: SettingsService): HandlerMap['settings'] {
  return { get: () => settings.get(), update: (patch) => settings.update(patch) };
}
