/**
 * People and organisations named in an article, from the learned recogniser
 * (recognize.ts): each mention is put in its base form (canonical.ts: Polish
 * "Donalda Tuska" is Donald Tusk; a curated alias is its organisation's
 * display name: "Unii Europejskiej" is European Union), a lone surname goes
 * to the full name it shortens ("Tuska" after "Donald Tusk"), and a curated
 * organisation's anaphors ("the alliance") count for it when exactly one
 * named organisation claims them. Places are not returned here: analyze()
 * takes them from findPlaces, which knows their countries.
 */
import type { Entity } from '../../domain/analysis.js';
import { canonicalOrganization, canonicalPerson, surnameCandidates } from './canonical.js';
import { ORGANIZATIONS, type Organization } from './organizations.js';
import { recognize, type Mention } from './recognize.js';

export interface FindEntitiesInput {
  title: string;
  text: string;
  language?: string | null;
  /** Names of places already found (findPlaces): a person spelled exactly like one is dropped. */
  placeNames?: readonly string[];
}

const ALIAS_TO_ORG = new Map<string, Organization>();
for (const org of ORGANIZATIONS) for (const a of org.aliases) ALIAS_TO_ORG.set(a, org);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ANAPHOR_RE = new Map<string, RegExp>();
for (const org of ORGANIZATIONS) for (const a of org.anaphors ?? []) ANAPHOR_RE.set(a, new RegExp(`(?<![\\p{L}\\p{N}])${escape(a)}(?![\\p{L}\\p{N}])`, 'gu'));

interface Found {
  name: string;
  type: 'person' | 'organization';
  count: number;
  first: number;
}

const foldKey = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const WITH_ANAPHORS: [Organization, string][] = ORGANIZATIONS.filter((o) => o.anaphors?.length).map((o) => [o, foldKey(o.name)]);

export function findEntities(input: FindEntitiesInput): Entity[] {
  const language = input.language ?? null;
  const full = input.title ? `${input.title}\n${input.text}` : input.text;
  const mentions = recognize(input.title ?? '', input.text, language);
  const places = new Set((input.placeNames ?? []).map((p) => p.toLowerCase()));

  const orgs = new Map<string, Found>();
  const orgSpans: [number, number][] = [];
  const people: (Mention & { canon: string })[] = [];
  for (const m of mentions) {
    if (m.type === 'ORG') {
      const org = ALIAS_TO_ORG.get(m.text);
      const name = org ? org.name : canonicalOrganization(m.text, language);
      const key = foldKey(name);
      const o = orgs.get(key) ?? { name, type: 'organization' as const, count: 0, first: m.start };
      o.count++;
      orgs.set(key, o);
      orgSpans.push([m.start, m.end]);
    } else if (m.type === 'PER') {
      // A possessive the tokenizer left on ("Burton’s") is not part of the name.
      const text = m.text.replace(/['’]s?$/u, '');
      if (places.has(text.toLowerCase())) continue;
      people.push({ ...m, text, canon: canonicalPerson(text, language) });
    }
  }

  // Anaphors of a named curated organisation.
  const claimed = new Map<string, Found[]>();
  for (const [org, folded] of WITH_ANAPHORS) {
    const o = orgs.get(folded);
    if (o) for (const a of org.anaphors!) claimed.set(a, [...(claimed.get(a) ?? []), o]);
  }
  for (const [a, owners] of claimed) {
    if (owners.length !== 1) continue;
    for (const m of full.matchAll(ANAPHOR_RE.get(a)!)) {
      // "Unia" inside "Unia Europejska" is the name itself, already counted.
      if (orgSpans.some(([s, e]) => m.index < e && m.index + m[0].length > s)) continue;
      owners[0]!.count++;
    }
  }

  // People: full names first, then lone names joined to the full name whose last word they are.
  const persons = new Map<string, Found & { last: string }>();
  const sorted = [...people].sort((a, b) => b.canon.split(' ').length - a.canon.split(' ').length || a.start - b.start);
  const byLast = new Map<string, Found & { last: string }>();
  for (const m of sorted) {
    const words = m.canon.split(' ');
    const key = foldKey(m.canon);
    const last = foldKey(words.at(-1)!);
    if (words.length === 1) {
      // "Dudy" after "Andrzej Duda": a lone Polish surname in any case form of the full name's.
      const owner =
        byLast.get(last) ??
        persons.get(key) ??
        surnameCandidates(m.text, language)
          .map((c) => byLast.get(foldKey(c)))
          .find((o) => o !== undefined);
      if (owner) {
        owner.count++;
        owner.first = Math.min(owner.first, m.start);
        continue;
      }
    }
    const p = persons.get(key) ?? { name: m.canon, type: 'person' as const, count: 0, first: m.start, last };
    p.count++;
    p.first = Math.min(p.first, m.start);
    persons.set(key, p);
    if (words.length > 1) {
      // Several people share a surname (Joe and Hunter Biden): the first full name keeps it.
      if (!byLast.has(last)) byLast.set(last, p);
    }
  }

  const out: Found[] = [...orgs.values(), ...persons.values()];
  out.sort((a, b) => b.count - a.count || a.first - b.first);
  return out.map(({ name, type, count }) => ({ name, type, count }));
}

/** The article_entities key lives in the domain (storage keys entities with it); re-exported for the stage's callers. */
export { entityKey } from '../../domain/entityKey.js';
