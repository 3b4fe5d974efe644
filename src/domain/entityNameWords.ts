import { orgAliases, orgNameWords } from './orgAliases.js';
import type { KeyAliases } from './entityKey.js';
import { personAliases, personNameWords, type PlaceProfiles } from './personAliases.js';

/**
 * The words an entity key is filed under in entity_names, so that its
 * page finds the other keys of the same person (personAliases.ts: folded
 * surname and first word) or organisation (orgAliases.ts: the first letters
 * of its words, which case endings leave alone). Places are not filed:
 * the gazetteer already gives each place one key.
 */
export function entityNameWords(key: string): string[] {
  if (key.startsWith('person:')) return personNameWords(key);
  if (key.startsWith('organization:')) return orgNameWords(key);
  return [];
}

/** Whether the counted keys filed under `key`'s words hold another key to gather (most keys are written one way only). */
export function gathersOthers(key: string, counts: ReadonlyMap<string, number>): boolean {
  return entityNameWords(key).length > 0 && [...counts.keys()].some((k) => k !== key);
}

/**
 * The keys of the person or organisation `key` names, from the article
 * counts of the keys filed under its words (and the focus countries of a
 * person's keys): the rules of personAliases.ts or orgAliases.ts, the page
 * (read/entityData.ts) and eval/entityPages.ts alike.
 */
export function entityAliasesIn(
  key: string,
  counts: ReadonlyMap<string, number>,
  opts: { isGivenName?: (word: string) => boolean; places?: PlaceProfiles } = {},
): KeyAliases {
  if (!gathersOthers(key, counts)) return { canonical: key, keys: [key] };
  return key.startsWith('organization:') ? orgAliases(key, counts) : personAliases(key, counts, opts);
}
