/**
 * Understanding one article: the composition `globedesk analyze` and the desk
 * both call. Pure and synchronous: the publication time comes in with the
 * input, nothing is read from the clock or the network.
 *
 * Order matters only where one stage feeds another: places first (their names
 * keep people detection from taking "Kyiv" for a person), then dated events
 * (their history density is a kind signal).
 */
import type { AnalyzeInput, Analysis, Entity } from '../domain/analysis.js';
import { bodyOf } from '../domain/article.js';
import { findEvents } from './dates/findEvents.js';
import { findEntities } from './entities/findEntities.js';
import { FIRST_NAMES } from './entities/lexicon.js';
import { classifyKind } from './kind/classifyKind.js';
import { detectLanguage } from './language/detectLanguage.js';
import { normalizeLanguageTag } from './language/normalizeLanguageTag.js';
import { findPlaces } from './places/findPlaces.js';
import { countryName } from './places/regions.js';
import { classifyTopic } from './topic/classifyTopic.js';

/** Events this many years before publication make a piece read as background. */
const HISTORY_YEARS = 2;

export function analyze(input: AnalyzeInput): Analysis {
  const title = input.title ?? '';
  const text = input.text ?? '';
  const language = normalizeLanguageTag(input.language) ?? detectLanguage(`${title}\n${text}`);
  const places = findPlaces({ title, text, sourceCountry: input.sourceCountry ?? null });

  // Countries named in the text are places too ("Russia" in the seed), even
  // when findPlaces reports them only as country mentions.
  const placeEntities: Entity[] = [...places.places];
  const placeNames = new Set(placeEntities.map((p) => p.name.toLowerCase()));
  for (const c of places.countries) {
    const name = countryName(c.code);
    if (c.mentions > 0 && name && !placeNames.has(name.toLowerCase())) {
      placeEntities.push({ name, type: 'place', count: c.mentions });
      placeNames.add(name.toLowerCase());
    }
  }

  // A gazetteer can hold a name that is also a person's ("Tusk"): a place
  // that starts with a known first name is not allowed to stop a person, and
  // a place spelled like a person found here is dropped below.
  const stopNames = [...placeNames].filter((n) => !(n.includes(' ') && FIRST_NAMES.has(n.split(' ')[0]!)));
  // The desk stores a feed item's text as its title, a blank line and the
  // body (normalizeItem). People and organisations are found in the title
  // once, as a headline, and in the body as running text, as the entity
  // evaluations feed them: read twice, a Title Case headline went through
  // the tagger a second time as a sentence, where every capitalised word
  // looks like a name ("Senate Wraps Up Year" and "Punting Ukraine Aid"
  // came out organisations). Places, kind and topic still read the title
  // twice: their rules were tuned on the desk so (docs/entities.md).
  const people = findEntities({ title, text: bodyOf(title, text), language, placeNames: stopNames });
  const personNames = new Set(people.filter((e) => e.type === 'person').flatMap((e) => [e.name.toLowerCase(), e.name.split(' ').at(-1)!.toLowerCase()]));
  const events = findEvents({ title, text, published: input.published ?? null });

  // Without a publication time the latest year named stands in for it.
  const pubYear = input.published ? new Date(input.published).getUTCFullYear() : NaN;
  const refYear = Number.isNaN(pubYear) ? Math.max(0, ...events.map((e) => +e.end.slice(0, 4))) : pubYear;
  const historicalEvents = new Set(events.filter((e) => +e.end.slice(0, 4) <= refYear - HISTORY_YEARS).map((e) => e.date)).size;
  const kind = classifyKind({
    title,
    text,
    url: input.url ?? null,
    categories: input.categories ?? [],
    sourceCountry: input.sourceCountry ?? null,
    dateline: places.dateline,
    historicalEvents,
  });
  const topic = classifyTopic({ title, text, url: input.url ?? null, categories: input.categories ?? [], language });

  const entities = [...people, ...placeEntities.filter((p) => !personNames.has(p.name.toLowerCase()))].sort((a, b) => b.count - a.count);
  return {
    id: input.id,
    language,
    countries: places.countries,
    focusCountry: places.focusCountry,
    region: places.region,
    dateline: places.dateline,
    entities,
    events,
    kind,
    topic,
  };
}
