// npm run derive:boundaries: remakes data/geo/provinces.topojson from the upstream boundary
// files (GRASSROOTS_GEO_DIR, else ../shared/datasets/vn-admin/geo beside the checkout).
import { buildProvinceBoundaries, GEO_DIR, PROVINCE_BOUNDARIES, provinceFiles } from './build-boundaries.js';

const files = provinceFiles();
if (files.length === 0) {
  console.error(`no province boundaries in ${GEO_DIR}/provinces (set GRASSROOTS_GEO_DIR)`);
  process.exit(1);
}
await buildProvinceBoundaries(files, PROVINCE_BOUNDARIES);
console.log(`${files.length} provinces simplified into ${PROVINCE_BOUNDARIES}`);
