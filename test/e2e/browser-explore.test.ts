import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { ARTIFACTS, findChromium, launchBrowser, offlinePage, TOUR } from '../support/browser.js';

// /explore's map, comparison and ranking views in Debian's chromium, on the seed plus a few figures
// recorded through the API for provinces and communes (the seed has none at those levels).
const CHROMIUM = findChromium('the browser tests of /explore in test/e2e/browser-explore.test.ts');
const TOKEN = 'explore-test-token';
/** A browser on a machine busy with other suites can take longer than the default 30 s. */
const SLOW = { timeout: 90_000 };

let t: TestServer;
let browser: Browser | undefined;
let origin: string;

/** Test figures, not sourced ones: residents of three provinces and village heads of two communes in two years. */
const FIGURES = [
  { subject: 'province/11', indicator: 'residents', period: '2026', value: 650000, qualifier: 'MORE_THAN' },
  { subject: 'province/12', indicator: 'residents', period: '2026', value: 480000, qualifier: 'ABOUT' },
  { subject: 'province/14', indicator: 'residents', period: '2026', value: 1300000 },
  { subject: 'commune/03187', indicator: 'village_heads', period: '2024', value: 5 },
  { subject: 'commune/03175', indicator: 'village_heads', period: '2024', value: 9 },
  { subject: 'commune/03175', indicator: 'village_heads', period: '2025', value: 12, qualifier: 'NEARLY' },
].map((f) => ({ ...f, source: 'dbp-nam-po-village-heads', note: 'made up by test/e2e/browser-explore.test.ts' }));

beforeAll(async () => {
  [t, browser] = await Promise.all([
    // The time limit is the page's concern, not this test's: a write on a machine running other
    // suites took longer than the default 10 s.
    startTestServer(undefined, { writeToken: TOKEN, server: { limits: { timeoutMs: 60_000 } } }),
    CHROMIUM === null ? undefined : launchBrowser(CHROMIUM),
  ]);
  origin = new URL(t.server.url).origin;
  const response = await fetch(t.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({
      query: 'mutation($input: [ObservationInput!]!) { recordObservations(input: $input) { written } }',
      variables: { input: FIGURES },
    }),
  });
  expect(await response.json()).toEqual({ data: { recordObservations: { written: FIGURES.length } } });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** The bodies of the page's POSTs to /graphql, as sent. */
function graphqlBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on('request', (request: Request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') bodies.push(request.postData()!);
  });
  return bodies;
}

