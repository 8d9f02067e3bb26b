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
  qualifiers: string[];
  lowers: (number | null)[];
  uppers: (number | null)[];
  bases: string[];
}

const QUERY = `query Explore($indicators: [String!]!, $kind: LocalityKind, $within: ID, $localities: [ID!], $rollup: LocalityKind, $from: String, $to: String) {
  table(indicators: $indicators, kind: $kind, within: $within, localities: $localities, rollup: $rollup, from: $from, to: $to) {
    columns { localityCodes periods values qualifiers lowers uppers bases }
  }
}`;

/** One drawn value: the number, the interval its qualifier stands for, and how it was obtained. */
interface Cell {
  value: number | null;
  qualifier: string;
  lower: number | null;
  upper: number | null;
  basis: string;
}

/** How each basis is marked, so a computed or rebuilt point never passes for a reported one. */
const POINT_STYLE: Record<string, 'circle' | 'triangle' | 'rect' | 'crossRot' | 'star'> = {
  REPORTED: 'circle',
  COMPUTED: 'triangle',
  ROLLED_UP: 'rect',
  FILLED: 'crossRot',
  RECONSTRUCTED: 'star',
};

const QUALIFIER_WORDS: Record<string, string> = {
  EXACT: '',
  MORE_THAN: 'more than',
  AT_LEAST: 'at least',
  NEARLY: 'nearly',
  JUST_OVER: 'just over',
  ABOUT: 'about',
  LESS_THAN: 'less than',
  AT_MOST: 'at most',
  UNKNOWN: 'unknown',
};

/** "more than 49000 [49000, ∞)", "377", "unknown [0, 1]": the words and interval behind a number. */
function describe(cell: Cell): string {
  const words = QUALIFIER_WORDS[cell.qualifier] ?? cell.qualifier.toLowerCase();
  // 12 significant digits: 1.1 × 20 is 22, not 22.000000000000004
  const num = (x: number | null) => (x === null ? null : String(Number(x.toPrecision(12))));
  const lower = num(cell.lower) ?? '(−∞';
  const upper = num(cell.upper) ?? '∞)';
  const interval =
    cell.qualifier === 'EXACT'
      ? ''
      : ` ${lower.startsWith('(') ? '' : '['}${lower}, ${upper}${upper.endsWith(')') ? '' : ']'}`;
  const basis = cell.basis === 'REPORTED' ? '' : ` (${cell.basis.toLowerCase().replace('_', ' ')})`;
  return `${words} ${num(cell.value) ?? ''}${interval}${basis}`.replace(/\s+/g, ' ').trim();
}

/**
 * Draws each value's interval as a vertical bar with caps (an open end runs to the chart's edge
 * with no cap), so "more than 49,000" is not drawn as the point 49,000 alone and an UNKNOWN value
 * shows the range it lies in.
 */
const intervals = {
  id: 'intervals',
  afterDatasetsDraw(chart: Chart) {
    const { ctx, scales } = chart;
    const y = scales['y']!;
    const x = scales['x']!;
    chart.data.datasets.forEach((dataset, d) => {
      const cells = (dataset as unknown as { cells: (Cell | null)[] }).cells;
      if (!chart.isDatasetVisible(d)) return;
      ctx.save();
      ctx.strokeStyle = (dataset.borderColor as string) ?? '#444';
      ctx.lineWidth = 1.5;
      cells.forEach((cell, i) => {
        if (cell === null || cell.qualifier === 'EXACT') return;
        // at the point or bar of this dataset (bars of one period stand side by side)
        const px = chart.getDatasetMeta(d).data[i]?.x ?? x.getPixelForValue(i);
        const top = cell.upper === null ? y.top : Math.max(y.top, y.getPixelForValue(cell.upper));
        const bottom = cell.lower === null ? y.bottom : Math.min(y.bottom, y.getPixelForValue(cell.lower));
        ctx.beginPath();
        ctx.moveTo(px, bottom);
        ctx.lineTo(px, top);
        // caps only on the ends that are bounds
        for (const [bound, at] of [
          [cell.upper, top],
          [cell.lower, bottom],
        ] as const) {
          if (bound === null) continue;
          ctx.moveTo(px - 4, at);
          ctx.lineTo(px + 4, at);
        }
        ctx.stroke();
      });
      ctx.restore();
    });
  },
};

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
  const datasets = units.map((unit) => {
    const cells: (Cell | null)[] = periods.map((p) => {
      const i = columns.localityCodes.findIndex((c, j) => c === unit && columns.periods[j] === p);
      return i < 0
        ? null
        : {
            value: columns.values[i]!,
            qualifier: columns.qualifiers[i]!,
            lower: columns.lowers[i]!,
            upper: columns.uppers[i]!,
            basis: columns.bases[i]!,
          };
    });
    return {
      label: unit,
      cells,
      data: cells.map((c) => c?.value ?? null),
      pointStyle: cells.map((c) => POINT_STYLE[c?.basis ?? 'REPORTED'] ?? 'circle'),
      pointRadius: 5,
      // A gap stays a gap; a segment to or from a value that was not reported (computed, filled,
      // rebuilt across a reform) is dashed.
      spanGaps: false,
      segment: {
        borderDash: (ctx: { p0DataIndex: number; p1DataIndex: number }) =>
          [cells[ctx.p0DataIndex], cells[ctx.p1DataIndex]].some((c) => c !== null && c.basis !== 'REPORTED')
            ? [6, 4]
            : undefined,
      },
    };
  });
  // The axis takes in every finite bound, so an interval is drawn whole.
  const bounds = datasets
    .flatMap((d) => d.cells.flatMap((c) => (c === null ? [] : [c.lower, c.upper])))
    .filter((v): v is number => v !== null);
  new Chart($<HTMLCanvasElement>('chart'), {
    type,
    data: { labels: periods, datasets },
    options: {
      animation: false,
      responsive: true,
      scales:
        bounds.length === 0 ? {} : { y: { suggestedMin: Math.min(...bounds), suggestedMax: Math.max(...bounds) } },
      plugins: {
        tooltip: {
          callbacks: {
            label: (item) => {
              const cell = (item.dataset as unknown as { cells: (Cell | null)[] }).cells[item.dataIndex];
              return `${item.dataset.label}: ${cell ? describe(cell) : ''}`;
            },
          },
        },
      },
    },
    plugins: [intervals],
  });
  // The same numbers as a table, each with its qualifier, interval and basis: readable without the
  // picture, and checkable by tests. Built with textContent, never innerHTML: codes and periods are data.
  const table = $<HTMLTableElement>('data');
  const row = (tag: 'th' | 'td', cells: string[]) => {
    const tr = table.insertRow();
    for (const text of cells) tr.appendChild(document.createElement(tag)).textContent = text;
  };
  table.replaceChildren();
  row('th', ['unit', ...periods]);
  for (const d of datasets) row('td', [d.label, ...d.cells.map((c) => (c === null ? '' : describe(c)))]);
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
