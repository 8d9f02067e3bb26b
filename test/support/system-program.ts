import { accessSync, constants } from 'node:fs';

/** A Debian program that some end-to-end tests drive, and where to look for it. */
export interface SystemProgram {
  /** The Debian package that provides it, named in the skip line. */
  debianPackage: string;
  /** Overrides `paths` with one path; pointing it nowhere is how the skip itself is tried. */
  envVar: string;
  /** Debian installs nginx in /usr/sbin, which is not on every PATH, so the paths are absolute. */
  paths: string[];
}

/**
 * The program's path, or null after one line on stderr saying which tests are skipped and how to
 * get the program. A fresh machine thus passes `npm test` without chromium or nginx; .ci/run
 * installs both and fails when any test was skipped.
 */
export function findSystemProgram(program: SystemProgram, skipped: string): string | null {
  const override = process.env[program.envVar];
  const candidates = override ? [override] : program.paths;
  const found = candidates.find(isExecutable);
  if (found) return found;
  console.warn(
    `SKIPPED ${skipped}: ${program.debianPackage} not found at ${candidates.join(' or ')}. Install it with \`apt-get install -y ${program.debianPackage}\` (.ci/run does), or set ${program.envVar} to its path.`,
  );
  return null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
