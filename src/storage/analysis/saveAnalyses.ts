/**
 * Stores what understand/ found for a batch of articles. One transaction: the
 * batch lands whole or not at all. Rows of those articles are replaced, so
 * analysing an article again leaves no stale country, entity or event.
 */
import type { Analysis } from '../../domain/analysis.js';
import { entityKey } from '../../domain/entityKey.js';
import { entityNameWords } from '../../domain/entityNameWords.js';
import { subregionOf } from '../../domain/countries.js';
import type { Kysely } from 'kysely';
import type { Store } from '../db.js';
import type { DB } from '../schema.js';

/** SQLite caps bound variables per statement (32766 since 3.32); rows go in chunks well under it. */
const CHUNK = 200;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export async function saveAnalyses(store: Store, analyses: Analysis[], now: Date): Promise<void> {
  if (analyses.length === 0) return;
  // The last analysis of an article in the batch wins.
  const byId = new Map(analyses.map((a) => [a.id, a]));
  const ids = [...byId.keys()];
  const at = now.toISOString();
  await store.db.transaction().execute(async (trx) => {
    for (const part of chunks(ids)) {
      for (const table of ['article_events', 'article_entities', 'article_countries', 'article_analysis'] as const) {
        await trx.deleteFrom(table).where('article_id', 'in', part).execute();
      }
    }
    const analysisRows = [...byId.values()].map((a) => ({
      article_id: a.id,
      language: a.language,
      focus_country: a.focusCountry,
      region: a.region,
      subregion: a.focusCountry ? subregionOf(a.focusCountry) : null,
      kind: a.kind,
      topic: a.topic,
      dateline_place: a.dateline?.place ?? null,
      dateline_country: a.dateline?.country ?? null,
      data: JSON.stringify(a),
      analyzed_at: at,
    }));
    for (const part of chunks(analysisRows)) await trx.insertInto('article_analysis').values(part).execute();

    const countryRows = [...byId.values()].flatMap((a) =>
      a.countries.map((c) => ({ article_id: a.id, country: c.code, role: c.role, score: c.score, mentions: c.mentions })),
    );
    for (const part of chunks(countryRows)) await trx.insertInto('article_countries').values(part).execute();

    // Two names can fold to one key ("Médecins…" and "Medecins…"): counts add up.
    const entityRows = [...byId.values()].flatMap((a) => {
      const byKey = new Map<string, { article_id: string; entity_key: string; name: string; type: string; count: number }>();
      for (const e of a.entities) {
        const key = entityKey(e);
        const row = byKey.get(key);
        if (row) row.count += e.count;
        else byKey.set(key, { article_id: a.id, entity_key: key, name: e.name, type: e.type, count: e.count });
      }
      return [...byKey.values()];
    });
    for (const part of chunks(entityRows)) await trx.insertInto('article_entities').values(part).execute();

    await fileEntityNames(trx, entityRows.map((r) => r.entity_key));

    const eventRows = [...byId.values()].flatMap((a) =>
      a.events.map((e) => ({
        article_id: a.id,
        date: e.date,
        start_date: e.start,
        end_date: e.end,
        precision: e.precision,
        description: e.description,
        sentence: e.sentence,
      })),
    );
    for (const part of chunks(eventRows)) await trx.insertInto('article_events').values(part).execute();
  });
}

/**
 * Files person and organisation keys under the words an entity page finds
 * them by (entity_names, migration 045; domain/entityNameWords.ts); other
 * keys are not filed, and a key filed before is left as it is.
 */
export async function fileEntityNames(db: Kysely<DB>, keys: readonly string[]): Promise<void> {
  const rows = new Map<string, { word: string; entity_key: string }>();
  for (const key of keys) for (const word of entityNameWords(key)) rows.set(`${word}\t${key}`, { word, entity_key: key });
  for (const part of chunks([...rows.values()])) {
    await db
      .insertInto('entity_names')
      .values(part)
      .onConflict((oc) => oc.columns(['word', 'entity_key']).doNothing())
      .execute();
  }
}
