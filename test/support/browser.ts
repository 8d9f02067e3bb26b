import { mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { findSystemProgram } from './system-program.js';

export const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

/** Debian's chromium (playwright-core downloads no browser), or null: the browser tests are then skipped. */
export function findChromium(skipped: string): string | null {
  return findSystemProgram(
    { debianPackage: 'chromium', envVar: 'GRASSROOTS_TEST_CHROMIUM', paths: ['/usr/bin/chromium'] },
    skipped,
  );
}

/** The Debian chromium, headless and quiet: no network of its own, so the pages must work offline. */
export async function launchBrowser(executablePath: string): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
