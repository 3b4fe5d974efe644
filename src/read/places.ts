/**
 * Country facts the desk pages need: names and desk regions from
 * src/understand/places/regions.ts (the one mapping, docs/places.md), and
 * positions, areas and ISO numeric codes (to join Natural Earth shapes) from
 * the world-countries package.
 */
import { createRequire } from 'node:module';
import type { Region } from '../domain/region.js';
import { regionOf, countryName as placeName, isKnownCountry } from '../understand/places/regions.js';

interface WorldCountry {
  name: { common: string };
  cca2: string;
  ccn3: string;
  latlng: [number, number];
  area: number;
}

const require = createRequire(import.meta.url);
const COUNTRIES = require('world-countries') as WorldCountry[];

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
    name: isKnownCountry(c.cca2) ? placeName(c.cca2) : c.name.common,
    region: regionOf(c.cca2),
    lonlat: [c.latlng[1], c.latlng[0]],
    areaKm2: c.area,
  });
}

export function countryFact(cc: string): CountryFact | undefined {
  return BY_CODE.get(cc.toUpperCase());
}

export function countryName(cc: string): string {
  return BY_CODE.get(cc.toUpperCase())?.name ?? (isKnownCountry(cc) ? placeName(cc) : cc.toUpperCase());
}

export function allCountries(): CountryFact[] {
  return [...BY_CODE.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export function isCountryCode(cc: string): boolean {
  return /^[A-Za-z]{2}$/.test(cc) && BY_CODE.has(cc.toUpperCase());
}
