/** Search results (/search?q=): highlighted snippets, facets by region, kind and outlet. */
import { html, raw, type Raw } from '../html.js';
import type { SearchView } from '../../read/searchData.js';
import { countryName } from '../../read/places.js';
import { layout, href, type PageCtx } from '../components/layout.js';
import { dateline, regionLabel, time } from '../components/parts.js';
import { outlet } from '../components/outlet.js';

const FACET_KEYS = [
  ['region', 'Region', 'region'],
  ['kind', 'Kind', 'kind'],
  ['source', 'Outlet', 'source'],
] as const;

function facetList(ctx: PageCtx, q: string, key: string, filter: string, counts: Record<string, number>): Raw {
  const top = Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 12);
  if (top.length === 0) return html`<p class="empty">—</p>`;
  return html`<ul>${top.map(([v, n]) => {
    const term = /\s/.test(v) ? `${filter}:"${v}"` : `${filter}:${v}`;
    const label = key === 'region' ? regionLabel(v) : v;
    return html`<li><a href="${href(ctx, `/search?q=${encodeURIComponent(`${q} ${term}`.trim())}`)}">${label}</a><span class="meta">${n}</span></li>`;
  })}</ul>`;
}

export function searchPage(ctx: PageCtx, q: string, r: { ok: true; value: SearchView } | { ok: false; error: string } | null, page: number): string {
  let results: Raw;
  if (r === null) {
    results = html`<p>Search every stored report. Words must all appear; use <code>"a phrase"</code>, <code>-exclude</code>, <code>a OR b</code> and filters:
<code>country:UA</code>, <code>region:europe</code>, <code>kind:analysis</code>, <code>topic:climate</code>, <code>source:bbc</code>, <code>lang:pl</code>, <code>since:2023-12-01</code>, <code>until:2023-12-31</code>.</p>`;
  } else if (!r.ok) {
    results = html`<p class="notice error" role="alert">${r.error}</p>`;
  } else {
    const v = r.value;
    const pages = Math.ceil(v.total / 20);
    results = html`<div class="layout-side">
<section aria-labelledby="res-h"><h2 id="res-h" class="vh">Results</h2><p class="meta" role="status">${v.total} results${pages > 1 ? `, page ${page} of ${pages}` : ''}</p>
<ol class="pieces">${v.hits.map((h) => {
      const dl = dateline(h);
      return html`<li>${dl ? html`<span class="dl">${dl}</span><br>` : null}<a href="${h.url}" rel="noopener">${raw(h.titleHtml)}</a>
<p class="snippet">${raw(h.snippetHtml)}</p>
<p class="meta">${outlet(h.source)} · ${time(h.publishedAt)}${h.kind ? ` · ${h.kind}` : ''}${h.focusCountry ? ` · ${countryName(h.focusCountry)}` : ''}${h.copies > 1 ? ` · ${h.copies - 1} copies` : ''}${
        h.storyId ? html` · <a href="${href(ctx, `/story/${h.storyId}`)}">the story</a>` : null
      }</p></li>`;
    })}</ol>
<nav aria-label="Result pages"><p>${page > 1 ? html`<a href="${href(ctx, `/search?q=${encodeURIComponent(q)}&page=${page - 1}`)}">Previous</a> ` : null}${
      page < pages && page < 50 ? html`<a href="${href(ctx, `/search?q=${encodeURIComponent(q)}&page=${page + 1}`)}">Next</a>` : null
    }</p></nav></section>
<aside class="facets" aria-label="Refine">${FACET_KEYS.map(([k, label, filter]) => html`<section><h2>${label}</h2>${facetList(ctx, q, k, filter, v.facets[k])}</section>`)}</aside>
</div>`;
  }
  return layout(ctx, {
    title: q ? `${q}: search | Globedesk` : 'Search | Globedesk',
    active: 'search',
    query: q,
    feed: q ? { path: '/feeds/search', query: `q=${encodeURIComponent(q)}`, title: `Globedesk search: ${q}` } : undefined,
    body: html`<h1>Search${q ? html`: <q>${q}</q>` : null}</h1>${results}`,
  });
}
