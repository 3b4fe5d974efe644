/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification): dates in RFC 822 form
 * (Date#toUTCString gives the RFC 1123 profile RSS readers expect), guid with
 * isPermaLink="false" for our URNs, and an atom:link rel="self" as the RSS
 * Advisory Board's best practices recommend.
 *
 * RSS has no way to say "this is plain text": readers treat <description>,
 * and many treat <title>, as HTML after the one XML decode. So the desk's
 * plain text goes in escaped twice, first for HTML and then for XML (`h`),
 * and a headline reading "<img onerror=...>" stays text in every reader
 * (issue 9, item 1). Atom (type="text") and JSON Feed (content_text) say
 * what they carry and need only their own escaping.
 */
import { escapeHtml } from '../ingest/sanitize/sanitizeHtml.js';
import { selfUrl, xmlText as x, type OutFeed } from './feed.js';

/** Plain text as HTML, then as XML character data. */
const h = (s: string) => x(escapeHtml(s));

const rfc822 = (iso: string) => new Date(iso).toUTCString();

export function toRss(f: OutFeed): string {
  const items = f.items
    .map(
      (i) => `<item>
<title>${h(i.title)}</title>
<link>${x(i.url)}</link>
<guid isPermaLink="false">${x(i.id)}</guid>
<pubDate>${rfc822(i.published)}</pubDate>
${i.summary ? `<description>${h(i.summary)}</description>\n` : ''}${i.author ? `<dc:creator>${x(i.author)}</dc:creator>\n` : ''}${(i.categories ?? []).map((c) => `<category>${x(c)}</category>`).join('')}
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${h(f.title)}</title>
<link>${x(f.homeUrl)}</link>
<description>${h(f.description)}</description>
<language>en</language>
<lastBuildDate>${rfc822(f.updated)}</lastBuildDate>
<generator>Globedesk</generator>
<atom:link href="${x(selfUrl(f, 'rss'))}" rel="self" type="application/rss+xml"/>
${items}
</channel>
</rss>
`;
}
