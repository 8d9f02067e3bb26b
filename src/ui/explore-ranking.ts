// The ranking view of /explore: the communes of one province ranked by the change of an indicator
// between two periods, each change with its interval and the formula it was computed by.
import { describe, type Cell } from './explore-values.js';
import { runGraphQL } from './explore-request.js';
import { globalId } from './unit-ids.js';

const POINT = 'period value qualifier lower upper basis';
const QUERY = `query Ranking($indicator: String!, $within: ID, $from: String, $to: String, $by: RankBy, $order: SortOrder, $geography: Geography) {
  ranking(indicator: $indicator, kind: COMMUNE, within: $within, from: $from, to: $to, by: $by, order: $order, geography: $geography, first: 200) {
    peerCount
    unitCount
    entries {
      rank
      locality { code name }
      change {
        from { ${POINT} }
        to { ${POINT} }
        absolute { value qualifier lower upper formula }
        percent { value qualifier lower upper }
      }
    }
  }
}`;

interface Point extends Cell {
  period: string;
}
interface Estimate {
  value: number;
  qualifier: string;
  lower: number | null;
  upper: number | null;
  formula?: string | null;
}
interface Entry {
  rank: number;
  locality: { code: string; name: string } | null;
  change: { from: Point | null; to: Point | null; absolute: Estimate | null; percent: Estimate | null } | null;
}

/** A computed change in the words of its qualifier ("more than 20 [20, ∞)"). */
const estimate = (e: Estimate | null) => (e === null ? '' : describe({ ...e, basis: 'REPORTED' }));

/** Percentages to a tenth: 33.3 %, not 33.3333333333 %. */
const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const tenths = (e: Estimate): Estimate => ({
  ...e,
  value: round(e.value)!,
  lower: round(e.lower),
  upper: round(e.upper),
});

export async function showRanking(params: URLSearchParams, status: HTMLElement): Promise<void> {
  const get = (name: string) => params.get(name)?.trim() || null;
  const within = get('within');
  const from = get('from');
  const to = get('to');
  if (!within || !from || !to) {
    status.textContent = 'Pick a province, an indicator and two periods (from, to).';
    return;
  }
  const data = await runGraphQL<{ ranking: { peerCount: number; unitCount: number; entries: Entry[] } }>(QUERY, {
    indicator: get('indicator') ?? 'members',
    within: globalId(within),
    from,
    to,
    by: get('by') ?? 'ABSOLUTE_CHANGE',
    order: get('order') ?? 'DESC',
    geography: get('geography'),
  });
  const { peerCount, unitCount, entries } = data.ranking;
  const table = document.getElementById('data') as HTMLTableElement;
  table.replaceChildren();
  const row = (tag: 'th' | 'td', cells: string[]) => {
    const tr = table.insertRow();
    for (const text of cells) tr.appendChild(document.createElement(tag)).textContent = text;
  };
  row('th', ['rank', 'commune', from, to, 'change', 'percent', 'how']);
  for (const e of entries) {
    const c = e.change;
    row('td', [
      String(e.rank),
      e.locality ? `${e.locality.name} (${e.locality.code})` : '',
      c?.from ? describe(c.from) : 'no figure',
      c?.to ? describe(c.to) : 'no figure',
      estimate(c?.absolute ?? null),
      c?.percent ? `${estimate(tenths(c.percent))} %` : '',
      c?.absolute?.formula ?? '',
    ]);
  }
  status.textContent =
    peerCount === 0
      ? `None of the ${unitCount} communes has figures in both ${from} and ${to}.`
      : `${peerCount} of ${unitCount} communes with figures in both ${from} and ${to}` +
        (peerCount > entries.length ? ` (the first ${entries.length} shown)` : '');
}
