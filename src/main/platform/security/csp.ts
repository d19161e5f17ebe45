/**
 * The Content-Security-Policy sent with every renderer document, by Electron's protocol
 * handler and by the browser harness alike. `frame-src` admits only the Connect origins of
 * the environments in use (the simulator's, Finch's): nothing else may be framed.
 */
export interface CspOptions {
  /** Origins Finch Connect may be loaded from, e.g. `https://connect.tryfinch.com`. */
  connectOrigins: readonly string[];
  /** Extra origins the page may open sockets/fetches to (the harness's own WebSocket). */
  connectSrc?: readonly string[];
}

export function buildContentSecurityPolicy(options: CspOptions): string {
  const frames = options.connectOrigins.length > 0 ? options.connectOrigins.join(' ') : "'none'";
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    // React sets style attributes; no inline <script> is ever allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${options.connectSrc?.length ? ` ${options.connectSrc.join(' ')}` : ''}`,
    `frame-src ${frames}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

/** Connect origins always allowed: Finch's own Connect. Local ones are added per environment. */
export const FINCH_CONNECT_ORIGIN = 'https://connect.tryfinch.com';
