import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksums, CHECKSUMS, writeNational } from '../../src/national/derive-cli.js';
import { projectPath } from '../../src/project-root.js';

const UPSTREAM = projectPath('..', 'shared', 'datasets', 'vn-admin');
const COMMITTED = projectPath('data', 'national');

describe('data/national is what npm run derive:national writes', { timeout: 120_000 }, () => {
  it('every committed file has the checksum the derivation recorded, and deriving again gives the same bytes', async () => {
    // The checksums hold everywhere: nobody edited a derived file by hand.
    expect(await checksums(COMMITTED)).toBe(await readFile(join(COMMITTED, CHECKSUMS), 'utf8'));
    // The upstream files sit beside the checkout where the data was derived, not in every clone:
    // where they are, the whole derivation runs again.
    if (!existsSync(UPSTREAM)) return;
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
});
