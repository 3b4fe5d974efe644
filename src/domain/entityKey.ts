import type { Entity } from './analysis.js';

/**
 * The article_entities key: type and the lowercased, accent-folded name.
 * Analysis writes entities and storage keys them (saveAnalyses), so the key
 * is the domain's (issue 10: storage depends on no stage).
 */
export function entityKey(e: Pick<Entity, 'name' | 'type'>): string {
  const folded = e.name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return `${e.type}:${folded}`;
}

/**
 * The keys one person or organisation is stored under (domain/personAliases.ts,
 * domain/orgAliases.ts): the key its page is at, and all of them.
 */
export interface KeyAliases {
  /** The key the page is at. */
  canonical: string;
  /** Every key, the canonical one first, then by articles (then key). */
  keys: string[];
}

/** Keys by their article counts, most first, then in key order: the order of KeyAliases.keys. */
export function byArticles(counts: ReadonlyMap<string, number>): (a: string, b: string) => number {
  const n = (k: string) => counts.get(k) ?? 0;
  return (a, b) => n(b) - n(a) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The words of a key's name, without its type ("person:joe biden" and "joe biden" are ["joe", "biden"]). */
export function keyWords(key: string): string[] {
  return key
    .replace(/^(person|organization|place):/, '')
    .split(' ')
    .filter((w) => w.length > 0);
}
