/**
 * The page shell: landmarks (header/nav/main/footer), a skip link, one h1
 * given by each page, feed autodiscovery links (RSS Board "RSS Autodiscovery",
 * RFC 4287 §5 with type application/atom+xml, JSON Feed 1.1 "Discovery").
 */
import { REGIONS, REGION_LABELS } from '../../domain/region.js';
import { html, raw, type Raw } from '../html.js';
import { ASSETS } from '../assets/assets.js';

/** What every page knows about the request. */
export interface PageCtx {
  /** The desk's "now" for this request: ?at= or the clock. */
  at: Date;
  /** The raw ?at= value when time travelling, to carry it through links. */
  atParam: string | null;
  path: string;
  /** Set when an admin session is active: its CSRF token for forms. */
  csrf: string | null;
  /** Whether an admin password is configured (else the desk is read-only). */
  adminEnabled: boolean;
}

/** A link that keeps the time-travel moment. */
export function href(ctx: Pick<PageCtx, 'atParam'>, path: string): string {
  if (!ctx.atParam) return path;
  return path + (path.includes('?') ? '&' : '?') + 'at=' + encodeURIComponent(ctx.atParam);
}

export interface Shell {
  title: string;
  description?: string;
  /** Nav item to mark with aria-current: "home", a region id, "search", "sources". */
  active?: string;
  /** Feed path without extension, e.g. "/feeds/region/europe"; query kept as is. */
  feed?: { path: string; query?: string; title: string };
  /** Region whose breaking stories the live script watches ("" = all); omit for no live updates. */
  live?: string;
  body: Raw;
  /** Current search text, to keep it in the header search box. */
  query?: string;
}

const fmtDate = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

function feedLinks(f: NonNullable<Shell['feed']>): Raw {
  const q = f.query ? `?${f.query}` : '';
  return html`<link rel="alternate" type="application/rss+xml" title="${f.title} (RSS)" href="${f.path}.rss${q}">
<link rel="alternate" type="application/atom+xml" title="${f.title} (Atom)" href="${f.path}.atom${q}">
<link rel="alternate" type="application/feed+json" title="${f.title} (JSON Feed)" href="${f.path}.json${q}">`;
}

export function layout(ctx: PageCtx, s: Shell): string {
  const nav = [
    { id: 'home', href: '/', label: 'Home' },
    ...REGIONS.filter((r) => r !== 'antarctica').map((r) => ({ id: r, href: `/region/${r}`, label: REGION_LABELS[r] })),
    { id: 'sources', href: '/sources', label: 'Sources' },
  ];
  const travel = ctx.atParam
    ? html`<div class="travel" role="status"><div class="wrap">Time travel: the desk as it stood at <strong><time datetime="${ctx.at.toISOString()}">${fmtDate.format(ctx.at)}</time></strong>. <a href="${ctx.path}">Back to now</a></div></div>`
    : null;
  const live =
    s.live !== undefined && !ctx.atParam
      ? html`<div id="live" class="live" data-since="${ctx.at.toISOString()}" data-region="${s.live}" role="status" aria-live="polite"><span></span> · <a href="${ctx.path}">Reload</a></div>`
      : null;
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${s.title}</title>
<meta name="description" content="${s.description ?? 'Global coverage at a glance: breaking international headlines, geopolitical insights, regional developments and on-the-ground reports from every continent.'}">
<meta name="color-scheme" content="light dark">
<link rel="stylesheet" href="${ASSETS.css.path}">
<link rel="icon" href="${ASSETS.icon.path}" type="image/svg+xml">
${s.feed ? feedLinks(s.feed) : null}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<div class="wrap">
<div class="mast"><a class="brand" href="${href(ctx, '/')}">Globe<span>desk</span></a><p class="tagline">Global coverage at a glance</p><span class="dateline"><time datetime="${ctx.at.toISOString()}">${fmtDate.format(ctx.at)}</time></span></div>
<nav class="sections" aria-label="Sections"><ul>
${nav.map((n) => html`<li><a href="${href(ctx, n.href)}"${raw(s.active === n.id ? ' aria-current="page"' : '')}>${n.label}</a></li>`)}
<li class="search-item"><form class="search" role="search" action="/search" method="get"><label class="vh" for="q">Search the desk</label><input id="q" name="q" type="search" placeholder="Search: words, &quot;phrases&quot;, region:europe" value="${s.query ?? ''}">${ctx.atParam ? html`<input type="hidden" name="at" value="${ctx.atParam}">` : null}<button type="submit">Search</button></form></li>
</ul></nav>
</div>
</header>
${travel}
<main id="main" tabindex="-1"><div class="wrap">
${live}
${s.body}
</div></main>
<footer class="site"><div class="wrap">
<ul>
${s.feed ? html`<li>This page as a feed: <a href="${s.feed.path}.rss${s.feed.query ? '?' + s.feed.query : ''}">RSS</a> · <a href="${s.feed.path}.atom${s.feed.query ? '?' + s.feed.query : ''}">Atom</a> · <a href="${s.feed.path}.json${s.feed.query ? '?' + s.feed.query : ''}">JSON Feed</a></li>` : null}
<li><a href="/api/openapi.json">API (OpenAPI 3.1)</a></li>
<li><a href="/sources">Sources and their health</a></li>
</ul>
<form action="${ctx.path}" method="get"><label for="at">See the desk as it stood at (UTC):</label><input id="at" name="at" placeholder="2023-12-21T12:00Z" value="${ctx.atParam ?? ''}"><button class="quiet" type="submit">Go</button></form>
<p>Globedesk is self-hosted: headlines and summaries belong to their publishers; every link leads to the original report.</p>
</div></footer>
${s.live !== undefined && !ctx.atParam ? html`<script src="${ASSETS.js.path}" defer></script>` : null}
</body>
</html>`;
  return doc.value;
}
