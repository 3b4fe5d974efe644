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

/** The words of a key's name, without its type ("person:joe biden" and "joe biden" are ["joe", "biden"]). */
export function keyWords(key: string): string[] {
  return key
    .replace(/^(person|organization|place):/, '')
    .split(' ')
    .filter((w) => w.length > 0);
}
