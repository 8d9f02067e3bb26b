// The map view of /explore: a choropleth of one indicator in one period by province, drawn as
// plain SVG with d3-geo from the boundaries the build simplified (dist/ui, served by the server).
// The figures come from one GraphQL request; shapes are matched to units by GSO code.
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import { cellAt, COLUMNS_FIELDS, describe, formatNumber, type Cell, type Columns } from './explore-values.js';
import { runGraphQL } from './explore-request.js';
import { MAP_LAYERS, type MapLayer, type ShapeProperties } from './map-layers.js';

const QUERY = `query Map($indicator: String!, $kind: LocalityKind!, $asOf: LocalDate, $periods: [String!], $rollup: LocalityKind) {
  units: localities(kind: [$kind], asOf: $asOf, first: 1000) { nodes { code gsoCode name } }
  table(indicators: [$indicator], kind: $kind, asOf: $asOf, periods: $periods, rollup: $rollup) {
    ${COLUMNS_FIELDS}
  }
  availability(indicator: $indicator) { kind periods }
}`;

interface Answer {
  units: { nodes: { code: string; gsoCode: string | null; name: string }[] };
  table: { columns: Columns };
  availability: { kind: string; periods: string[] }[];
}

/** Five classes, light to dark (ColorBrewer YlGnBu): readable in grey and by most colour-blind readers. */
const PALETTE = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
const WIDTH = 500;
const HEIGHT = 620;
const SVG = 'http://www.w3.org/2000/svg';

const svgElement = <K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string>) => {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
};

/** The hatching of units without a figure, defined once and used by the map and its legend. */
function noDataPattern(): SVGDefsElement {
  const defs = svgElement('defs', {});
  const pattern = svgElement('pattern', {
    id: 'no-data',
    width: '6',
    height: '6',
    patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)',
  });
  pattern.append(
    svgElement('rect', { width: '6', height: '6', fill: '#eee' }),
    svgElement('line', { x1: '0', y1: '0', x2: '0', y2: '6', stroke: '#aaa', 'stroke-width': '2' }),
  );
  defs.appendChild(pattern);
  return defs;
}

/** Equal-width classes between the smallest and largest value: the legend says where each begins. */
function classes(values: number[]): { colour: (v: number) => string; breaks: [number, number][] } {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const n = min === max ? 1 : PALETTE.length;
  const step = (max - min) / n;
  const index = (v: number) => (n === 1 ? PALETTE.length - 1 : Math.min(n - 1, Math.floor((v - min) / step)));
  const breaks = Array.from({ length: n }, (_, i): [number, number] => [
    min + i * step,
    i === n - 1 ? max : min + (i + 1) * step,
  ]);
  return { colour: (v) => PALETTE[index(v)]!, breaks };
}

function legend(breaks: [number, number][], noun: string): HTMLElement {
  const box = document.createElement('div');
  box.id = 'map-legend';
  const entry = (fill: string, text: string) => {
    const line = box.appendChild(document.createElement('div'));
    const swatch = line.appendChild(svgElement('svg', { width: '18', height: '12', 'aria-hidden': 'true' }));
    if (fill === 'url(#no-data)') swatch.appendChild(noDataPattern());
    swatch.appendChild(svgElement('rect', { width: '18', height: '12', fill, stroke: '#888' }));
    line.appendChild(document.createElement('span')).textContent = ` ${text}`;
  };
  breaks.forEach(([from, to], i) => {
    const colour = breaks.length === 1 ? PALETTE[PALETTE.length - 1]! : PALETTE[i]!;
    entry(colour, from === to ? formatNumber(from)! : `${formatNumber(from)} to ${formatNumber(to)}`);
  });
  entry('url(#no-data)', `no figure (${noun} without a value in this period)`);
  const note = box.appendChild(document.createElement('p'));
  note.textContent = 'Coloured by the figure as stated; hover for its qualifier and interval, click to open the unit.';
  return box;
}

function emptyState(box: HTMLElement, message: string): void {
  const p = document.createElement('p');
  p.id = 'map-empty';
  p.textContent = message;
  box.replaceChildren(p);
}

