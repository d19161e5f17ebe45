/**
 * The renderer's half of the navigation policy (main's half: src/main/platform/security/
 * navigation-policy.ts). A click on a link never takes the app window off its own origin:
 * same-origin links (hash routes) work as usual; https links open outside the app window
 * (Electron: main's window-open handler hands them to the system browser; the browser
 * harness: a new tab with no opener); anything else (http, file, javascript, data…) is refused.
 * This is what the harness can enforce; Electron's main process enforces the rest.
 */
export type LinkDecision = 'follow' | 'open-outside' | 'refuse';

export function decideLink(href: string, appOrigin: string): LinkDecision {
  let url: URL;
  try {
    url = new URL(href, `${appOrigin}/`);
  } catch {
    return 'refuse';
  }
  if (url.origin === appOrigin) return 'follow';
  if (url.protocol === 'https:' && !url.username && !url.password) return 'open-outside';
  return 'refuse';
}

export function installLinkGuard(win: Window = window): () => void {
  const onClick = (event: MouseEvent): void => {
    const anchor = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!anchor) return;
    const decision = decideLink(anchor.getAttribute('href') ?? '', win.location.origin);
    if (decision === 'follow') return;
    event.preventDefault();
    if (decision === 'open-outside') win.open(anchor.href, '_blank', 'noopener,noreferrer');
    else console.warn(`Refused to open ${anchor.protocol} link: only https links open outside the app.`);
  };
  // Capture phase, so no component handler can let a foreign navigation through first.
  win.addEventListener('click', onClick, true);
  win.addEventListener('auxclick', onClick, true);
  return () => {
    win.removeEventListener('click', onClick, true);
    win.removeEventListener('auxclick', onClick, true);
  };
}
