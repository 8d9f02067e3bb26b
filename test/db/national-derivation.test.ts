import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeNational } from '../../src/national/derive-cli.js';
import { projectPath } from '../../src/project-root.js';

const UPSTREAM = projectPath('..', 'shared', 'datasets', 'vn-admin');
const COMMITTED = projectPath('data', 'national');

// The upstream files live beside the checkout where the data was derived, not in a clone: there
// this test runs; elsewhere it says why it does not.
describe.skipIf(!existsSync(UPSTREAM))(
  `data/national is what the script derives from ${UPSTREAM}`,
  { timeout: 120_000 },
  () => {
    it('derived again, every file is byte for byte the committed one', async () => {
      const scratch = await mkdtemp(join(tmpdir(), 'grassroots-derive-'));
      try {
        const counts = await writeNational(UPSTREAM, scratch);
        expect(counts['units.csv']).toBeGreaterThan(14_000);
        const derived = (await readdir(scratch)).sort();
        expect(derived).toEqual((await readdir(COMMITTED)).filter((f) => f !== 'README.md').sort());
        for (const name of derived)
          expect((await readFile(join(scratch, name))).equals(await readFile(join(COMMITTED, name))), name).toBe(true);
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    });
  },
);
