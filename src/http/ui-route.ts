import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { cookbookRecipes, type Recipe } from '../docs/cookbook.js';
import { sendError } from './respond.js';
import { projectPath } from '../project-root.js';
import { pageHeaders } from './page-security.js';
import { MAP_LAYERS } from '../ui/map-layers.js';

const UI_DIR = projectPath('dist/ui');
/** Only these files are served; nothing from the request reaches the file system. */
const ASSETS: Record<string, string> = {
  '/ui/ide.js': 'text/javascript; charset=utf-8',
  '/ui/ide.css': 'text/css; charset=utf-8',
  '/ui/explore.js': 'text/javascript; charset=utf-8',
  // The map's boundaries, simplified at build time (src/ui/build-boundaries.ts).
  ...Object.fromEntries(MAP_LAYERS.map((l) => [`/ui/${l.asset}`, 'application/json; charset=utf-8'])),
};

/** JSON safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');

/** The README is read per page view so its cookbook and the IDE never drift; a missing README means no tabs, not an error. */
function recipes(): Recipe[] {
  try {
    return cookbookRecipes();
  } catch {
    return [];
  }
}

// The pages' inline styles, named so their Content-Security-Policy can allow exactly them by hash.
const IDE_STYLE = 'html, body, #graphiql { height: 100%; margin: 0; }';
const EXPLORE_STYLE = `[hidden] { display: none !important; } body { font: 14px system-ui, sans-serif; margin: 1.5rem; max-width: 60rem; } form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
label { display: flex; flex-direction: column; font-size: 12px; } table { border-collapse: collapse; margin-top: 1rem; } td, th { border: 1px solid #ccc; padding: 2px 6px; text-align: right; }
nav { display: flex; gap: 1rem; margin-bottom: .75rem; } nav a[aria-current] { font-weight: bold; text-decoration: none; color: inherit; }
.found { list-style: none; padding: 0; margin: .25rem 0; } .found button { margin: 1px 0; text-align: left; }
#map { display: flex; gap: 1rem; align-items: start; min-height: 620px; } #map path { cursor: pointer; } #map path:hover { stroke: #000; stroke-width: 1.2; }
#map-legend { font-size: 12px; } #map-legend div { display: flex; align-items: center; gap: .25rem; margin: 2px 0; }
#map-empty { border: 1px dashed #999; padding: 1rem; width: 100%; background: #fafafa; }
#map-tip { position: absolute; background: #fff; border: 1px solid #888; padding: 2px 6px; font-size: 12px; pointer-events: none; }
.graphql { margin-top: 1rem; } .graphql pre { background: #f6f6f6; padding: .5rem; overflow: auto; max-height: 20rem; }`;
const securePage = pageHeaders([IDE_STYLE, EXPLORE_STYLE]);

