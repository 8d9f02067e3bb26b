/** The seed data directory (`data/`), which every test store and the bench's bases start from. */
export const SEED_DIR = new URL('../../data/', import.meta.url).pathname;
