/**
 * The desk's maps: country outlines from Natural Earth 1:110m (world-atlas)
 * projected once with d3-geo and kept as SVG path strings. Geometry never
 * changes while the server runs; only the fill classes and titles change per
 * request, so a render is string concatenation over precomputed paths.
 */
import { createRequire } from 'node:module';
import { geoNaturalEarth1, geoPath, geoBounds, geoArea, type GeoProjection, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiPoint } from 'geojson';
import type { Region } from '../../domain/region.js';
import { allCountries, countryFact, type CountryFact } from '../../read/places.js';

const require = createRequire(import.meta.url);

export interface MapShape {
  /** ISO 3166-1 alpha-2, or null for areas with no code (N. Cyprus, Somaliland). */
  code: string | null;
  name: string;
  d: string;
}

export interface MapPoint {
  code: string;
  name: string;
  x: number;
  y: number;
}

export interface MapGeometry {
  width: number;
  height: number;
  shapes: MapShape[];
  /** Projected positions of every country (for report markers and micro-state dots). */
  points: Map<string, MapPoint>;
  /** Countries that get a dot because their outline is missing or too small to see. */
  micro: Set<string>;
}

type CountryProps = { name: string };

// world-atlas ids are ISO 3166-1 numeric; three features carry none.
const NAMED_WITHOUT_ID: Record<string, string | null> = { Kosovo: 'XK', 'N. Cyprus': null, Somaliland: null };
/** Below this area (km²) a country is a speck at 1:110m; it gets a dot. */
const MICRO_AREA_KM2 = 2_500;

let features: Feature<Geometry, CountryProps & { code: string | null }>[] | null = null;

function loadFeatures(): Feature<Geometry, CountryProps & { code: string | null }>[] {
  if (features) return features;
  const topo = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection<CountryProps> }>;
  const byNumeric = new Map(allCountries().map((c) => [c.numeric, c.code]));
  const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, CountryProps>;
  features = fc.features.map((f) => {
    const id = f.id === undefined ? undefined : String(f.id);
    const code = id !== undefined ? (byNumeric.get(id) ?? null) : (NAMED_WITHOUT_ID[f.properties.name] ?? null);
    return { ...f, properties: { ...f.properties, code } };
  });
  return features;
}

function build(projection: GeoProjection, width: number, height: number, skip: Set<string> = new Set()): MapGeometry {
  projection.clipExtent([[0, 0], [width, height]]);
  // Whole pixels are enough at these sizes and cut the path text by a third.
  const path = geoPath(projection).digits(0);
  const shapes: MapShape[] = [];
  const present = new Set<string>();
  for (const f of loadFeatures()) {
    if (f.properties.code && skip.has(f.properties.code)) continue;
    const d = path(f);
    if (!d) continue;
    const code = f.properties.code;
    if (code) present.add(code);
    shapes.push({ code, name: code ? (countryFact(code)?.name ?? f.properties.name) : f.properties.name, d });
  }
  const points = new Map<string, MapPoint>();
  const micro = new Set<string>();
  for (const c of allCountries()) {
    const p = projection(c.lonlat);
    if (!p || p[0] < 0 || p[1] < 0 || p[0] > width || p[1] > height) continue;
    points.set(c.code, { code: c.code, name: c.name, x: Math.round(p[0] * 10) / 10, y: Math.round(p[1] * 10) / 10 });
    if (!present.has(c.code) || c.areaKm2 < MICRO_AREA_KM2) micro.add(c.code);
  }
  return { width, height, shapes, points, micro };
}

const WORLD_W = 960;
const WORLD_H = 440;
const INSET_W = 640;
const INSET_H = 420;

