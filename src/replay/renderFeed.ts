/**
 * Renders a slice of a recorded outlet as the feed format the replay server
 * assigned to it. The point is to exercise the real parsers on all three
 * formats, so each writer follows its spec's required elements:
 * RSS 2.0 (https://www.rssboard.org/rss-specification), Atom (RFC 4287),
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/).
 */
import type { CorpusItem, CorpusOutlet } from './corpus.js';

export function escapeXml(s: string): string {
  // XML 1.0 §2.2 excludes most C0 controls; strip them so the output stays well-formed.
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function renderFeed(outlet: CorpusOutlet, items: CorpusItem[], selfUrl: string, updated: string): { body: string; contentType: string } {
  switch (outlet.format) {
    case 'rss':
      return { body: renderRss(outlet, items, selfUrl), contentType: 'application/rss+xml; charset=utf-8' };
    case 'atom':
      return { body: renderAtom(outlet, items, selfUrl, updated), contentType: 'application/atom+xml; charset=utf-8' };
    case 'json':
      return { body: renderJson(outlet, items, selfUrl), contentType: 'application/feed+json; charset=utf-8' };
  }
}

function siteOf(outlet: CorpusOutlet): string {
  try {
    return new URL(outlet.items[0]?.link ?? outlet.feedUrl).origin + '/';
  } catch {
    return outlet.feedUrl;
  }
}

function renderRss(outlet: CorpusOutlet, items: CorpusItem[], selfUrl: string): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>',
    `<title>${escapeXml(outlet.title)}</title><link>${escapeXml(siteOf(outlet))}</link>`,
    `<description>${escapeXml(outlet.title)} (replayed)</description>`,
    outlet.language ? `<language>${escapeXml(outlet.language)}</language>` : '',
    `<atom:link href="${escapeXml(selfUrl)}" rel="self" type="application/rss+xml"/>`,
  ];
  for (const i of items) {
    parts.push(
      `<item><title>${escapeXml(i.title)}</title><link>${escapeXml(i.link)}</link><guid isPermaLink="true">${escapeXml(i.link)}</guid>`,
      `<pubDate>${new Date(i.published).toUTCString()}</pubDate>`,
      i.description ? `<description>${escapeXml(i.description)}</description>` : '',
      ...i.tags.map((t) => `<category>${escapeXml(t)}</category>`),
      i.thumbnail ? `<enclosure url="${escapeXml(i.thumbnail)}" type="image/jpeg" length="0"/>` : '',
      '</item>',
    );
  }
  parts.push('</channel></rss>');
  return parts.join('');
}

function renderAtom(outlet: CorpusOutlet, items: CorpusItem[], selfUrl: string, updated: string): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"',
    outlet.language ? ` xml:lang="${escapeXml(outlet.language)}"` : '',
    `><title>${escapeXml(outlet.title)}</title><id>${escapeXml(outlet.feedUrl)}</id><updated>${updated}</updated>`,
    `<link rel="self" href="${escapeXml(selfUrl)}"/><link rel="alternate" href="${escapeXml(siteOf(outlet))}"/>`,
    `<author><name>${escapeXml(outlet.title)}</name></author>`,
  ];
  for (const i of items) {
    parts.push(
      `<entry><id>${escapeXml(i.link)}</id><title type="text">${escapeXml(i.title)}</title><link rel="alternate" href="${escapeXml(i.link)}"/>`,
      `<published>${i.published}</published><updated>${i.published}</updated>`,
      // The recorded descriptions came from RSS, where a description is HTML
      // (entities and the odd link included), so they travel as HTML here too.
      i.description ? `<summary type="html">${escapeXml(i.description)}</summary>` : '',
      ...i.tags.map((t) => `<category term="${escapeXml(t)}"/>`),
      '</entry>',
    );
  }
  parts.push('</feed>');
  return parts.join('');
}

function renderJson(outlet: CorpusOutlet, items: CorpusItem[], selfUrl: string): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: outlet.title,
    home_page_url: siteOf(outlet),
    feed_url: selfUrl,
    ...(outlet.language ? { language: outlet.language } : {}),
    items: items.map((i) => ({
      id: i.link,
      url: i.link,
      title: i.title,
      ...(i.description ? { content_html: i.description } : { content_text: '' }),
      date_published: i.published,
      ...(i.tags.length ? { tags: i.tags } : {}),
      ...(i.thumbnail ? { image: i.thumbnail } : {}),
    })),
  });
}
