/** The front page: the world at a glance. */
import { REGION_LABELS } from '../../domain/region.js';
import { html } from '../html.js';
import { worldGeometry } from '../map/worldMap.js';
import type { HomeData } from '../../read/homeData.js';
import { layout, href, type PageCtx } from '../components/layout.js';
import { breakingStrip, insightColumns, mapFigure, topCountries } from '../components/deskBlocks.js';
import { storyList } from '../components/parts.js';

export function homePage(ctx: PageCtx, d: HomeData): string {
  const body = html`
${breakingStrip(ctx, d.breaking)}
<section class="glance" aria-labelledby="glance-h">
<div>
<h1 id="glance-h">The world at a glance</h1>
${mapFigure(ctx, worldGeometry(), d.map, 'World map of the last 24 hours of coverage; each country links to its page')}
</div>
<aside aria-labelledby="most-h"><h2 id="most-h">Most covered, last 24 hours</h2>${topCountries(ctx, d.map, 16)}</aside>
</section>
<div class="section-head"><h2>Around the world</h2></div>
<div class="regions">
${d.regions.map(
  (r) => html`<section class="region" aria-labelledby="r-${r.region}"><h2 id="r-${r.region}"><a href="${href(ctx, `/region/${r.region}`)}">${REGION_LABELS[r.region]}</a></h2>${storyList(
    ctx,
    r.stories,
    `No ${REGION_LABELS[r.region]} stories in the last 48 hours.`,
  )}</section>`,
)}
</div>
${insightColumns(ctx, d, 'anywhere')}
`;
  return layout(ctx, {
    title: 'Globedesk: world news at a glance',
    active: 'home',
    feed: { path: '/feeds/home', title: 'Globedesk: top stories' },
    live: '',
    body,
  });
}
