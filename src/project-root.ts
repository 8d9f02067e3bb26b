import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's root: the nearest directory above this module with a package.json. The code runs
 * both from src/ (tsx, vitest) and compiled from dist/server/src/ (npm start, the bench), so files
 * that live beside the code (schema/, data/, README.md, dist/ui/) cannot be found at a fixed depth.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the checkout, e.g. projectPath('schema/migrations'). */
export const projectPath = (...segments: string[]): string => join(PROJECT_ROOT, ...segments);

/**
 * True when the code runs from an installed package (`npm install grassroots`): its root is inside
 * node_modules, which is no place for the user's files (npm replaces it on every install).
 */
export const INSTALLED_AS_PACKAGE = PROJECT_ROOT.split(/[\\/]/).includes('node_modules');
