/**
 * Every entry point (desktop shell, `npm run web`, tests) keeps its files in one data folder.
 * A new user's machine may not have even its parents (`~/.local/share` on a fresh Debian), so
 * the folder is created here, owner-only (0700): it holds the request log, snapshots with
 * personal data and encrypted secrets, which other local users have no business reading.
 * A folder that exists is left as the user made it, but must be a writable directory.
 */
import { accessSync, chmodSync, constants, mkdirSync, statSync } from 'node:fs';
import { StartupError } from './start-failure';

export const OWNER_ONLY = 0o700;

/** Creates `folder` (and its parents) when missing; returns whether it was created now. */
export function prepareDataFolder(folder: string): { folder: string; created: boolean } {
  let created = false;
  try {
    created = mkdirSync(folder, { recursive: true, mode: OWNER_ONLY }) !== undefined;
    // The umask can only remove bits, but a permissive inherited ACL or odd umask should not
    // leave a fresh folder readable by others: set it explicitly on POSIX.
    if (created && process.platform !== 'win32') chmodSync(folder, OWNER_ONLY);
  } catch (error) {
    // EEXIST: something that is not a folder sits there; the check below says what.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unusable(folder, error as NodeJS.ErrnoException);
  }
  let isDirectory = false;
  try {
    isDirectory = statSync(folder).isDirectory();
  } catch (error) {
    throw unusable(folder, error as NodeJS.ErrnoException);
  }
  if (!isDirectory) {
    throw new StartupError('data-folder', `The data folder ${folder} is a file, not a folder.`, dataFolderFix(folder));
  }
  try {
    accessSync(folder, constants.W_OK | constants.R_OK);
  } catch (error) {
    throw unusable(folder, error as NodeJS.ErrnoException);
  }
  return { folder, created };
}

function unusable(folder: string, error: NodeJS.ErrnoException): StartupError {
  const why =
    error.code === 'EACCES' || error.code === 'EPERM'
      ? 'you do not have permission to write there'
      : error.code === 'EROFS'
        ? 'it is on a read-only file system'
        : error.code === 'ENOTDIR'
          ? 'a part of its path is a file'
          : (error.message ?? String(error));
  return new StartupError('data-folder', `The data folder ${folder} cannot be used: ${why}.`, dataFolderFix(folder), error);
}

function dataFolderFix(folder: string): string {
  return (
    `Make ${folder} a folder you can write to (for example: mkdir -p "${folder}" && chmod 700 "${folder}"), ` +
    'or choose another one: `npm run web -- --data-dir DIR` or WORKBENCH_DATA_DIR=DIR.'
  );
}
