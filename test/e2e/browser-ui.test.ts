import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { ARTIFACTS, findChromium, launchBrowser, offlinePage as openOfflinePage, TOUR } from '../support/browser.js';
import { cookbookRecipes } from '../../src/docs/cookbook.js';

// Without chromium the pages are still served and checked over HTTP; only the browser runs are skipped.
const CHROMIUM = findChromium('the browser tests in test/e2e/browser-ui.test.ts');

let t: TestServer;
let browser: Browser | undefined;
let origin: string;
beforeAll(async () => {
  [t, browser] = await Promise.all([startTestServer(), CHROMIUM === null ? undefined : launchBrowser(CHROMIUM)]);
  origin = new URL(t.server.url).origin;
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A page that records requests leaving the server and what its Content-Security-Policy refused. */
const offlinePage = () => openOfflinePage(browser!, origin);

describe('GraphiQL is served at /graphql to browsers, bundled, offline', () => {
  it('answers GET /graphql with Accept: text/html with the IDE page and its bundle', async () => {
    const html = await fetch(t.server.url, { headers: { accept: 'text/html' } });
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const text = await html.text();
    expect(text).toContain('/ui/ide.js');
    expect(text).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    const js = await fetch(`${origin}/ui/ide.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    // API clients are unaffected: a JSON GET still runs GraphQL.
    const api = await fetch(`${t.server.url}?query=${encodeURIComponent('{ indicators { code } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(((await api.json()) as { data: { indicators: unknown[] } }).data.indicators.length).toBeGreaterThan(0);
  });

  it('the IDE and /explore carry a Content-Security-Policy that runs only their own scripts and forbids framing', async () => {
    for (const path of ['/graphql', '/explore']) {
      const page = await fetch(`${origin}${path}`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toContain('unsafe');
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      // No inline script for the policy to refuse: the cookbook travels as a JSON data block.
      expect(await page.text()).not.toMatch(/<script>/);
    }
    // GraphQL answers are not pages: none of this is added to them.
    const api = await fetch(t.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ indicators { code } }' }),
    });
    expect(api.headers.get('content-security-policy')).toBeNull();
  });

  it.skipIf(CHROMIUM === null)(
    'loads in Chromium with the cookbook as tabs, runs a query and shows the result',
    async () => {
      const { page, foreign, refused } = await offlinePage();
      await page.goto(t.server.url);
      await page.waitForSelector('.graphiql-container');
      const tabs = page.locator('.graphiql-tab');
      await expect.poll(() => tabs.count()).toBe(cookbookRecipes().length);
      expect(await tabs.first().innerText()).toContain('Q1_HowManyPartyMembers');
      await page.locator('.graphiql-execute-button').click();
      const result = page.locator('.result-window');
      await expect
        .poll(() => result.innerText(), { timeout: 15_000 })
        .toContain('Điện Biên Provincial Party Committee');
      expect(await page.locator('.graphiql-query-editor').innerText()).toContain('How many Party members');
      await page.screenshot({ path: join(ARTIFACTS, 'graphiql.png') });
      // The schema documentation comes from introspecting the same server.
      await page.locator('[aria-label="Show Documentation Explorer"]').click();
      await expect
        .poll(() => page.locator('.graphiql-doc-explorer').innerText(), { timeout: 10_000 })
        .toContain('Query');
      expect(foreign).toEqual([]);
      expect(refused).toEqual([]);
      await page.close();
    },
  );
});

describe.skipIf(CHROMIUM === null)('/explore draws a series with Chart.js, bundled, offline', () => {
  it('plots a village series as a line chart with its numbers beside it', async () => {
    const { page, foreign, refused } = await offlinePage();
    // poor households 2024 (derived: "more than 40") and 2026 ("just over 20"); the coffee series
    // is no longer a line: its 2024 figure is one household's, kept out of the village's series
    await page.goto(`${origin}/explore?indicator=poor_households&localities=village/huoi-song`);
    await expect.poll(() => page.locator('#status').innerText(), { timeout: 15_000 }).toBe('1 units × 2 periods');
    // each value with the words and interval it was published with
    expect(await page.locator('#data').innerText()).toMatch(
      /village\/huoi-song\s+more than 40 \[40, ∞\)\s+just over 20 \[20, 22\]/,
    );
    // The canvas has been painted: some pixel is not transparent.
    const painted = await page.evaluate(() => {
      const canvas = document.getElementById('chart') as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      return data.some((v, i) => i % 4 === 3 && v > 0);
    });
    expect(painted).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'explore-line.png') });
    expect(foreign).toEqual([]);
    expect(refused).toEqual([]);
    await page.close();
  });

  it('draws a comparison as bars and shows API errors in words', async () => {
    const { page, refused } = await offlinePage();
    await page.goto(`${origin}/explore?indicator=members&kind=PARTY_COMMITTEE&chart=bar`);
    await expect.poll(() => page.locator('#status').innerText(), { timeout: 15_000 }).toBe('3 units × 1 periods');
    expect(await page.locator('#data').innerText()).toMatch(
      /party-committee\/dien-bien\s+more than 49000 \[49000, ∞\)/,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'explore-bar.png') });
    await page.goto(`${origin}/explore?indicator=nope`);
    await expect
      .poll(() => page.locator('#status').innerText(), { timeout: 15_000 })
      .toContain('unknown indicator "nope"');
    expect(refused).toEqual([]);
    await page.close();
  });

  it("shows a value the inputs do not pin down as its range, never as a number: the province's share", async () => {
    const { page, refused } = await offlinePage();
    await page.goto(`${origin}/explore?indicator=em_member_share&kind=PARTY_COMMITTEE&chart=bar`);
    await expect.poll(() => page.locator('#status').innerText(), { timeout: 15_000 }).toBe('3 units × 1 periods');
    const text = await page.locator('#data').innerText();
    expect(text).toMatch(/party-committee\/dien-bien\s+unknown \[0, 1\] \(computed\)/);
    expect(text).toMatch(/party-committee\/tia-dinh\s+0\.899204244032 \(computed\)/);
    expect(text).toMatch(/party-committee\/si-pa-phin\s+nearly 0\.8 \[0\.72, 0\.8\]/);
    await page.screenshot({ path: join(ARTIFACTS, 'explore-intervals.png') });
    await page.screenshot({ path: join(TOUR, 'intervals.png') });
    expect(refused).toEqual([]);
    await page.close();
  });
});
