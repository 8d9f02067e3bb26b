import { readFileSync } from 'node:fs';
import { projectPath } from '../project-root.js';

export interface Recipe {
  readonly title: string;
  readonly query: string;
}

export const README_PATH = projectPath('README.md');

/** The README's cookbook: every ```graphql block under "## Cookbook", with its heading. The test suite and the IDE read the same list. */
export function cookbookRecipes(readme: string = readFileSync(README_PATH, 'utf8')): Recipe[] {
  const section = readme.split('\n## Cookbook')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/### (.+?)\n```graphql\n([\s\S]+?)\n```/g)].map((m) => ({ title: m[1]!, query: m[2]! }));
}
