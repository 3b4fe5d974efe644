/**
 * Versioned migrations, applied in name order by Kysely's Migrator. Each file
 * is one step and is never edited once landed; add a new one instead.
 */
import type { Migration } from 'kysely';
import * as m001 from './001_sources_articles.js';
import * as m002 from './002_analysis.js';
import * as m003 from './003_stories.js';
import * as m004 from './004_search.js';
import * as m010 from './010_source_warnings.js';
import * as m011 from './011_lsh_row_per_article.js';
import * as m030 from './030_full_text.js';
import * as m040 from './040_accounts.js';
import * as m041 from './041_reader_items_at.js';
import * as m042 from './042_alerts.js';
import * as m043 from './043_alert_digests.js';
import * as m044 from './044_story_member_rank.js';
import * as m045 from './045_entity_names.js';
import { postgresOverrides } from './postgres.js';

export const migrations: Record<string, Migration> = {
  '001_sources_articles': m001,
  '002_analysis': m002,
  '003_stories': m003,
  '004_search': m004,
  '010_source_warnings': m010,
  '011_lsh_row_per_article': m011,
  '030_full_text': m030,
  '040_accounts': m040,
  '041_reader_items_at': m041,
  '042_alerts': m042,
  '043_alert_digests': m043,
  '044_story_member_rank': m044,
  '045_entity_names': m045,
};

/**
 * The list for one engine: the same names in the same order, PostgreSQL's
 * own body where a step's SQL is SQLite's alone (postgres.ts).
 */
export function migrationsFor(engine: 'sqlite' | 'postgres'): Record<string, Migration> {
  if (engine === 'sqlite') return migrations;
  return Object.fromEntries(Object.entries(migrations).map(([name, m]) => [name, postgresOverrides[name] ?? m]));
}
