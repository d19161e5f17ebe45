/**
 * The contract's outline: each feature's member names and whether each is a channel or an
 * event — all a bridge needs to build `window.workbench`. It holds no schema, so the preload and
 * the browser bridge that use it do not ship zod and every schema of the app (the outline is
 * computed from the contract at build time and written into them).
 */
export type ContractOutline = Record<string, Record<string, 'channel' | 'event'>>;

/** `settings` + `setTheme` → `settings:setTheme`. Events use the same form (`settings:changed`). */
export function channelName(feature: string, name: string): string {
  return `${feature}:${name}`;
}

/** `changed` → `onChanged`: the preload name under which an event is subscribed. */
export function listenerName(eventName: string): string {
  return `on${eventName.charAt(0).toUpperCase()}${eventName.slice(1)}`;
}

export function outlineOf(contract: Record<string, Record<string, { kind: 'channel' | 'event' }>>): ContractOutline {
  return Object.fromEntries(
    Object.entries(contract).map(([feature, members]) => [
      feature,
      Object.fromEntries(Object.entries(members).map(([name, spec]) => [name, spec.kind])),
    ]),
  );
}
