/** How each environment kind is named to people (badges, the switcher, forms): never its enum id. */
import type { EnvironmentView } from '@shared/domain/environment';

export const KIND_LABELS: Record<EnvironmentView['kind'], string> = {
  'local-simulator': 'Local simulator',
  sandbox: 'Sandbox',
  development: 'Development',
  production: 'Production',
};

/** A kind that arrived as plain text (support scopes): its label, or the text itself if unknown. */
export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}
