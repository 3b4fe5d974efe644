/**
 * The desk's regions. Every country belongs to exactly one; the mapping lives
 * in domain/countries.ts and is documented in docs/regions.md.
 */
export const REGIONS = ['africa', 'asia', 'europe', 'middle-east', 'north-america', 'latin-america', 'oceania', 'antarctica'] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_LABELS: Record<Region, string> = {
  africa: 'Africa',
  asia: 'Asia',
  europe: 'Europe',
  'middle-east': 'Middle East',
  'north-america': 'North America',
  'latin-america': 'Latin America',
  oceania: 'Oceania',
  antarctica: 'Antarctica',
};

export function isRegion(s: string): s is Region {
  return (REGIONS as readonly string[]).includes(s);
}
