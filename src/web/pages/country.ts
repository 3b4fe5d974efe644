/** A country's desk (/country/UA). */
import { REGION_LABELS } from '../../domain/region.js';
import { html } from '../html.js';
import { countryGeometry } from '../map/worldMap.js';
import type { CountryData } from '../../read/countryData.js';
import { countryName } from '../../read/places.js';
import { regionOf } from '../../understand/places/regions.js';
import { layout, href, type PageCtx } from '../components/layout.js';
import { breakingStrip, insightColumns, mapFigure } from '../components/deskBlocks.js';
import { pieceList, storyList } from '../components/parts.js';

export function countryPage(ctx: PageCtx, d: CountryData): string {
  const name = countryName(d.country);
  const region = regionOf(d.country);
  const geom = countryGeometry(d.country);
  const n = d.map.counts.get(d.country) ?? 0;
  const body = html`
${breakingStrip(ctx, d.breaking)}
<section class="glance" aria-labelledby="country-h">
<div>
<p class="kicker">${region ? html`<a href="${href(ctx, `/region/${region}`)}">${REGION_LABELS[region]}</a>` : 'Country'}</p>
<h1 id="country-h">${name}</h1>
${geom ? mapFigure(ctx, geom, d.map, `Map of ${name} and its neighbours shaded by the last 24 hours of coverage`, d.country) : null}
</div>
<aside aria-labelledby="latest-h"><h2 id="latest-h">Latest on ${name}</h2><p class="meta">${n} articles focused on ${name} in the last 24 hours.</p>${pieceList(ctx, d.latest, { empty: `Nothing on ${name} in the last week.` })}</aside>
</section>
<section aria-labelledby="stories-h"><div class="section-head"><h2 id="stories-h">Stories</h2></div>${storyList(ctx, d.stories, `No stories focused on ${name} in the last week.`)}</section>
${insightColumns(ctx, d, `on ${name}`)}
`;
  return layout(ctx, {
    title: `${name} | Globedesk`,
    description: `${name}: stories, analysis and field reports.`,
    active: region ?? undefined,
    feed: { path: `/feeds/country/${d.country}`, title: `Globedesk: ${name}` },
    live: region ?? '',
    body,
  });
}
