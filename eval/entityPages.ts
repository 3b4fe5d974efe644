/**
 * One person, one page: how often the entity pages gather a key onto the
 * right person (domain/personAliases.ts) or organisation
 * (domain/orgAliases.ts: a name in another grammatical case), on the
 * December corpus.
 *
 *   node --import tsx eval/entityPages.ts [--list]
 *   npm run eval -- entity-pages
 *
 * Every item of the corpus is analysed as the desk analyses it (analyze());
 * each person key's page is then found as read/entityData.ts finds it: the
 * keys filed under its words, their article counts and focus countries,
 * personAliases with the recogniser's given names. A link is a key whose
 * page is another key's ("person:biden" -> "person:joe biden").
 *
 * eval/entity-aliases.jsonl holds links judged by reading, by the rules in
 * docs/entities.md "One person, one page (and one organisation)": `right` or `wrong`, each in a
 * half. Dev is the links of five articles or more, judged when the rules
 * were first written and read while writing the places rule; test is the
 * links of three or four articles, judged once the rules were fixed and
 * never tuned on. Printed per half: of the judged links made now, how many
 * are right (precision); of the links judged right, how many are still
 * made (what the rules keep); and how many links are made that nobody
 * judged. --list prints the links made with three articles or more, with
 * their verdicts.
 */
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/understand/analyze.js';
import { entityKey } from '../src/domain/entityKey.js';
import type { PlaceProfiles } from '../src/domain/personAliases.js';
import { entityAliasesIn, entityNameWords } from '../src/domain/entityNameWords.js';
import { isGivenName } from '../src/understand/entities/polishNames.js';
import { defaultSources } from '../src/sources/defaultSources.js';
import { loadCorpus } from './cluster.js';
import { readJsonl } from './events.js';

export interface JudgedLink {
  alias: string;
  page: string;
  /** Articles naming the alias when judged. */
  articles: number;
  half: 'dev' | 'test';
  verdict: 'right' | 'wrong';
  note?: string;
}

const JUDGED = fileURLToPath(new URL('./entity-aliases.jsonl', import.meta.url));

export function loadJudged(): JudgedLink[] {
  return readJsonl<JudgedLink>(JUDGED);
}

export interface Link {
  alias: string;
  page: string;
  articles: number;
}

/** Each person and organisation key of the corpus with its article count, and the focus countries of a person's articles, as analyze() reads them. */
export function corpusPersons(): { counts: Map<string, number>; places: Map<string, Map<string, number>>; orgs: Map<string, number> } {
  const countryOf = new Map(defaultSources().map((d) => [d.feedUrl, d.country ?? null]));
  const counts = new Map<string, number>();
  const places = new Map<string, Map<string, number>>();
  const orgs = new Map<string, number>();
  for (const it of loadCorpus()) {
    const a = analyze({ id: it.id, title: it.title, text: it.text, url: it.id, published: new Date(it.ms).toISOString(), language: it.language, sourceCountry: countryOf.get(it.feed ?? '') ?? null, categories: [] });
    for (const k of new Set(a.entities.filter((e) => e.type === 'organization').map((e) => entityKey(e)))) orgs.set(k, (orgs.get(k) ?? 0) + 1);
    for (const k of new Set(a.entities.filter((e) => e.type === 'person').map((e) => entityKey(e)))) {
      counts.set(k, (counts.get(k) ?? 0) + 1);
      if (!a.focusCountry) continue;
      let m = places.get(k);
      if (!m) places.set(k, (m = new Map()));
      m.set(a.focusCountry, (m.get(a.focusCountry) ?? 0) + 1);
    }
  }
  return { counts, places, orgs };
}

/**
 * The links the pages make over these keys of one type (each key's page as
 * read/entityData.ts finds it: the keys filed under its words, counted,
 * entityAliasesIn), most articles first (then alias), with counts of keys
 * and pages.
 */
