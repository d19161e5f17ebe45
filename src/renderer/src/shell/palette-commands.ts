/**
 * What the command palette (Ctrl/Cmd+K) can do: go to every screen, switch to every
 * environment, change the theme, and the main acts of each screen (which open that screen
 * with the act's control focused). Built from the areas list, so a new screen is reachable
 * the day it lands.
 */
import type { EnvironmentsState } from '@shared/domain/environment';
import type { Theme } from '@shared/contract';
import { AREAS, SETTINGS_AREA_ID } from '../areas';

export interface Command {
  id: string;
  label: string;
  /** Extra words the filter matches (not shown). */
  keywords: string;
  run: () => void | Promise<void>;
}

export interface CommandContext {
  environments: EnvironmentsState | null;
  navigate: (areaId: string) => void;
  setActiveEnvironment: (id: string) => Promise<void>;
  setTheme: (theme: Theme) => Promise<void>;
  /** Focus a control, by its accessible name, once the screen titled `screenTitle` has rendered. */
  focusControl: (name: string, screenTitle: string) => void;
}

/** Acts that live on a screen: the palette opens the screen and puts focus on the control. */
const SCREEN_ACTS: { area: string; label: string; control: string; keywords: string }[] = [
  {
    area: 'environments',
    label: 'Add an environment',
    control: 'Add environment',
    keywords: 'new create sandbox development production credentials',
  },
  { area: 'connections', label: 'Start Finch Connect', control: 'New connection', keywords: 'connect employer customer' },
  { area: 'sandbox', label: 'Create a sandbox connection', control: 'Provider', keywords: 'new test company fake' },
  { area: 'sandbox', label: 'Run a scenario drill', control: 'Run drill reauth', keywords: 'reauth outage rate limit storm sync job' },
  { area: 'request-log', label: 'Search the request log', control: 'Search', keywords: 'finch-request-id filter find' },
  { area: 'support', label: 'Export a support bundle', control: 'Save bundle (.zip)', keywords: 'ticket zip finch support' },
];

export function buildCommands(context: CommandContext): Command[] {
  const go: Command[] = [...AREAS.map((a) => ({ id: a.id, label: a.label })), { id: SETTINGS_AREA_ID, label: 'Settings' }].map((area) => ({
    id: `go:${area.id}`,
    label: `Go to ${area.label}`,
    keywords: area.id,
    run: () => context.navigate(area.id),
  }));
  const acts: Command[] = SCREEN_ACTS.map((act) => ({
    id: `act:${act.area}:${act.control}`,
    label: act.label,
    keywords: `${act.area} ${act.keywords}`,
    run: () => {
      context.navigate(act.area);
      context.focusControl(act.control, AREAS.find((a) => a.id === act.area)?.label ?? '');
    },
  }));
  const environments: Command[] = (context.environments?.environments ?? [])
    .filter((env) => env.id !== context.environments?.activeId)
    .map((env) => ({
      id: `env:${env.id}`,
      label: `Switch environment: ${env.name}${env.kind === 'production' ? ' (Production)' : ''}`,
      keywords: `environment ${env.kind}`,
      run: () => context.setActiveEnvironment(env.id),
    }));
  const themes: Command[] = (['light', 'dark', 'system'] as const).map((theme) => ({
    id: `theme:${theme}`,
    label: `Theme: ${theme}`,
    keywords: 'appearance colour color mode',
    run: () => context.setTheme(theme),
  }));
  return [...go, ...acts, ...environments, ...themes];
}

/**
 * Every word typed must appear in the label or keywords, in any order. Commands whose label
 * holds every word come first, so "create sandbox" finds the act named so before one that
 * merely lists those words as keywords.
 */
export function filterCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  const score = (c: Command): number => {
    const label = c.label.toLowerCase();
    if (words.every((w) => label.includes(w))) return 2;
    const haystack = `${label} ${c.keywords}`.toLowerCase();
    return words.every((w) => haystack.includes(w)) ? 1 : 0;
  };
  return commands
    .map((c) => ({ c, s: score(c) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .map((x) => x.c);
}
