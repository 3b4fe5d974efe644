/** Sections the home, region and country pages share. */
import { html, type Raw } from '../html.js';
import { renderLegend, renderMap } from '../map/renderMap.js';
import type { MapGeometry } from '../map/worldMap.js';
import { countryName } from '../../read/places.js';
import type { MapCounts, PlaceDesk, StoryCard } from '../../read/types.js';
import { href, type PageCtx } from './layout.js';
import { pieceList } from './parts.js';

export function breakingStrip(ctx: PageCtx, stories: StoryCard[]): Raw | null {
  if (stories.length === 0) return null;
  return html`<section class="breaking" aria-labelledby="breaking-h"><h2 id="breaking-h" class="kicker">Breaking</h2><ul>${stories.map(
    (s) => html`<li><a href="${href(ctx, `/story/${s.id}`)}">${s.headline}</a><span class="meta" data-story="${s.id}"><span class="n-out">${s.outlets} outlets</span></span></li>`,
  )}</ul></section>`;
}

export function mapFigure(ctx: PageCtx, geom: MapGeometry, counts: MapCounts, label: string, selected: string | null = null): Raw {
  const svg = renderMap(geom, { counts: counts.counts, reports: counts.reports, selected, href: (c) => href(ctx, `/country/${c}`), label });
  return html`<figure class="mapbox">${svg}<figcaption>${renderLegend('in the last 24 hours')}</figcaption></figure>`;
}

/** The map's numbers as a list: the text alternative, and a quick index. */
export function topCountries(ctx: PageCtx, counts: MapCounts, limit: number, filter?: (cc: string) => boolean): Raw {
  const top = [...counts.counts.entries()].filter(([cc]) => !filter || filter(cc)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
  if (top.length === 0) return html`<p class="empty">No coverage in the last 24 hours.</p>`;
  return html`<ol class="toplist">${top.map(([cc, n]) => html`<li><a href="${href(ctx, `/country/${cc}`)}">${countryName(cc)}</a> <span class="n">${n}</span></li>`)}</ol>`;
}

export function insightColumns(ctx: PageCtx, d: Pick<PlaceDesk, 'analysis' | 'reports'>, where: string): Raw {
  return html`<div class="cols">
<section aria-labelledby="insights-h"><div class="section-head"><h2 id="insights-h">Geopolitical insights</h2><a href="${href(ctx, '/search?q=kind:analysis')}">More analysis</a></div>${pieceList(ctx, d.analysis, { empty: `No analysis pieces ${where} in the last three days.` })}</section>
<section aria-labelledby="ground-h"><div class="section-head"><h2 id="ground-h">On the ground</h2><a href="${href(ctx, '/search?q=kind:report')}">More field reports</a></div>${pieceList(ctx, d.reports, { datelines: true, empty: `No field reports ${where} in the last three days.` })}</section>
</div>`;
}
