// The chart view of /explore: one indicator for one or several units over time (a series, or a
// comparison of localities on today's units or as recorded), drawn with Chart.js.
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
import { cellAt, COLUMNS_FIELDS, describe, type Cell, type Columns } from './explore-values.js';
import { runGraphQL } from './explore-request.js';
import { globalId } from './unit-ids.js';

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

const QUERY = `query Explore($indicators: [String!]!, $kind: LocalityKind, $within: ID, $localities: [ID!], $rollup: LocalityKind, $from: String, $to: String, $geography: Geography) {
  table(indicators: $indicators, kind: $kind, within: $within, localities: $localities, rollup: $rollup, from: $from, to: $to, geography: $geography) {
    ${COLUMNS_FIELDS}
  }
}`;

/** How each basis is marked, so a computed or rebuilt point never passes for a reported one. */
const POINT_STYLE: Record<string, 'circle' | 'triangle' | 'rect' | 'crossRot' | 'star'> = {
  REPORTED: 'circle',
  COMPUTED: 'triangle',
  ROLLED_UP: 'rect',
  FILLED: 'crossRot',
  RECONSTRUCTED: 'star',
};

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

function variables(params: URLSearchParams): Record<string, unknown> {
  const get = (name: string) => params.get(name)?.trim() || null;
  const localities = get('localities')
    ?.split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .map(globalId);
  const picked = localities?.length ? localities : null;
  return {
    indicators: [get('indicator') ?? 'members'],
    kind: picked ? null : (get('kind') ?? 'PARTY_COMMITTEE'),
    within: get('within') ? globalId(get('within')!) : null,
    localities: picked,
    rollup: get('rollup'),
    from: get('from'),
    to: get('to'),
    geography: get('geography'),
  };
}

function render(columns: Columns, type: 'line' | 'bar', status: HTMLElement): void {
  const periods = [...new Set(columns.periods)].sort();
  const units = [...new Set(columns.localityCodes)];
  const datasets = units.map((unit) => {
    const cells: (Cell | null)[] = periods.map((p) => {
      const i = columns.localityCodes.findIndex((c, j) => c === unit && columns.periods[j] === p);
      return i < 0 ? null : cellAt(columns, i);
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
  new Chart(document.getElementById('chart') as HTMLCanvasElement, {
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
  const table = document.getElementById('data') as HTMLTableElement;
  const row = (tag: 'th' | 'td', cells: string[]) => {
    const tr = table.insertRow();
    for (const text of cells) tr.appendChild(document.createElement(tag)).textContent = text;
  };
  table.replaceChildren();
  row('th', ['unit', ...periods]);
  for (const d of datasets) row('td', [d.label, ...d.cells.map((c) => (c === null ? '' : describe(c)))]);
  status.textContent = `${units.length} units × ${periods.length} periods`;
}

export async function showChart(params: URLSearchParams, status: HTMLElement): Promise<void> {
  const data = await runGraphQL<{ table: { columns: Columns } }>(QUERY, variables(params));
  render(data.table.columns, params.get('chart') === 'bar' ? 'bar' : 'line', status);
}
