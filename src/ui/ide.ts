// Browser entry of the in-server IDE: GraphiQL from npm, bundled by src/ui/build-ui.ts, no CDN.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';

interface Recipe {
  title: string;
  query: string;
}

/** Same-origin POST: the page works wherever the server is, offline included. */
async function fetcher(params: unknown): Promise<unknown> {
  const response = await fetch(window.location.pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(params),
  });
  return response.json();
}

// The page carries the cookbook as a JSON data block, not a script: its Content-Security-Policy
// runs no inline script (src/http/page-security.ts).
const recipes = JSON.parse(document.getElementById('cookbook')?.textContent ?? '[]') as Recipe[];
/** GraphiQL titles a tab by its operation name, so an anonymous recipe gets one from its heading. */
function named(recipe: Recipe, index: number): string {
  if (!recipe.query.startsWith('{')) return recipe.query;
  const words = recipe.title
    .replace(/^\d+\.\s*/, '')
    .normalize('NFD')
    .replace(/[^A-Za-z0-9 ]/g, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 4);
  return `query Q${index + 1}_${words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')} ${recipe.query}`;
}

// One tab per cookbook recipe; the heading as a comment says what the query answers.
const defaultTabs = recipes.map((r, i) => ({ query: `# ${r.title}\n${named(r, i)}\n` }));

createRoot(document.getElementById('graphiql')!).render(
  createElement(GraphiQL, { fetcher: fetcher as never, defaultTabs, defaultEditorToolsVisibility: false }),
);
