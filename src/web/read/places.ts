/**
 * Country facts the desk pages need: names, desk regions, positions.
 *
 * The desk's own region mapping belongs to src/understand/places/regions.ts
 * (docs/regions.md). Until that lands this module derives it from UN M49
 * subregions as carried by the world-countries package, with the two desk
 * regions the UN does not have: "Middle East" (Western Asia without the
 * South Caucasus, plus Egypt and Iran) and "Latin America" (Mexico, Central
 * and South America, the Caribbean). Stories and articles carry their region
 * in the database; this is only used to place a country in the navigation and
 * to choose the countries of a region map.
 */
import { createRequire } from 'node:module';
import type { Region } from '../../domain/region.js';

interface WorldCountry {
  name: { common: string };
  cca2: string;
  ccn3: string;
  region: string;
  subregion: string;
  latlng: [number, number];
  area: number;
}

const require = createRequire(import.meta.url);
const COUNTRIES = require('world-countries') as WorldCountry[];

const MIDDLE_EAST_EXTRA = new Set(['EG', 'IR']);
const CAUCASUS = new Set(['AM', 'AZ', 'GE']);
const EUROPE_FROM_WEST_ASIA = new Set(['CY', 'TR']);
const NORTH_AMERICA = new Set(['US', 'CA', 'GL', 'BM', 'PM', 'UM']);

function deriveRegion(c: WorldCountry): Region | null {
  const cc = c.cca2;
  if (MIDDLE_EAST_EXTRA.has(cc)) return 'middle-east';
  if (c.region === 'Asia' && c.subregion === 'Western Asia') {
    if (EUROPE_FROM_WEST_ASIA.has(cc)) return 'europe';
    if (CAUCASUS.has(cc)) return 'asia';
    return 'middle-east';
  }
  switch (c.region) {
    case 'Africa':
      return 'africa';
    case 'Asia':
      return 'asia';
    case 'Europe':
      return 'europe';
    case 'Oceania':
      return 'oceania';
    case 'Antarctic':
      return 'antarctica';
    case 'Americas':
      return NORTH_AMERICA.has(cc) ? 'north-america' : 'latin-america';
    default:
      return null;
  }
}

export interface CountryFact {
  code: string;
  numeric: string;
  name: string;
  region: Region | null;
  /** [longitude, latitude] of a representative point. */
  lonlat: [number, number];
  areaKm2: number;
}

const BY_CODE = new Map<string, CountryFact>();
for (const c of COUNTRIES) {
  BY_CODE.set(c.cca2, {
    code: c.cca2,
    numeric: c.ccn3,
    name: c.name.common,
    region: deriveRegion(c),
    lonlat: [c.latlng[1], c.latlng[0]],
    areaKm2: c.area,
  });
}

export function countryFact(cc: string): CountryFact | undefined {
  return BY_CODE.get(cc.toUpperCase());
}

export function countryName(cc: string): string {
  return BY_CODE.get(cc.toUpperCase())?.name ?? cc.toUpperCase();
}

export function deskRegionOf(cc: string): Region | null {
  return BY_CODE.get(cc.toUpperCase())?.region ?? null;
}

export function allCountries(): CountryFact[] {
  return [...BY_CODE.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export function countriesOfRegion(region: Region): CountryFact[] {
  return allCountries().filter((c) => c.region === region);
}

export function isCountryCode(cc: string): boolean {
  return /^[A-Za-z]{2}$/.test(cc) && BY_CODE.has(cc.toUpperCase());
}
