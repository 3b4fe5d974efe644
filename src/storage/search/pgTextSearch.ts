/**
 * The PostgreSQL full-text index of articles (table article_fts, migration
 * 004's PostgreSQL body in migrations/postgres.ts): what FTS5 and
 * ftsIndex.ts are on SQLite.
 *
 * - Text goes through indexText() first, exactly as on SQLite: letters
 *   unaccent leaves alone are folded, and Chinese, Japanese and Thai get
 *   spaces between words (Intl.Segmenter), so PostgreSQL's parser, which
 *   splits only at spaces and punctuation, sees words. It is lower-cased
 *   here too, so case folding does not depend on the database's LC_CTYPE
 *   (a "C" database lower-cases only ASCII).
 * - Each article is indexed with the configuration of its language:
 *   globedesk_<language> (unaccent, then that language's Snowball stemmer,
 *   no stop words) where PostgreSQL has a stemmer, globedesk_simple
 *   (unaccent only) elsewhere. The row keeps the configuration's name, and
 *   a query is parsed with each row's own configuration
 *   (searchArticlesPg.ts), so a word meets the forms its language gives it.
 * - The document: title at weight A, body at weight B; ts_rank weighs A
 *   TITLE_WEIGHT times B, as bm25 weighs FTS5's title column.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../schema.js';
import { indexText } from './indexText.js';

/**
 * ISO 639-1 → PostgreSQL 15's Snowball stemmer. Every name here must have
 * its configuration created by a migration (004 made these; a test checks
 * each one exists): adding a language means adding a migration.
 */
export const STEMMED_LANGUAGES: Readonly<Record<string, string>> = {
  ar: 'arabic', hy: 'armenian', eu: 'basque', ca: 'catalan', da: 'danish', nl: 'dutch', en: 'english', fi: 'finnish',
  fr: 'french', de: 'german', el: 'greek', hi: 'hindi', hu: 'hungarian', id: 'indonesian', ga: 'irish', it: 'italian',
  lt: 'lithuanian', ne: 'nepali', no: 'norwegian', pt: 'portuguese', ro: 'romanian', ru: 'russian', sr: 'serbian',
  es: 'spanish', sv: 'swedish', ta: 'tamil', tr: 'turkish', yi: 'yiddish',
};

/** Norwegian Bokmål and Nynorsk use the Norwegian stemmer. */
const ALIASES: Record<string, string> = { nb: 'no', nn: 'no' };

export const SIMPLE_CONFIG = 'globedesk_simple';

/** Every configuration a row can name, simple first. */
export const PG_CONFIGS: readonly string[] = [SIMPLE_CONFIG, ...Object.values(STEMMED_LANGUAGES).map((l) => `globedesk_${l}`)];

/** The configuration an article of `language` (a BCP 47 tag or null) is indexed with. */
export function pgSearchConfig(language: string | null): string {
  if (!language) return SIMPLE_CONFIG;
  const base = language.toLowerCase().split(/[-_]/)[0]!;
  const stemmer = STEMMED_LANGUAGES[ALIASES[base] ?? base];
  return stemmer ? `globedesk_${stemmer}` : SIMPLE_CONFIG;
}

/** A title or text as the PostgreSQL index (and a query) sees it. */
export function pgIndexText(text: string): string {
  return indexText(text).toLowerCase();
}

/** The weighted document of one article. */
export function pgDocument(cfg: string, title: string, body: string): RawBuilder<unknown> {
  return sql`setweight(to_tsvector(${cfg}::regconfig, ${pgIndexText(title)}), 'A') || setweight(to_tsvector(${cfg}::regconfig, ${pgIndexText(body)}), 'B')`;
}

/** Index (or re-index) one article. */
export async function putPgSearch(db: Kysely<DB>, seq: number, language: string | null, title: string, body: string): Promise<void> {
  const cfg = pgSearchConfig(language);
  await sql`INSERT INTO article_fts (seq, cfg, doc) VALUES (${seq}, ${cfg}, ${pgDocument(cfg, title, body)})
    ON CONFLICT (seq) DO UPDATE SET cfg = excluded.cfg, doc = excluded.doc`.execute(db);
}