export async function showMap(params: URLSearchParams, status: HTMLElement): Promise<void> {
  const box = document.getElementById('map')!;
  const get = (name: string) => params.get(name)?.trim() || null;
  const layer: MapLayer = MAP_LAYERS.find((l) => l.kind === (get('kind') ?? 'PROVINCE')) ?? MAP_LAYERS[0]!;
  const indicator = get('indicator') ?? 'members';
  const period = get('period');
  const variables = {
    indicator,
    kind: layer.kind,
    // Today's units, the ones the boundaries outline, unless the URL pins a date.
    asOf: get('asOf') ?? new Date().toISOString().slice(0, 10),
    periods: period ? [period] : null,
    rollup: get('rollup'),
  };
  const [shapes, answer] = await Promise.all([
    fetch(`/ui/${layer.asset}`).then((r) => (r.ok ? (r.json() as Promise<Topology>) : null)),
    runGraphQL<Answer>(QUERY, variables),
  ]);
  if (shapes === null) {
    emptyState(
      box,
      `The ${layer.noun}' boundaries were not built: run \`npm run build:ui\` with the boundary files (see docs/explore.md).`,
    );
    status.textContent = 'no map';
    return;
  }
  const columns = answer.table.columns;
  // Without a period in the URL: the latest one with figures.
  const shown = period ?? [...columns.periods].sort().at(-1) ?? null;
  const cellByUnit = new Map<string, Cell>();
  columns.localityCodes.forEach((code, i) => {
    if (columns.periods[i] === shown) cellByUnit.set(code, cellAt(columns, i));
  });
  const unitByGso = new Map(answer.units.nodes.filter((u) => u.gsoCode).map((u) => [u.gsoCode!, u]));
  const values = [...cellByUnit.values()].map((c) => c.value).filter((v): v is number => v !== null);
  if (values.length === 0) {
    const elsewhere = answer.availability
      .map((a) => `${a.kind.toLowerCase().replace('_', ' ')} (${a.periods.join(', ')})`)
      .join('; ');
    emptyState(
      box,
      `No figures of “${indicator}” by ${layer.kind.toLowerCase()}${period ? ` for ${period}` : ''}. ` +
        (elsewhere ? `It has figures by ${elsewhere}.` : 'The store has no figures of it at all.'),
    );
    status.textContent = `0 of ${answer.units.nodes.length} ${layer.noun} with a figure`;
    return;
  }
  const { colour, breaks } = classes(values);
  const geometries = shapes.objects[layer.object] as GeometryCollection<ShapeProperties>;
  const collection = feature(shapes, geometries);
  const projection = geoMercator().fitSize([WIDTH, HEIGHT], collection);
  const path = geoPath(projection);
  const svg = svgElement('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    width: String(WIDTH),
    height: String(HEIGHT),
    role: 'img',
  });
  svg.setAttribute('aria-label', `${indicator} by ${layer.kind.toLowerCase()}, ${shown}`);
  svg.appendChild(noDataPattern());
  const tip = document.getElementById('map-tip')!;
  const rows: [string, string][] = [];
  for (const shape of collection.features as Feature<Geometry, ShapeProperties>[]) {
    const unit = unitByGso.get(shape.properties.code);
    const cell = unit ? cellByUnit.get(unit.code) : undefined;
    const name = unit?.name ?? shape.properties.name;
    const text = `${name} (${shape.properties.code}), ${shown}: ${cell ? describe(cell) : 'no figure'}`;
    const outline = svgElement('path', {
      d: path(shape) ?? '',
      fill: cell && cell.value !== null ? colour(cell.value) : 'url(#no-data)',
      stroke: '#fff',
      'stroke-width': '0.6',
      'data-code': shape.properties.code,
      'data-figure': cell && cell.value !== null ? 'yes' : 'no',
    });
    outline.appendChild(svgElement('title', {})).textContent = text;
    const showTip = (x: number, y: number) => {
      tip.textContent = text;
      tip.hidden = false;
      tip.style.left = `${x + 12}px`;
      tip.style.top = `${y + 12}px`;
    };
    outline.addEventListener('mousemove', (event) => showTip(event.pageX, event.pageY));
    outline.addEventListener('mouseleave', () => {
      tip.hidden = true;
    });
    // The keyboard reaches every province too: Tab shows its figure, Enter opens it.
    outline.setAttribute('tabindex', '0');
    outline.addEventListener('focus', () => {
      const at = outline.getBoundingClientRect();
      showTip(at.right + window.scrollX, at.top + window.scrollY);
    });
    outline.addEventListener('blur', () => {
      tip.hidden = true;
    });
    if (unit) {
      const open = () => {
        const chart = new URLSearchParams({ indicator, localities: unit.code });
        window.location.assign(`/explore?${chart.toString()}`);
      };
      outline.addEventListener('click', open);
      outline.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') open();
      });
    }
    svg.appendChild(outline);
    rows.push([name, cell ? describe(cell) : '']);
  }
  box.replaceChildren(svg, legend(breaks, layer.noun));
  // The figures as a table too: readable without the picture.
  const table = document.getElementById('data') as HTMLTableElement;
  table.replaceChildren();
  const row = (tag: 'th' | 'td', cells: string[]) => {
    const tr = table.insertRow();
    for (const text of cells) tr.appendChild(document.createElement(tag)).textContent = text;
  };
  row('th', [layer.kind.toLowerCase(), shown ?? '']);
  for (const r of rows.sort((a, b) => a[0].localeCompare(b[0], 'vi'))) row('td', r);
  status.textContent = `${cellByUnit.size} of ${collection.features.length} ${layer.noun} with a figure, ${shown}`;
}