function idePage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Grassroots GraphQL IDE</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/ui/ide.css">
<style>${IDE_STYLE}</style>
</head><body><div id="graphiql">Loading the IDE…</div>
<script type="application/json" id="cookbook">${scriptJson(recipes())}</script>
<script src="/ui/ide.js"></script></body></html>`;
}

const KIND_OPTIONS = ['PARTY_COMMITTEE', 'PARTY_CELL', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE']
  .map((k) => `<option>${k}</option>`)
  .join('');

const GEOGRAPHY_OPTIONS = '<option value="">as recorded</option><option value="CURRENT">on today\'s units</option>';

// One page, three views (the `view` parameter); src/ui/explore.ts shows the active one. Each form
// is a plain GET form, so every view's state is its URL.
const EXPLORE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Grassroots: explore</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${EXPLORE_STYLE}</style>
</head><body><h1>Explore the figures</h1>
<nav><a data-link="chart" href="/explore">Series and comparisons</a> <a data-link="map" href="/explore?view=map">Map</a>
<a data-link="ranking" href="/explore?view=ranking">Communes ranked</a> <a href="/graphql">GraphQL IDE</a></nav>
<form method="get" action="/explore" data-view="chart"><input type="hidden" name="view" value="chart">
<label>indicator <input name="indicator" value="members"></label>
<label>kind <select name="kind">${KIND_OPTIONS}</select></label>
<label>within (code) <input name="within" placeholder="province/11"></label>
<label>or localities (codes, comma-separated) <input name="localities" size="30"></label>
<label>find a unit by name <input id="find-units" placeholder="tia dinh" autocomplete="off"></label>
<label>units <select name="geography">${GEOGRAPHY_OPTIONS}</select></label>
<label>rollup <select name="rollup"><option value="">none</option>${KIND_OPTIONS}</select></label>
<label>from <input name="from" size="6"></label><label>to <input name="to" size="6"></label>
<label>chart <select name="chart"><option>line</option><option>bar</option></select></label>
<button>Draw</button></form>
<ul id="found-units" class="found" data-view="chart"></ul>
<form method="get" action="/explore" data-view="map" hidden><input type="hidden" name="view" value="map">
<label>indicator <input name="indicator" value="members"></label>
<label>period <input name="period" size="8" placeholder="latest"></label>
<label>rollup <select name="rollup"><option value="">none</option>${KIND_OPTIONS}</select></label>
<button>Draw</button></form>
<form method="get" action="/explore" data-view="ranking" hidden><input type="hidden" name="view" value="ranking">
<label>province (code) <input name="within" placeholder="province/11"></label>
<label>find a province <input id="find-province" placeholder="dien bien" autocomplete="off"></label>
<label>indicator <input name="indicator" value="members"></label>
<label>from <input name="from" size="6" placeholder="2024"></label><label>to <input name="to" size="6" placeholder="2025"></label>
<label>by <select name="by"><option>ABSOLUTE_CHANGE</option><option>PERCENT_CHANGE</option></select></label>
<label>order <select name="order"><option value="DESC">largest first</option><option value="ASC">smallest first</option></select></label>
<label>units <select name="geography">${GEOGRAPHY_OPTIONS}</select></label>
<button>Rank</button></form>
<ul id="found-province" class="found" data-view="ranking"></ul>
<p id="status">Loading…</p>
<canvas id="chart" height="120" data-view="chart"></canvas>
<p id="key" data-view="chart">Points: ● reported, ▲ computed, ■ rolled up, ✕ filled, ★ rebuilt on other units through the lineage. Bars: the interval a figure's qualifier stands for ("more than 49,000" runs up the chart). Dashed: a segment to a value that was not reported. Gaps are not joined.</p>
<div id="map" data-view="map" hidden></div><div id="map-tip" hidden></div>
<table id="data"></table>
<div class="graphql"><button type="button" id="copy-graphql">Copy the GraphQL</button> <span id="copied"></span>
<details><summary>the request this page ran</summary><pre id="graphql-text"></pre></details></div>
<script src="/ui/explore.js"></script></body></html>`;

function wantsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

function uiBuilt(reply: FastifyReply): boolean {
  if (existsSync(join(UI_DIR, 'ide.js'))) return true;
  sendError(reply, 503, 'UI_NOT_BUILT', 'the browser bundle is missing; run `npm run build:ui`');
  return false;
}

function sendHtml(reply: FastifyReply, html: string): FastifyReply {
  securePage(reply.request.raw, reply.raw);
  return reply.headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).send(html);
}

/**
 * A hook of the /graphql route: GET /graphql from a browser is the IDE. A GET /graphql?query=...
 * is a GraphQL request even from a browser; only the bare page is the IDE.
 */
export const serveIde: onRequestHookHandler = (request, reply, done) => {
  const ide =
    (request.method === 'GET' || request.method === 'HEAD') &&
    wantsHtml(request) &&
    !new URL(request.url, 'http://localhost').searchParams.has('query');
  if (!ide) {
    done();
    return;
  }
  if (uiBuilt(reply)) sendHtml(reply, idePage());
};

/** GET /explore (charts) and the bundled assets of both pages; nothing from the request reaches the file system. */
export function uiRoutes(app: FastifyInstance): void {
  app.route({
    method: ['GET', 'HEAD'],
    url: '/explore',
    handler: async (_request, reply) => (uiBuilt(reply) ? sendHtml(reply, EXPLORE_PAGE) : reply),
  });
  for (const [path, contentType] of Object.entries(ASSETS)) {
    app.route({
      method: ['GET', 'HEAD'],
      url: path,
      handler: async (_request, reply) => {
        if (!uiBuilt(reply)) return reply;
        const body = readFileSync(join(UI_DIR, path.slice('/ui/'.length)));
        return reply
          .headers({
            'content-type': contentType,
            'content-length': body.length,
            'cache-control': 'public, max-age=300',
          })
          .send(body);
      },
    });
  }
}
