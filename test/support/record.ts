import { postJson, type Exchange } from './http.js';

/** One figure as `recordObservations` takes it (the GraphQL ObservationInput). */
export interface FigureInput {
  readonly subject: string;
  readonly indicator: string;
  readonly period: string;
  readonly value: number;
  readonly source: string;
}

const RECORD = 'mutation($input: [ObservationInput!]!) { recordObservations(input: $input) { written } }';

/** The seed's share of Mông residents of village/huoi-song, as a write of the tests that write one figure. */
export function huoiSongShare(period: string, value: number): FigureInput {
  return {
    subject: 'village/huoi-song',
    indicator: 'mong_resident_share',
    period,
    value,
    source: 'dbp-em-party-members',
  };
}

/** Records figures over HTTP with the write token; the answer is `{ data: { recordObservations: { written } } }`. */
export function recordObservations(url: string, token: string, input: readonly FigureInput[]): Promise<Exchange> {
  return postJson(url, { query: RECORD, variables: { input } }, { authorization: `Bearer ${token}` });
}
