/**
 * Search for the desk and the API: storage/search/searchArticles (the query
 * grammar of parseQuery.ts) plus what a results page shows beside each hit
 * (kind, region, datelines, the story it belongs to). Time travel adds an
 * `until:` bound at `at` unless the query has its own.
 */
import type { Store } from '../storage/db.js';
import { articleContext } from '../storage/read/articlePieces.js';
import { searchArticles, type SearchResult } from '../storage/search/searchArticles.js';
import { entityKeysFor } from './entityData.js';
import { outletLabel } from '../sources/outletName.js';

export interface SearchHitView {
  id: string;
  /** HTML-escaped by searchArticles, with <mark> around matches. */
  titleHtml: string;
  snippetHtml: string;
  title: string;
  url: string;
  source: string;
  publishedAt: string;
  kind: string | null;
  region: string | null;
  focusCountry: string | null;
  datelinePlace: string | null;
  datelineCountry: string | null;
  storyId: string | null;
  copies: number;
}

export interface SearchView {
  total: number;
  hits: SearchHitView[];
  facets: SearchResult['facets'];
}

export async function searchData(
  store: Store,
  q: { q: string; at: Date; travelling?: boolean; limit: number; offset: number },
): Promise<{ ok: true; value: SearchView } | { ok: false; error: string }> {
  const query = q.travelling && !/\buntil:/i.test(q.q) ? `${q.q} until:${q.at.toISOString()}` : q.q;
  const r = await searchArticles(store, query, { at: q.at, limit: q.limit, offset: q.offset, entityKeys: entityKeysFor(store, q.at) });
  if (!r.ok) return { ok: false, error: r.error.message };
  const ids = r.value.hits.map((h) => h.article.id);
  const extra = await articleContext(store, ids);
  const by = new Map(extra.map((e) => [e.id, e]));
  return {
    ok: true,
    value: {
      total: r.value.total,
      facets: r.value.facets,
      hits: r.value.hits.map((h) => {
        const e = by.get(h.article.id);
        return {
          id: h.article.id,
          titleHtml: h.titleHtml,
          snippetHtml: h.snippet,
          title: h.article.title,
          url: h.article.url,
          source: outletLabel(h.sourceName, { country: e?.source_country ?? null }),
          publishedAt: h.article.publishedAt,
          kind: e?.kind ?? null,
          region: e?.region ?? null,
          focusCountry: e?.focus_country ?? null,
          datelinePlace: e?.dateline_place ?? null,
          datelineCountry: e?.dateline_country ?? null,
          storyId: e?.story_id ?? null,
          copies: h.copies,
        };
      }),
    },
  };
}
