// "Geopolitical insights" rank an analysis by how far beyond its outlet's
// country its story is news (blocks.ts publishersAbroad), not by how many
// outlets of that one country carry it: the editor's panel judged a Polish
// column on the Sejm's inquiry commissions, lifted by a 38-report Polish
// story, domestic politics (docs/editorial.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../storage/db.js';
import { fillDeskFixture, FIXTURE_NOW } from '../web/testdata/deskFixture.js';
import { engines, testStore } from '../../test/pg/engines.js';
import { sectionPieces } from './blocks.js';

const at = (hoursAgo: number): string => new Date(FIXTURE_NOW.getTime() - hoursAgo * 3_600_000).toISOString();

async function outlet(store: Store, name: string, domain: string, country: string): Promise<{ id: number; domain: string }> {
  const r = await store.db
    .insertInto('sources')
    .values({ name, feed_url: `https://${domain}/feed`, site_url: `https://${domain}/`, country, language: null, kind: 'rss', owner: null, enabled: 1, created_at: at(100), etag: null, last_modified: null, next_fetch_at: null, last_fetch_at: null, last_success_at: null, last_error: null, last_error_at: null, last_warning: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(r.id), domain };
}

/** One article of `story`, analysed as the pipeline stores it. */
async function article(store: Store, src: { id: number; domain: string }, id: string, story: string, title: string, a: { kind: string; topic: string; focus: string; hoursAgo: number }): Promise<void> {
  const url = `https://${src.domain}/opinion/${id}`;
  await store.db
    .insertInto('articles')
    .values({ id, source_id: src.id, guid: id, url, canonical_url: url, domain: src.domain, title, summary_html: null, content_html: null, text: `${title}. What it means, and why.`, language: 'en', author: null, published_at: at(a.hoursAgo), published_estimated: 0, updated_at: null, fetched_at: at(a.hoursAgo), image: null, categories: '[]', content_hash: id, duplicate_of: null, analyzed: 1, clustered: 1 })
    .execute();
  await store.db
    .insertInto('article_analysis')
    .values({ article_id: id, language: 'en', focus_country: a.focus, region: null, subregion: null, kind: a.kind, topic: a.topic, dateline_place: null, dateline_country: null, data: '{}', analyzed_at: at(a.hoursAgo) })
    .execute();
  await store.db.insertInto('story_articles').values({ article_id: id, story_id: story, joined_at: at(a.hoursAgo), similarity: 1 }).execute();
}

for (const engine of engines()) {
  test(`insights: an analysis whose story is news abroad ranks before one whose story only its own country carries (real store, ${engine})`, async (t) => {
    const { store } = await fillDeskFixture(await testStore(t, engine));
    // A domestic story: the column and seven more Polish outlets.
    const pl = await Promise.all([...Array(8).keys()].map((i) => outlet(store, `Polish outlet ${i}`, `pl${i}.example`, 'PL')));
    await article(store, pl[0]!, 'pl-column', 'st-inquiries', 'Analysis: Why the Sejm inquiry commissions divide Poland', { kind: 'analysis', topic: 'politics', focus: 'PL', hoursAgo: 2 });
    for (let i = 1; i < 8; i++) await article(store, pl[i]!, `pl-report-${i}`, 'st-inquiries', `Sejm inquiry commission hears witness ${i}`, { kind: 'news', topic: 'politics', focus: 'PL', hoursAgo: 3 });
    // A story carried abroad: the column and two outlets of other countries.
    const gb = await outlet(store, 'British outlet', 'gb.example', 'GB');
    const us = await outlet(store, 'American outlet', 'us.example', 'US');
    const de = await outlet(store, 'German outlet', 'de.example', 'DE');
    await article(store, gb, 'gb-column', 'st-red-sea', 'Analysis: Why the Red Sea attacks threaten world trade', { kind: 'analysis', topic: 'conflict', focus: 'YE', hoursAgo: 2 });
    await article(store, us, 'us-report', 'st-red-sea', 'Shipping firms pause Red Sea transits after attacks', { kind: 'news', topic: 'conflict', focus: 'YE', hoursAgo: 3 });
    await article(store, de, 'de-report', 'st-red-sea', 'Reederei meidet das Rote Meer', { kind: 'news', topic: 'conflict', focus: 'YE', hoursAgo: 3 });

    const titles = (await sectionPieces(store, 'insights', { at: FIXTURE_NOW, limit: 50 })).map((p) => p.title);
    const redSea = titles.indexOf('Analysis: Why the Red Sea attacks threaten world trade');
    const sejm = titles.indexOf('Analysis: Why the Sejm inquiry commissions divide Poland');
    assert.ok(redSea >= 0 && sejm >= 0, `both pass the insights rule: ${titles.join(' | ')}`);
    // By all publishers the Polish story (8) would lead: 1 + 1.5 log2 8 + 0.5 = 6.0 against 1 + 1.5 log2 3 + 1 + 0.5 = 4.9.
    assert.ok(redSea < sejm, `the Red Sea column first: ${titles.join(' | ')}`);
  });
}
