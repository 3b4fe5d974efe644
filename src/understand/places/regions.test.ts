import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REGIONS } from '../../domain/region.js';
import { allCountryCodes, canonicalCountryCode, countryName, regionOf, subregionOf } from './regions.js';

test('regionOf: the documented editorial choices', () => {
  const cases: { name: string; cc: string; want: string | null }[] = [
    { name: 'Ukraine is Europe', cc: 'UA', want: 'europe' },
    { name: 'Russia is Europe', cc: 'RU', want: 'europe' },
    { name: 'Turkey is Europe (BBC, NATO, Council of Europe)', cc: 'TR', want: 'europe' },
    { name: 'Cyprus is Europe though M49 says Western Asia', cc: 'CY', want: 'europe' },
    { name: 'Georgia (Caucasus) is Europe', cc: 'GE', want: 'europe' },
    { name: 'Egypt is Middle East', cc: 'EG', want: 'middle-east' },
    { name: 'Iran is Middle East', cc: 'IR', want: 'middle-east' },
    { name: 'Palestine is Middle East', cc: 'PS', want: 'middle-east' },
    { name: 'Saudi Arabia is Middle East', cc: 'SA', want: 'middle-east' },
    { name: 'Libya stays Africa', cc: 'LY', want: 'africa' },
    { name: 'Mexico is Latin America', cc: 'MX', want: 'latin-america' },
    { name: 'Jamaica (Caribbean) is Latin America', cc: 'JM', want: 'latin-america' },
    { name: 'Greenland is North America', cc: 'GL', want: 'north-america' },
    { name: 'United States is North America', cc: 'US', want: 'north-america' },
    { name: 'Afghanistan is Asia', cc: 'AF', want: 'asia' },
    { name: 'Taiwan is Asia', cc: 'TW', want: 'asia' },
    { name: 'Kosovo is Europe', cc: 'XK', want: 'europe' },
    { name: 'Fiji is Oceania', cc: 'FJ', want: 'oceania' },
    { name: 'Antarctica', cc: 'AQ', want: 'antarctica' },
    { name: 'South Georgia is Antarctica', cc: 'GS', want: 'antarctica' },
    { name: 'lower case works', cc: 'pl', want: 'europe' },
    { name: 'historical USSR reads as Russia', cc: 'SU', want: 'europe' },
    { name: 'UK alias', cc: 'UK', want: 'europe' },
    { name: 'unknown code', cc: 'ZZ', want: null },
  ];
  for (const c of cases) assert.equal(regionOf(c.cc), c.want, c.name);
});

test('subregionOf and countryName: UN M49 subregions, English names', () => {
  const cases: { name: string; cc: string; sub: string | null; label: string }[] = [
    { name: 'Poland', cc: 'PL', sub: 'Eastern Europe', label: 'Poland' },
    { name: 'DR Congo', cc: 'CD', sub: 'Middle Africa', label: 'DR Congo' },
    { name: 'South Sudan is Eastern Africa in M49', cc: 'SS', sub: 'Eastern Africa', label: 'South Sudan' },
    { name: 'Sudan is Northern Africa in M49', cc: 'SD', sub: 'Northern Africa', label: 'Sudan' },
    { name: 'Mexico is Central America in M49', cc: 'MX', sub: 'Central America', label: 'Mexico' },
    { name: 'Cyprus is Western Asia in M49', cc: 'CY', sub: 'Western Asia', label: 'Cyprus' },
    { name: 'unknown', cc: 'ZZ', sub: null, label: 'ZZ' },
  ];
  for (const c of cases) {
    assert.equal(subregionOf(c.cc), c.sub, c.name);
    assert.equal(countryName(c.cc), c.label, c.name);
  }
});

test('every code has a valid region, and aliases canonicalise', () => {
  const codes = allCountryCodes();
  assert.ok(codes.length >= 249, `only ${codes.length} codes`);
  for (const cc of codes) assert.ok((REGIONS as readonly string[]).includes(regionOf(cc) ?? ''), cc);
  assert.equal(canonicalCountryCode('su'), 'RU');
  assert.equal(canonicalCountryCode('dd'), 'DE');
  assert.equal(canonicalCountryCode('zz'), null);
});
