/** A person's or an organisation's desk (/entity/ID): their stories, where those are, a timeline of dated events, the latest reports. */
import { html } from '../html.js';
import { entityPath, type EntityDetail } from '../../read/entityData.js';
import { layout, href, type PageCtx } from '../components/layout.js';
import { pieceList, storyList, time } from '../components/parts.js';

const KIND_LABEL = { person: 'Person', organization: 'Organisation', place: 'Place' } as const;

export function entityPage(ctx: PageCtx, d: EntityDetail): string {
  const body = html`
<article>
<p class="kicker">${KIND_LABEL[d.type]}</p>
<h1>${d.name}</h1>
${d.aliases.length ? html`<p class="meta">Also written ${d.aliases.map((a) => a.name).join(', ')}</p>` : null}
<p class="meta">Named in ${d.articleCount} articles, first ${time(d.firstSeenAt)} · latest ${time(d.lastSeenAt)} · <a href="${href(ctx, `/search?q=${encodeURIComponent(`entity:${d.id}`)}`)}">search these articles</a></p>
${d.countries.length ? html`<ul class="chips" aria-label="Countries">${d.countries.map((c) => html`<li><a href="${href(ctx, `/country/${c.code}`)}">${c.name}</a> (${c.articles})</li>`)}</ul>` : null}
<div class="layout-side">
<section aria-labelledby="stories-h"><div class="section-head"><h2 id="stories-h">Stories</h2></div>${storyList(ctx, d.stories, `No stories name ${d.name} yet.`)}</section>
<aside>
<section aria-labelledby="timeline-h"><div class="section-head"><h2 id="timeline-h">Timeline</h2></div>
${d.timeline.length ? html`<ol class="timeline">${d.timeline.map((e) => html`<li><time>${e.date}</time>${e.description} <a href="${e.article.url}" rel="noopener">${e.article.source}</a></li>`)}</ol>` : html`<p class="empty">No dated events in these articles.</p>`}
</section>
<section aria-labelledby="latest-h"><div class="section-head"><h2 id="latest-h">Latest reports</h2></div>${pieceList(ctx, d.latest, { empty: 'No reports.' })}</section>
</aside>
</div>
</article>`;
  return layout(ctx, {
    title: `${d.name} | Globedesk`,
    description: `${d.name}: stories, countries and a timeline from ${d.articleCount} reports.`,
    feed: { path: entityPath(d.id, '/feeds/entity/'), title: `Globedesk: ${d.name}` },
    body,
  });
}
