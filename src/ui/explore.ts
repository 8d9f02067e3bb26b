// Browser entry of /explore: three views of the same figures, each wholly described by its URL
// (`view=chart`, the default: series and comparisons; `view=map`; `view=ranking`), each with a
// "copy the GraphQL" button that gives the request the page ran.
import { showChart } from './explore-chart.js';
import { showMap } from './explore-map.js';
import { showRanking } from './explore-ranking.js';
import { wireCopyButton } from './explore-request.js';
import { wireUnitSearch } from './unit-search.js';

const VIEWS = {
  chart: showChart,
  map: showMap,
  ranking: showRanking,
} as const;
type View = keyof typeof VIEWS;

const params = new URLSearchParams(window.location.search);
const asked = params.get('view') ?? 'chart';
const view: View = asked in VIEWS ? (asked as View) : 'chart';
const status = document.getElementById('status')!;

/** Shows the active view's form and parts, filled in from the URL so the form says what is drawn. */
function showParts(): void {
  for (const part of document.querySelectorAll<HTMLElement>('[data-view]'))
    part.hidden = !part.dataset['view']!.split(' ').includes(view);
  const form = document.querySelector<HTMLFormElement>(`form[data-view~="${view}"]`)!;
  for (const [name, value] of params) {
    const input = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (input && 'value' in input && value) input.value = value;
  }
  document.querySelector(`nav a[data-link="${view}"]`)?.setAttribute('aria-current', 'page');
}

function wireSearches(): void {
  const field = (form: string, name: string) =>
    document.querySelector<HTMLInputElement>(`form[data-view~="${form}"] [name="${name}"]`)!;
  wireUnitSearch({
    input: document.getElementById('find-units') as HTMLInputElement,
    list: document.getElementById('found-units')!,
    target: field('chart', 'localities'),
    kinds: null,
    many: true,
  });
  wireUnitSearch({
    input: document.getElementById('find-province') as HTMLInputElement,
    list: document.getElementById('found-province')!,
    target: field('ranking', 'within'),
    kinds: ['PROVINCE'],
    many: false,
  });
}

showParts();
wireSearches();
wireCopyButton(document.getElementById('copy-graphql') as HTMLButtonElement, document.getElementById('copied')!);
VIEWS[view](params, status).catch((error: unknown) => {
  status.textContent = error instanceof Error ? error.message : String(error);
});
