import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
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
  mkdirSync(TOUR, { recursive: true });
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

/** A page and what it did wrong: requests that left the server, and what its Content-Security-Policy refused. */
export interface OfflinePage {
  readonly page: Page;
  readonly foreign: string[];
  readonly refused: string[];
}

/**
 * A page that records (and aborts) any request leaving the server, since the UI must work offline,
 * and anything its Content-Security-Policy refused (Chromium reports each refusal on the console).
 * `clipboard` lets the page write to and the test read from the clipboard, as the copy buttons need.
 */
export async function offlinePage(
  browser: Browser,
  origin: string,
  { clipboard = false }: { clipboard?: boolean } = {},
): Promise<OfflinePage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  // The context goes with its page. A test's last page can close as afterAll closes the browser; the
  // context is then closed already and its close() rejects, which surfaced as an unhandled error of
  // the whole file (CI of commit 5cbd063, Node 20: "Serialized Error: { log: [] }"). Nothing is left
  // to clean up by then, so any error of this close is dropped: the page is always closed here.
  page.on('close', () => void context.close().catch(() => undefined));
  const foreign: string[] = [];
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue().catch(ignoreIfClosed(page));
    foreign.push(url);
    return route.abort().catch(ignoreIfClosed(page));
  });
  return { page, foreign, refused };
}

/**
 * Swallows an error only once the page is closed: a request still in flight, or the context's close,
 * then has nothing left to act on. While the page is open, the error is rethrown.
 */
function ignoreIfClosed(page: Page): (error: unknown) => void {
  return (error) => {
    if (!page.isClosed()) throw error;
  };
}

/** The README's pictures (its "A tour of /explore"), remade by the browser tests on every run so they cannot go stale. */
export const TOUR = new URL('../../docs/tour/', import.meta.url).pathname;