let world: MapGeometry | null = null;
/** The whole world, Natural Earth projection (a compromise projection fit for world thematic maps). */
export function worldGeometry(): MapGeometry {
  if (!world) {
    // Antarctica is left out of the world map: it takes a fifth of the height
    // and carries no news; the frame runs from 58°S to 84°N.
    const projection = geoNaturalEarth1().fitExtent([[4, 4], [WORLD_W - 4, WORLD_H - 4]], boxPoints([-180, -58, 180, 84]));
    world = build(projection, WORLD_W, WORLD_H, new Set(['AQ']));
  }
  return world;
}

/** [west, south, east, north] in degrees; east may exceed 180 to cross the antimeridian. */
const REGION_BOX: Record<Region, [number, number, number, number]> = {
  africa: [-19, -36, 53, 38],
  asia: [45, -11, 148, 56],
  europe: [-25, 34, 45, 71],
  'middle-east': [24, 12, 64, 42],
  'north-america': [-170, 15, -50, 75],
  'latin-america': [-118, -56, -33, 33],
  oceania: [110, -48, 200, 5],
  antarctica: [-180, -90, 180, -60],
};

function boxPoints([w, s, e, n]: [number, number, number, number]): MultiPoint {
  const coordinates: [number, number][] = [];
  for (let i = 0; i <= 8; i++) {
    const lon = w + ((e - w) * i) / 8;
    const lat = s + ((n - s) * i) / 8;
    coordinates.push([lon, s], [lon, n], [w, lat], [e, lat]);
  }
  return { type: 'MultiPoint', coordinates: coordinates.map(([lon, lat]) => [lon > 180 ? lon - 360 : lon, lat]) };
}

function fitted(box: [number, number, number, number], width: number, height: number): GeoProjection {
  const centre = (box[0] + box[2]) / 2;
  // Rotating to the box's central meridian keeps Oceania (and Russia, Fiji,
  // the US with Alaska) in one piece instead of split at ±180°.
  return geoNaturalEarth1()
    .rotate([-centre, 0])
    .fitExtent([[8, 8], [width - 8, height - 8]], boxPoints(box));
}

const regionCache = new Map<Region, MapGeometry>();
export function regionGeometry(region: Region): MapGeometry {
  let g = regionCache.get(region);
  if (!g) {
    g = build(fitted(REGION_BOX[region], INSET_W, INSET_H), INSET_W, INSET_H);
    regionCache.set(region, g);
  }
  return g;
}

/** The largest polygon: frames France without Guiana, the US without Hawaii. */
function mainland(f: Feature<Geometry, unknown>): Feature<Geometry, unknown> {
  if (f.geometry.type !== 'MultiPolygon') return f;
  let best: Feature<Geometry, unknown> = f;
  let bestArea = -1;
  for (const coordinates of f.geometry.coordinates) {
    const part: Feature<Geometry, unknown> = { type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates } };
    const a = geoArea(part as GeoPermissibleObjects);
    if (a > bestArea) [best, bestArea] = [part, a];
  }
  return best;
}

const countryCache = new Map<string, MapGeometry>();
/** A country with its neighbours, framed with a margin; bounded by the ~250 country codes. */
export function countryGeometry(cc: string): MapGeometry | null {
  const fact: CountryFact | undefined = countryFact(cc);
  if (!fact) return null;
  let g = countryCache.get(fact.code);
  if (!g) {
    const f = loadFeatures().find((x) => x.properties.code === fact.code);
    let box: [number, number, number, number];
    if (f && fact.areaKm2 >= MICRO_AREA_KM2) {
      const [[w, s], [e, n]] = geoBounds(mainland(f) as GeoPermissibleObjects);
      const east = e < w ? e + 360 : e;
      const pad = Math.max(3, (east - w) * 0.25, (n - s) * 0.25);
      box = [w - pad, Math.max(-85, s - pad), east + pad, Math.min(85, n + pad)];
    } else {
      box = [fact.lonlat[0] - 6, fact.lonlat[1] - 4, fact.lonlat[0] + 6, fact.lonlat[1] + 4];
    }
    g = build(fitted(box, INSET_W, INSET_H), INSET_W, INSET_H);
    countryCache.set(fact.code, g);
  }
  return g;
}
