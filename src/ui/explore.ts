// Browser entry of /explore: one indicator for several units, drawn with Chart.js (bundled, offline).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Colors,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
  Colors,
);

interface Columns {
  localityCodes: string[];
  periods: string[];
  values: (number | null)[];
  qualifiers: (string | null)[];
}

const QUERY = `query Explore($indicators: [String!]!, $kind: LocalityKind, $within: ID, $localities: [ID!], $rollup: LocalityKind, $from: String, $to: String) {
  table(indicators: $indicators, kind: $kind, within: $within, localities: $localities, rollup: $rollup, from: $from, to: $to) {
    columns { localityCodes periods values qualifiers }
  }
}`;

const params = new URLSearchParams(window.location.search);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');

/** Codes as people write them (`village/huoi-song`, `commune/03385-2025-07-01`) to the global ids the API takes. */
function globalId(code: string): string {
  const kind = code.slice(0, code.indexOf('/'));
  const type = kind
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return btoa(`${type}:${code}`).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function variables(): Record<string, unknown> {
  const get = (name: string) => params.get(name)?.trim() || null;
  const localities = get('localities')
    ?.split(',')
    .map((c) => globalId(c.trim()));
  return {
    indicators: [get('indicator') ?? 'members'],
    kind: localities ? null : (get('kind') ?? 'PARTY_COMMITTEE'),
    within: get('within') ? globalId(get('within')!) : null,
    localities: localities ?? null,
    rollup: get('rollup'),
    from: get('from'),
    to: get('to'),
  };
}

function render(columns: Columns, type: 'line' | 'bar'): void {
  const periods = [...new Set(columns.periods)].sort();
  const units = [...new Set(columns.localityCodes)];
  const datasets = units.map((unit) => ({
    label: unit,
    data: periods.map((p) => {
      const i = columns.localityCodes.findIndex((c, j) => c === unit && columns.periods[j] === p);
      return i < 0 ? null : columns.values[i]!;
    }),
    spanGaps: true,
  }));
  new Chart($<HTMLCanvasElement>('chart'), {
    type,
    data: { labels: periods, datasets },
    options: { animation: false, responsive: true },
  });
  // The same numbers as a table: readable without the picture, and checkable by tests.
  // Built with textContent, never innerHTML: codes and periods are data.
  const table = $<HTMLTableElement>('data');
  const row = (tag: 'th' | 'td', cells: string[]) => {
    const tr = table.insertRow();
    for (const text of cells) tr.appendChild(document.createElement(tag)).textContent = text;
  };
  table.replaceChildren();
  row('th', ['unit', ...periods]);
  for (const d of datasets) row('td', [d.label, ...d.data.map((v) => (v === null ? '' : String(v)))]);
  status.textContent = `${units.length} units × ${periods.length} periods`;
}

async function main(): Promise<void> {
  for (const name of ['indicator', 'kind', 'within', 'localities', 'rollup', 'from', 'to', 'chart']) {
    const input = document.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
    if (input && params.get(name)) input.value = params.get(name)!;
  }
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: variables() }),
  });
  const body = (await response.json()) as { data?: { table: { columns: Columns } }; errors?: { message: string }[] };
  if (body.errors?.length) {
    status.textContent = body.errors.map((e) => e.message).join('\n');
    return;
  }
  render(body.data!.table.columns, params.get('chart') === 'bar' ? 'bar' : 'line');
}

main().catch((error: unknown) => {
  status.textContent = String(error);
});
