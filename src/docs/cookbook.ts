import { readFileSync } from 'node:fs';
import { projectPath } from '../project-root.js';

export interface Recipe {
  readonly title: string;
  readonly query: string;
}

export const COOKBOOK_PATH = projectPath('docs/cookbook.md');

/**
 * The cookbook's recipes: every ```graphql block that follows a "### " heading in
 * docs/cookbook.md (blank lines between them allowed, as Prettier writes them), with that
 * heading. The test suite and the IDE read the same list, so a recipe that stops working fails a
 * test instead of misleading a reader.
 */
export function cookbookRecipes(markdown: string = readFileSync(COOKBOOK_PATH, 'utf8')): Recipe[] {
  return [...markdown.matchAll(/^### (.+)\n+```graphql\n([\s\S]+?)\n```$/gm)].map((m) => ({
    title: m[1]!,
    query: m[2]!,
  }));
}