describe('the build simplifies the province boundaries into a small asset the server serves', SLOW, () => {
  it('serves 34 provinces, each with its GSO code, in well under the 7.8 MB of the upstream files', async () => {
    const response = await fetch(`${origin}/ui/provinces.topojson`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.text();
    expect(text.length).toBeLessThan(150_000);
    const topology = JSON.parse(text) as {
      type: string;
      objects: { provinces: { geometries: { properties: { code: string } }[] } };
    };
    expect(topology.type).toBe('Topology');
    const codes = topology.objects.provinces.geometries.map((g) => g.properties.code);
    expect(codes).toHaveLength(34);
    expect(codes).toContain('11');
    expect(codes.every((c) => /^\d\d$/.test(c))).toBe(true);
  });
});

describe.skipIf(CHROMIUM === null)('/explore?view=map: a choropleth by province, offline', SLOW, () => {
  it('colours the provinces with a figure, hatches the others, and hovers with the qualifier and interval', async () => {
    const { page, foreign, refused } = await offlinePage(browser!, origin);
    const sent = graphqlBodies(page);
    await page.goto(`${origin}/explore?view=map&indicator=residents&period=2026`);
    await expect
      .poll(() => page.locator('#status').innerText(), { timeout: 15_000 })
      .toBe('3 of 34 provinces with a figure, 2026');
    // one GraphQL request for the whole map
    expect(sent).toHaveLength(1);
    const dienBien = page.locator('#map path[data-code="11"]');
    expect(await dienBien.getAttribute('data-figure')).toBe('yes');
    expect(await dienBien.getAttribute('fill')).toMatch(/^#[0-9a-f]{6}$/);
    const haNoi = page.locator('#map path[data-code="01"]');
    expect(await haNoi.getAttribute('data-figure')).toBe('no');
    expect(await haNoi.getAttribute('fill')).toBe('url(#no-data)');
    expect(await page.locator('#map-legend').innerText()).toContain('no figure');
    await dienBien.hover();
    await expect
      .poll(() => page.locator('#map-tip').innerText())
      .toBe('Điện Biên (11), 2026: more than 650000 [650000, ∞)');
    await page.locator('#map path[data-code="12"]').hover();
    expect(await page.locator('#map-tip').innerText()).toMatch(/^Lai Châu \(12\), 2026: about 480000 \[\d+, \d+\]$/);
    // the keyboard reaches a province too
    await page.locator('#map path[data-code="14"]').focus();
    expect(await page.locator('#map-tip').innerText()).toBe('Sơn La (14), 2026: 1300000');
    await page.screenshot({ path: join(ARTIFACTS, 'explore-map.png') });
    // a click opens the unit in the chart view
    await dienBien.click();
    await page.waitForURL(/localities=province%2F11/);
    await expect.poll(() => page.locator('#status').innerText(), { timeout: 15_000 }).toBe('1 units × 1 periods');
    expect(foreign).toEqual([]);
    expect(refused).toEqual([]);
    await page.close();
  });

  it('draws sourced figures rolled up from districts, for the README (the seed has no province figures)', async () => {
    const { page, foreign } = await offlinePage(browser!, origin);
    await page.goto(`${origin}/explore?view=map&indicator=village_heads&period=2024&rollup=DISTRICT`);
    await expect
      .poll(() => page.locator('#status').innerText(), { timeout: 15_000 })
      .toBe('1 of 34 provinces with a figure, 2024');
    await page.locator('#map path[data-code="11"]').hover();
    expect(await page.locator('#map-tip').innerText()).toBe('Điện Biên (11), 2024: 121 (rolled up)');
    await page.screenshot({ path: join(TOUR, 'map.png') });
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('says so in words, with no blank map, when no province has a figure of the indicator', async () => {
    const { page, foreign } = await offlinePage(browser!, origin);
    await page.goto(`${origin}/explore?view=map&indicator=members`);
    await expect
      .poll(() => page.locator('#map-empty').innerText(), { timeout: 15_000 })
      .toBe('No figures of “members” by province. It has figures by party committee (2026).');
    expect(await page.locator('#map svg').count()).toBe(0);
    expect(await page.locator('#status').innerText()).toBe('0 of 34 provinces with a figure');
    await page.screenshot({ path: join(ARTIFACTS, 'explore-map-empty.png') });
    expect(foreign).toEqual([]);
    await page.close();
  });
});

describe.skipIf(CHROMIUM === null)(
  '/explore compares localities found by name, in a URL, with its GraphQL',
  SLOW,
  () => {
    it('finds two units without diacritics, draws them on one chart, reproduces it from the URL and copies the query sent', async () => {
      const { page, foreign, refused } = await offlinePage(browser!, origin, { clipboard: true });
      const sent = graphqlBodies(page);
      await page.goto(`${origin}/explore`);
      for (const [typed, code] of [
        ['tia dinh', 'party-committee/tia-dinh'],
        ['si pa phin', 'party-committee/si-pa-phin'],
      ] as const) {
        await page.locator('#find-units').fill(typed);
        await page.locator(`#found-units button[data-code="${code}"]`).click();
      }
      const form = page.locator('form[data-view~="chart"]');
      expect(await form.locator('[name="localities"]').inputValue()).toBe(
        'party-committee/tia-dinh,party-committee/si-pa-phin',
      );
      await form.locator('[name="indicator"]').fill('members');
      await form.locator('[name="chart"]').selectOption('bar');
      await form.locator('button', { hasText: 'Draw' }).click();
      await page.waitForURL(/localities=party-committee%2Ftia-dinh%2Cparty-committee%2Fsi-pa-phin/);
      const drawn = async () => {
        await expect.poll(() => page.locator('#status').innerText(), { timeout: 15_000 }).toBe('2 units × 1 periods');
        return page.locator('#data').innerText();
      };
      const table = await drawn();
      expect(table).toMatch(/party-committee\/tia-dinh\s+377/);
      expect(table).toMatch(/party-committee\/si-pa-phin\s+nearly 500 \[450, 500\]/);
      await page.screenshot({ path: join(TOUR, 'compare.png') });
      // the copy button gives exactly the request the page sent for its figures
      const request = sent.at(-1)!;
      expect(JSON.parse(request).query).toContain('query Explore(');
      await page.locator('#copy-graphql').click();
      await expect.poll(() => page.locator('#copied').innerText()).toContain('copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(request);
      // a reload (or a colleague opening the URL) draws the same figures with the same request
      await page.reload();
      expect(await drawn()).toBe(table);
      expect(sent.at(-1)).toBe(request);
      expect(foreign).toEqual([]);
      expect(refused).toEqual([]);
      await page.close();
    });

    it("draws the comparison on today's units when asked, and says so in the request", async () => {
      const { page } = await offlinePage(browser!, origin);
      const sent = graphqlBodies(page);
      await page.goto(
        `${origin}/explore?indicator=village_heads&localities=commune/03187,commune/03175&geography=CURRENT`,
      );
      await expect.poll(() => page.locator('#status').innerText(), { timeout: 15_000 }).toMatch(/units ×/);
      expect(JSON.parse(sent.at(-1)!).variables.geography).toBe('CURRENT');
      expect(await page.locator('form[data-view~="chart"] [name="geography"]').inputValue()).toBe('CURRENT');
      await page.close();
    });
  },
);

describe.skipIf(CHROMIUM === null)('/explore?view=ranking: the communes of a province ranked by change', SLOW, () => {
  it('ranks the communes with figures in both years, each change with its interval and formula', async () => {
    const { page, foreign } = await offlinePage(browser!, origin);
    await page.goto(`${origin}/explore?view=ranking`);
    const form = page.locator('form[data-view~="ranking"]');
    await page.locator('#find-province').fill('dien bien');
    await page.locator('#found-province button[data-code="province/11"]').click();
    expect(await form.locator('[name="within"]').inputValue()).toBe('province/11');
    await form.locator('[name="indicator"]').fill('village_heads');
    await form.locator('[name="from"]').fill('2024');
    await form.locator('[name="to"]').fill('2025');
    await form.locator('button', { hasText: 'Rank' }).click();
    await page.waitForURL(/view=ranking&within=province%2F11&indicator=village_heads&from=2024&to=2025/);
    await expect.poll(() => page.locator('#status').innerText(), { timeout: 15_000 }).toMatch(/^2 of \d+ communes/);
    const rows = (await page.locator('#data').innerText()).split('\n');
    expect(rows[1]).toMatch(/^1\s+Chà Tở \(commune\/03175\)\s+9\s+nearly 12/);
    expect(rows[2]).toMatch(/^2\s+Chà Nưa \(commune\/03187\)\s+5\s+6\s+1\s/);
    await page.screenshot({ path: join(ARTIFACTS, 'explore-ranking.png') });
    expect(foreign).toEqual([]);
    await page.close();
  });
});
