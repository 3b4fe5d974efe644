/** One story (/story/:id): reports by the outlet's region and country, timeline, entities, related. */
import { REGIONS, REGION_LABELS, type Region } from '../../domain/region.js';
import { html } from '../html.js';
import type { StoryDetail, StoryReport } from '../../read/storyData.js';
import { countryName } from '../../read/places.js';
import { layout, href, type PageCtx } from '../components/layout.js';
import { coverageBar, dateline, regionLabel, storyList, time } from '../components/parts.js';
import { outlet } from '../components/outlet.js';
import { entityIdOf, entityPath } from '../../read/entityData.js';

function reportItem(r: StoryReport) {
  const dl = dateline(r);
  return html`<li><a href="${r.url}" rel="noopener">${r.title}</a><p class="meta"><strong>${outlet(r.source)}</strong> · ${time(r.publishedAt)} · ${r.kind}${dl ? ` · datelined ${dl}` : ''}${
    r.alsoPublishedBy.length ? html`<br>Also published by ${r.alsoPublishedBy.map((c, i) => html`${i ? ', ' : ''}<a href="${c.url}" rel="noopener">${outlet(c.source)}</a>`)}` : null
  }</p></li>`;
}

function groupReports(reports: StoryReport[]): { region: Region | null; countries: { country: string | null; reports: StoryReport[] }[] }[] {
  const byRegion = new Map<Region | null, Map<string | null, StoryReport[]>>();
  for (const r of reports) {
    const m = byRegion.get(r.sourceRegion) ?? new Map<string | null, StoryReport[]>();
    const list = m.get(r.sourceCountry) ?? [];
    list.push(r);
    m.set(r.sourceCountry, list);
    byRegion.set(r.sourceRegion, m);
  }
  const order = [...REGIONS, null];
  return order
    .filter((r) => byRegion.has(r))
    .map((region) => ({
      region,
      countries: [...byRegion.get(region)!.entries()]
        .sort((a, b) => b[1].length - a[1].length || String(a[0]).localeCompare(String(b[0])))
        .map(([country, reps]) => ({ country, reports: reps })),
    }));
}

export function storyPage(ctx: PageCtx, d: StoryDetail): string {
  const s = d.story;
  const groups = groupReports(d.reports);
  // Wire copies count as outlets too: another newsroom chose to run the story.
  const outlets = new Set([...d.reports.map((r) => r.source), ...d.reports.flatMap((r) => r.alsoPublishedBy.map((c) => c.source))]).size;
  // People and organisations have their own pages; a place's name searches the desk.
  const chips = (title: string, list: { name: string; key: string }[], page: boolean) =>
    list.length
      ? html`<h3>${title}</h3><ul class="chips">${list.map(
          (e) => html`<li><a href="${href(ctx, page ? entityPath(entityIdOf(e.key)) : `/search?q=${encodeURIComponent(`"${e.name}"`)}`)}">${e.name}</a></li>`,
        )}</ul>`
      : null;
  const body = html`
<article>
<p class="kicker">${s.phase}${s.region ? html` · <a href="${href(ctx, `/region/${s.region}`)}">${REGION_LABELS[s.region]}</a>` : null}${
    s.focusCountry ? html` · <a href="${href(ctx, `/country/${s.focusCountry}`)}">${countryName(s.focusCountry)}</a>` : null
  }</p>
<h1>${s.headline}</h1>
${s.summary ? html`<p class="summary">${s.summary}</p>` : null}
<p class="meta">First reported ${time(s.firstSeenAt)} · latest ${time(s.lastSeenAt)} · ${d.reports.length} reports from ${outlets} outlets in ${groups.length} regions</p>
${coverageBar(s.regions)}
${s.blindSpots.length ? html`<p class="meta">Not covered from: ${s.blindSpots.map(regionLabel).join(', ')}</p>` : null}
<div class="layout-side">
<section aria-labelledby="reports-h"><div class="section-head"><h2 id="reports-h">Reports by where the outlet is</h2></div>
${groups.map(
  (g) => html`<div class="reports-group"><h3>${g.region ? REGION_LABELS[g.region] : 'Elsewhere'}</h3>${g.countries.map(
    (c) => html`<h4>${c.country ? countryName(c.country) : 'Unknown country'}</h4><ul class="pieces">${c.reports.map(reportItem)}</ul>`,
  )}</div>`,
)}
</section>
<aside>
<section aria-labelledby="timeline-h"><div class="section-head"><h2 id="timeline-h">Timeline</h2></div>
<ol class="timeline">${d.timeline.map((t) => html`<li>${time(t.at)}${t.text}</li>`)}</ol></section>
<section aria-labelledby="who-h"><div class="section-head"><h2 id="who-h">Who and where</h2></div>
${chips('People', d.entities.person, true)}${chips('Organisations', d.entities.organization, true)}${chips('Places', d.entities.place, false)}
${d.entities.person.length + d.entities.organization.length + d.entities.place.length === 0 ? html`<p class="empty">No names recognised yet.</p>` : null}
</section>
${d.topics.map(
  (t) => html`<section aria-labelledby="topic-${t.id}"><div class="section-head"><h2 id="topic-${t.id}">Background: ${t.name}</h2></div>
<ol class="timeline">${t.recent.map((e) => html`<li><time>${e.date}</time>${e.description}</li>`)}</ol>
<p><a href="${href(ctx, `/topic/${t.id}`)}">The full timeline (${t.eventCount} events)</a></p></section>`,
)}
</aside>
</div>
<section aria-labelledby="related-h"><div class="section-head"><h2 id="related-h">Related stories</h2></div>${storyList(ctx, d.related, 'No related stories.')}</section>
</article>`;
  return layout(ctx, {
    title: `${s.headline} | Globedesk`,
    description: s.summary || s.headline,
    body,
    feed: s.focusCountry ? { path: `/feeds/country/${s.focusCountry}`, title: `Globedesk: ${countryName(s.focusCountry)}` } : { path: '/feeds/home', title: 'Globedesk: top stories' },
  });
}
