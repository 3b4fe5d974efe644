/** A region's desk (/region/europe). */
import { REGION_LABELS } from '../../domain/region.js';
import { html } from '../html.js';
import { regionGeometry } from '../map/worldMap.js';
import type { RegionData } from '../../read/regionData.js';
import { regionOf } from '../../understand/places/regions.js';
import { layout, type PageCtx } from '../components/layout.js';
import { breakingStrip, insightColumns, mapFigure, topCountries } from '../components/deskBlocks.js';
import { storyList } from '../components/parts.js';

export function regionPage(ctx: PageCtx, d: RegionData): string {
  const name = REGION_LABELS[d.region];
  const body = html`
${breakingStrip(ctx, d.breaking)}
<section class="glance" aria-labelledby="region-h">
<div>
<p class="kicker">Region</p>
<h1 id="region-h">${name}</h1>
${mapFigure(ctx, regionGeometry(d.region), d.map, `Map of ${name} shaded by the last 24 hours of coverage; each country links to its page`)}
</div>
<aside aria-labelledby="most-h"><h2 id="most-h">Most covered in ${name}</h2>${topCountries(ctx, d.map, 20, (cc) => regionOf(cc) === d.region)}</aside>
</section>
<section aria-labelledby="stories-h"><div class="section-head"><h2 id="stories-h">Top stories</h2></div>${storyList(ctx, d.stories, `No ${name} stories in the last 48 hours.`)}</section>
${insightColumns(ctx, d, `from ${name}`)}
`;
  return layout(ctx, {
    title: `${name} | Globedesk`,
    description: `${name}: top stories, analysis and field reports from the region.`,
    active: d.region,
    feed: { path: `/feeds/region/${d.region}`, title: `Globedesk: ${name}` },
    live: d.region,
    body,
  });
}
