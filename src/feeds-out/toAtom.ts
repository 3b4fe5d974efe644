/**
 * Atom 1.0 (RFC 4287): feed and entries each need id, title and updated
 * (§4.1.1, §4.1.2); dates are RFC 3339 (§3.3); rel="self" names the feed's
 * own URL (§4.2.7.2) and rel="alternate" the page it mirrors. Summaries are
 * type="text" so nothing needs to be escaped twice.
 */
import { selfUrl, xmlText as x, type OutFeed } from './feed.js';

const rfc3339 = (iso: string) => new Date(iso).toISOString();

export function toAtom(f: OutFeed): string {
  const entries = f.items
    .map(
      (i) => `<entry>
<id>${x(i.id)}</id>
<title type="text">${x(i.title)}</title>
<link rel="alternate" type="text/html" href="${x(i.url)}"/>
<published>${rfc3339(i.published)}</published>
<updated>${rfc3339(i.updated)}</updated>
<author><name>${x(i.author ?? 'Globedesk')}</name></author>
${i.summary ? `<summary type="text">${x(i.summary)}</summary>\n` : ''}${(i.categories ?? []).map((c) => `<category term="${x(c)}"/>`).join('')}
</entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<id>${x(selfUrl(f, 'atom'))}</id>
<title type="text">${x(f.title)}</title>
<subtitle type="text">${x(f.description)}</subtitle>
<updated>${rfc3339(f.updated)}</updated>
<link rel="self" type="application/atom+xml" href="${x(selfUrl(f, 'atom'))}"/>
<link rel="alternate" type="text/html" href="${x(f.homeUrl)}"/>
<generator>Globedesk</generator>
${entries}
</feed>
`;
}
