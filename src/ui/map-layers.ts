// The boundary layers the /explore map can draw, keyed by the kind of unit they outline. Shared by
// the build (which simplifies each layer's upstream files into its asset) and the page (which
// fetches the asset and matches each shape to a unit by its GSO code). Commune boundaries
// (geo/communes-2025.topojson upstream) become a second entry here with a build step of their own.

export interface MapLayer {
  /** The LocalityKind the layer outlines; the page asks `table(kind:)` for it. */
  readonly kind: 'PROVINCE' | 'COMMUNE';
  /** The simplified TopoJSON under dist/ui, served at /ui/<asset>. */
  readonly asset: string;
  /** The TopoJSON object holding the shapes. */
  readonly object: string;
  /** Words for the legend and the page's messages. */
  readonly noun: string;
}

export const MAP_LAYERS: readonly MapLayer[] = [
  { kind: 'PROVINCE', asset: 'provinces.topojson', object: 'provinces', noun: 'provinces' },
];

/** Each shape's properties in an asset: the unit's GSO code and name (the rest is dropped at build time). */
export interface ShapeProperties {
  readonly code: string;
  readonly name: string;
}
