/** A topic's multi-year timeline (/topic/:id): topic_events by start date, each with its citations. */
import { html } from '../html.js';
import type { TopicDetail } from '../../read/topicData.js';
import { layout, type PageCtx } from '../components/layout.js';
import { outlet } from '../components/outlet.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PARTS: Record<string, string> = { early: 'Early', mid: 'Mid', late: 'Late' };

/** "1991", "Late 2021", "the 1990s", "April 2008", "24 February 2022": the date as precise as the source was. */
export function readableDate(e: { date: string; startDate: string; precision: string }): string {
  const [y, m, d] = e.startDate.split('-');
  switch (e.precision) {
    case 'day':
      return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
    case 'month':
      return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
    case 'decade':
      return `The ${y}s`;
    case 'part-of-year': {
      const part = PARTS[e.date.split('-')[1] ?? ''];
      return part ? `${part} ${y}` : e.date;
    }
    default:
      return e.date;
  }
}

export function topicPage(ctx: PageCtx, t: TopicDetail): string {
  const body = html`
<p class="kicker">Topic</p>
<h1>${t.name}</h1>
<p class="meta">${t.events.length} dated ${t.events.length === 1 ? "event" : "events"}, drawn from ${t.articleCount} ${t.articleCount === 1 ? "article" : "articles"}. Each event cites the reports that mention it.</p>
<section aria-labelledby="tl-h"><div class="section-head"><h2 id="tl-h">Timeline</h2></div>
${t.events.length === 0 ? html`<p class="empty">No dated events yet.</p>` : null}
<ol class="timeline">${t.events.map(
  (e) => html`<li><time datetime="${e.startDate}">${readableDate(e)}</time><strong>${e.description}</strong>
<ul class="cites">${e.citations.slice(0, 5).map((c) => html`<li><a href="${c.url}" rel="noopener">${c.title}</a> <span class="meta">(${outlet(c.source)})</span></li>`)}</ul></li>`,
)}</ol></section>`;
  return layout(ctx, {
    title: `${t.name}: timeline | Globedesk`,
    description: `${t.name}: a dated timeline with citations.`,
    feed: { path: `/feeds/topic/${encodeURIComponent(t.id)}`, title: `Globedesk: ${t.name}` },
    body,
  });
}
