/** Small pieces shared by the pages: story cards, the coverage bar, article lists, times. */
import { REGIONS, REGION_LABELS, isRegion, type Region } from '../../domain/region.js';
import { html, raw, type Raw } from '../html.js';
import { countryName } from '../../read/places.js';
import type { Piece, StoryCard } from '../../read/types.js';
import { href, type PageCtx } from './layout.js';
import { outlet } from './outlet.js';

const fmtTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** "21 Dec, 14:05 UTC" in a <time> element with the machine-readable value. */
export function time(isoString: string): Raw {
  const d = new Date(isoString);
  if (Number.isNaN(d.getTime())) return html`${isoString}`;
  return html`<time datetime="${d.toISOString()}">${fmtTime.format(d)} UTC</time>`;
}

/** "3 h ago" relative to the moment viewed. */
export function ago(isoString: string, at: Date): string {
  const mins = Math.max(0, Math.round((at.getTime() - Date.parse(isoString)) / 60_000));
  if (mins < 60) return `${mins} min ago`;
  const h = Math.round(mins / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}

/**
 * Which regions report a story: a stacked bar in region colours, with the
 * same numbers as text for screen readers and as a tooltip.
 */
export function coverageBar(regions: Partial<Record<Region, number>>): Raw | null {
  const entries = REGIONS.map((r) => [r, regions[r] ?? 0] as const).filter(([, n]) => n > 0);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const text = 'Reported from ' + entries.map(([r, n]) => `${REGION_LABELS[r]} (${n})`).join(', ');
  // SVG rects rather than styled spans: widths as attributes need no inline
  // style, so the Content-Security-Policy can forbid them.
  let x = 0;
  const rects = entries.map(([r, n]) => {
    const w = (n / total) * 100;
    const rect = `<rect class="rg-${r}" x="${x.toFixed(1)}" width="${w.toFixed(1)}" height="6"/>`;
    x += w;
    return rect;
  });
  return html`<svg class="cov" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false"><title>${text}</title>${raw(rects.join(''))}</svg><span class="vh">${text}</span>`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A card's line of facts. `data-story`, `.n-out` and `time.ago` are what the
 * desk's script (assets/deskJs.ts) moves when the live stream says the story
 * grew; without it the line stays as served.
 */
export function storyMeta(ctx: PageCtx, s: StoryCard): Raw {
  return html`<p class="meta" data-story="${s.id}">${s.phase === 'breaking' ? html`<span class="phase">Breaking</span> · ` : null}<span class="n-out">${plural(s.outlets, 'outlet', 'outlets')}</span> · ${plural(Object.keys(s.regions).length, 'region', 'regions')} · updated <time class="ago" datetime="${s.lastSeenAt}">${ago(s.lastSeenAt, ctx.at)}</time>${
    s.focusCountry ? html` · <a href="${href(ctx, `/country/${s.focusCountry}`)}">${countryName(s.focusCountry)}</a>` : null
  }</p>`;
}

export function storyItem(ctx: PageCtx, s: StoryCard, opts: { lead?: boolean; level?: 2 | 3 } = {}): Raw {
  const h = opts.level === 2 ? 'h2' : 'h3';
  return html`<li><article class="story${opts.lead ? ' lead' : ''}"><${raw(h)}><a href="${href(ctx, `/story/${s.id}`)}">${s.headline}</a></${raw(h)}>${
    s.summary ? html`<p class="summary">${s.summary}</p>` : null
  }${storyMeta(ctx, s)}${coverageBar(s.regions)}</article></li>`;
}

export function storyList(ctx: PageCtx, stories: StoryCard[], empty = 'No stories in this window.'): Raw {
  if (stories.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`<ul class="stories">${stories.map((s, i) => storyItem(ctx, s, { lead: i === 0 }))}</ul>`;
}

export function dateline(p: Pick<Piece, 'datelinePlace' | 'datelineCountry'>): string | null {
  if (!p.datelinePlace && !p.datelineCountry) return null;
  const place = p.datelinePlace ?? '';
  const country = p.datelineCountry ? countryName(p.datelineCountry) : '';
  return place && country && place.toLowerCase() !== country.toLowerCase() ? `${place}, ${country}` : place || country;
}

export function pieceList(ctx: PageCtx, list: Piece[], opts: { datelines?: boolean; empty: string }): Raw {
  if (list.length === 0) return html`<p class="empty">${opts.empty}</p>`;
  return html`<ul class="pieces">${list.map((p) => {
    const dl = opts.datelines ? dateline(p) : null;
    return html`<li>${dl ? html`<span class="dl">${dl}</span><br>` : null}<a href="${p.url}" rel="noopener">${p.title}</a><p class="meta">${outlet(p.source)}${
      p.sourceCountry ? ` (${countryName(p.sourceCountry)})` : ''
    } · ${time(p.publishedAt)}${p.storyId ? html` · <a href="${href(ctx, `/story/${p.storyId}`)}">the story</a>` : null}</p></li>`;
  })}</ul>`;
}

export function regionLabel(r: string): string {
  return isRegion(r) ? REGION_LABELS[r] : r;
}
