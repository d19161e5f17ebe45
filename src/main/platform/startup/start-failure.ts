/**
 * Why the app could not start, in words a user can act on. The desktop shell shows this text
 * in a native dialog and exits non-zero; `npm run web` prints the same text. Without it a
 * failed start was swallowed: the app kept running with no window and no message.
 */

export type StartupProblem = 'data-folder' | 'sqlite-addon' | 'database' | 'port-taken' | 'unexpected';

/** A start failure whose cause and fix are already known where it was thrown. */
export class StartupError extends Error {
  constructor(
    readonly problem: StartupProblem,
    message: string,
    readonly fix: string,
    readonly original?: unknown,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}

export interface StartFailure {
  problem: StartupProblem;
  title: string;
  cause: string;
  fix: string;
  /** Cause and fix as one block of text (the dialog body and the CLI's stderr). */
  text: string;
}

const TITLES: Record<StartupProblem, string> = {
  'data-folder': 'Finch Workbench cannot use its data folder',
  'sqlite-addon': 'Finch Workbench cannot load SQLite',
  database: 'Finch Workbench cannot open its database',
  'port-taken': 'Finch Workbench cannot listen on its port',
  unexpected: 'Finch Workbench could not start',
};

export const PREPARE_SQLITE_COMMAND = 'npm run prepare:electron-sqlite';

/** Patterns of Node's own messages when a native addon was built for another runtime or OS. */
const ABI_MISMATCH = [
  /NODE_MODULE_VERSION/,
  /was compiled against a different Node\.js version/,
  /invalid ELF header/,
  /not a valid Win32 application/,
  /Module did not self-register/,
  /wrong ELF class/,
  /mach-o file, but is an incompatible architecture/,
];

/** Node's messages when better-sqlite3's compiled addon is missing altogether. */
const ADDON_MISSING = [/Could not locate the bindings file/, /better_sqlite3\.node/];

export function describeStartFailure(error: unknown, context: { port?: number } = {}): StartFailure {
  if (error instanceof StartupError) return failure(error.problem, error.message, error.fix);
  const err = error as NodeJS.ErrnoException | undefined;
  const message = err?.message ?? String(error);
  if (ABI_MISMATCH.some((pattern) => pattern.test(message))) {
    return failure(
      'sqlite-addon',
      `The SQLite addon (better-sqlite3) was built for another runtime than the one running now: ${firstLine(message)}`,
      `Run \`${PREPARE_SQLITE_COMMAND}\` (\`npm start\` and \`npm run dev\` run it for you), then start again. ` +
        'It builds or downloads the Electron copy beside the Node one the tests use.',
    );
  }
  if (ADDON_MISSING.some((pattern) => pattern.test(message))) {
    return failure(
      'sqlite-addon',
      `The SQLite addon (better-sqlite3) was not found: ${firstLine(message)}`,
      `Run \`${PREPARE_SQLITE_COMMAND}\` for the desktop app, or \`npm ci\` for the browser harness and tests.`,
    );
  }
  if (err?.code === 'EADDRINUSE') {
    const port = context.port ?? portFrom(message);
    return failure(
      'port-taken',
      `Port ${port ?? '(the one asked for)'} on 127.0.0.1 is already in use by another program.`,
      'Stop that program, pick another port with `--port N`, or leave `--port` out to get a free one.',
    );
  }
  if (err?.code === 'EACCES' || err?.code === 'EPERM' || err?.code === 'EROFS') {
    return failure(
      'data-folder',
      `A file the app needs could not be written: ${firstLine(message)}`,
      'Check the permissions of the data folder, or choose another one.',
    );
  }
  return failure('unexpected', firstLine(message), 'Try again; if it keeps failing, report it with the text above and the app log.');
}

function failure(problem: StartupProblem, cause: string, fix: string): StartFailure {
  return { problem, title: TITLES[problem], cause, fix, text: `${cause}\n\nHow to fix it: ${fix}` };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function portFrom(message: string): number | undefined {
  const match = /:(\d{1,5})\b/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** The shell's ports for reporting: Electron's `dialog.showErrorBox` and `app.exit` in the app, fakes in tests. */
export interface StartFailurePorts {
  showErrorBox(title: string, content: string): void;
  exit(code: number): void;
  log(line: string): void;
}

/** A start that failed: logged, shown, and the process ends with code 1 (never a windowless app). */
export function reportStartFailure(ports: StartFailurePorts, error: unknown, context: { port?: number } = {}): StartFailure {
  const described = describeStartFailure(error, context);
  ports.log(`[startup] ${described.title}: ${described.cause}`);
  try {
    ports.showErrorBox(described.title, described.text);
  } finally {
    ports.exit(1);
  }
  return described;
}

/**
 * After start, an unhandled rejection or exception in main is a bug: log it and show it, so it
 * is not lost in a console nobody reads. Before the window exists it ends the start instead.
 */
export function reportUnexpected(ports: Pick<StartFailurePorts, 'showErrorBox' | 'log'>, error: unknown, what: string): void {
  const message = (error as Error)?.stack ?? String(error);
  ports.log(`[main] ${what}: ${message}`);
  ports.showErrorBox(
    'Finch Workbench hit an unexpected error',
    `${what}: ${firstLine((error as Error)?.message ?? String(error))}\n\nThe app keeps running; what you were doing may not have finished. The app log has the details.`,
  );
}
