import { orgNameWords } from './orgAliases.js';
import { personNameWords } from './personAliases.js';

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