export function linksOf(
  counts: ReadonlyMap<string, number>,
  places: PlaceProfiles = new Map(),
): { keys: number; pages: number; mentions: number; ledMentions: number; links: Link[] } {
  const filed = new Map<string, string[]>();
  for (const k of counts.keys())
    for (const w of entityNameWords(k)) {
      const keys = filed.get(w);
      if (keys) keys.push(k);
      else filed.set(w, [k]);
    }
  const links: Link[] = [];
  const pages = new Set<string>();
  let mentions = 0;
  let ledMentions = 0;
  for (const [k, n] of counts) {
    mentions += n;
    const mine = new Map<string, number>([[k, n]]);
    for (const w of entityNameWords(k)) for (const x of filed.get(w) ?? []) mine.set(x, counts.get(x)!);
    const page = entityAliasesIn(k, mine, { isGivenName, places }).canonical;
    pages.add(page);
    if (page === k) continue;
    links.push({ alias: k, page, articles: n });
    ledMentions += n;
  }
  links.sort((a, b) => b.articles - a.articles || (a.alias < b.alias ? -1 : 1));
  return { keys: counts.size, pages: pages.size, mentions, ledMentions, links };
}

export async function evalEntityPages(log: (s: string) => void = console.log): Promise<Record<string, number>> {
  const t0 = performance.now();
  const { counts, places, orgs } = corpusPersons();
  const c = linksOf(counts, places);
  const o = linksOf(orgs);
  const orgLinks = o.links;
  const judged = loadJudged();
  log(`person keys ${c.keys}, pages ${c.pages}; ${c.links.length} keys lead to another page, ${c.ledMentions} of ${c.mentions} article mentions (${((performance.now() - t0) / 1000).toFixed(0)} s, analysis included)`);
  log(`organisation keys ${o.keys}; ${orgLinks.length} lead to another page (a name in another case), ${o.ledMentions} of ${o.mentions} article mentions`);
  const figures: Record<string, number> = { 'entity_pages.links': c.links.length, 'entity_pages.led_mentions': c.ledMentions, 'entity_pages.org_links': orgLinks.length };
  for (const [kind, links, prefix] of [
    ['people', c.links, 'person:'],
    ['organisations', orgLinks, 'organization:'],
  ] as const) {
    const made = new Map(links.map((l) => [l.alias, l]));
    const mine = judged.filter((j) => j.alias.startsWith(prefix));
    const verdict = new Map(mine.map((j) => [`${j.alias}\t${j.page}`, j]));
    for (const half of ['dev', 'test'] as const) {
      const rows = mine.filter((j) => j.half === half);
      const inBand = (n: number) => (half === 'dev' ? n >= 5 : n >= 3 && n <= 4);
      const now = rows.filter((j) => made.get(j.alias)?.page === j.page);
      const right = now.filter((j) => j.verdict === 'right');
      const judgedRight = rows.filter((j) => j.verdict === 'right');
      const unjudged = links.filter((l) => inBand(l.articles) && !verdict.has(`${l.alias}\t${l.page}`));
      const p = now.length ? right.length / now.length : 0;
      const kept = judgedRight.length ? right.length / judgedRight.length : 0;
      const art = (xs: JudgedLink[]) => xs.reduce((s, j) => s + j.articles, 0);
      log(
        `${kind.padEnd(13)} ${half.padEnd(4)} (${half === 'dev' ? '5+ articles' : '3-4 articles'}): ${right.length} of ${now.length} links made are right (${(100 * p).toFixed(1)} %; by articles ${(100 * (art(right) / Math.max(1, art(now)))).toFixed(1)} %); ` +
          `${right.length} of ${judgedRight.length} links judged right still made (${(100 * kept).toFixed(1)} %); ${unjudged.length} links made unjudged`,
      );
      const f = kind === 'people' ? 'entity_pages' : 'entity_pages.org';
      figures[`${f}.${half}_precision`] = Number(p.toFixed(3));
      figures[`${f}.${half}_kept`] = Number(kept.toFixed(3));
      figures[`${f}.${half}_unjudged`] = unjudged.length;
    }
    if (process.argv.includes('--list')) {
      for (const l of links) {
        if (l.articles < 3) break;
        const j = verdict.get(`${l.alias}\t${l.page}`);
        log(`${j ? j.verdict.padEnd(5) : '?'.padEnd(5)} ${l.alias} (${l.articles}) -> ${l.page}`);
      }
    }
  }
  return figures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await evalEntityPages();
