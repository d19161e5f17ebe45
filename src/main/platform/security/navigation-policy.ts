/**
 * What the app window may navigate to or open. Deny by default: the window only ever shows
 * the app's own origin; Connect's OAuth pop-ups are allowed from Connect's origin; plain
 * https links the user clicks open in the system browser, after the URL has been parsed.
 */
export type WindowOpenDecision = 'allow-popup' | 'open-external' | 'deny';

export interface NavigationContext {
  /** The origin the renderer is served from, e.g. `app://workbench`. */
  appOrigin: string;
  /** Origins Finch Connect is loaded from for the environments in use. */
  connectOrigins: readonly string[];
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The origin of a URL as Chromium sees it. Node's URL reports `'null'` for schemes it does
 * not know (our `app://workbench`), though Chromium treats a registered standard scheme as a
 * real origin; rebuild it from protocol and host in that case.
 */
export function originOf(url: string): string | null {
  const parsed = parse(url);
  if (!parsed) return null;
  if (parsed.origin !== 'null') return parsed.origin;
  return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
}

/** `will-navigate`: the main window never leaves the app's origin. */
export function mayNavigate(url: string, context: NavigationContext): boolean {
  return originOf(url) === context.appOrigin;
}

/** `setWindowOpenHandler`: decides what a `window.open`/target=_blank does. */
export function decideWindowOpen(url: string, referrer: string, context: NavigationContext): WindowOpenDecision {
  const target = parse(url);
  if (!target || target.protocol !== 'https:' || target.username || target.password) return 'deny';
  const from = originOf(referrer);
  if (from && context.connectOrigins.includes(from)) return 'allow-popup';
  if (from && from === context.appOrigin) return 'open-external';
  return 'deny';
}

/** Permission requests: only clipboard, only for the app and Connect (Connect copies codes). */
export function mayGrantPermission(permission: string, requestingUrl: string, context: NavigationContext): boolean {
  if (permission !== 'clipboard-sanitized-write' && permission !== 'clipboard-read') return false;
  const from = originOf(requestingUrl);
  if (!from) return false;
  return from === context.appOrigin || context.connectOrigins.includes(from);
}
