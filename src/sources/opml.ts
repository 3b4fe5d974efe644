/**
 * OPML import and export of the source list.
 *
 * OPML 2.0 (http://opml.org/spec2.opml): a subscription list is a tree of
 * <outline> elements; those with type="rss" carry xmlUrl (the feed), htmlUrl
 * (the site), text/title (the name) and language. Outlines without xmlUrl are
 * categories and are walked into, to any depth. OPML 1.0 files parse the same
 * way (feedsmith's reader takes both, and attribute names case-insensitively).
 *
 * What OPML has no attribute for (country, kind, owner, enabled, fullText) travels in
 * the Globedesk namespace, declared on the root element:
 *   xmlns:globedesk="https://github.com/globedesk/globedesk/blob/main/docs/sources.md#opml"
 *   <outline ... globedesk:country="UA" globedesk:kind="public-broadcaster"/>
 * language uses OPML's own `language` attribute. Plain `country`/`kind`
 * attributes are accepted on import too, since hand-written files use them.
 */
import { parseOpml as parseOpmlDocument } from 'feedsmith';
import { err, ok, type Result, type SourceInput } from '../domain/index.js';
import { validateSource } from './validateSource.js';
import type { AddressPolicy } from '../ingest/fetch/ssrf.js';

export const GLOBEDESK_OPML_NS = 'https://github.com/globedesk/globedesk/blob/main/docs/sources.md#opml';

/** An OPML outline that was not imported, and why. */
export interface SkippedOutline {
  text: string | null;
  xmlUrl: string | null;
  reason: string;
}

export interface OpmlImport {
  sources: SourceInput[];
  skipped: SkippedOutline[];
}

/** Largest document we parse: a subscription list of ~100,000 feeds fits well under it. */
export const MAX_OPML_BYTES = 16 * 1024 * 1024;

const EXTRA = ['globedesk:country', 'globedesk:kind', 'globedesk:owner', 'globedesk:enabled', 'globedesk:fullText', 'country', 'kind'] as const;

interface Outline {
  text?: string;
  title?: string;
  type?: string;
  xmlUrl?: string;
  htmlUrl?: string;
  language?: string;
  outlines?: Outline[];
  [extra: string]: unknown;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/**
 * Reads an OPML document: the sources it lists and the outlines it had to skip
 * (bad URL, unknown country, duplicate feed). One bad outline never fails the file.
 * An import is a door: feed URLs must pass the fetcher's rules under `door`
 * (validateSource), so a list cannot plant port 25 or 169.254.169.254.
 */
export function readOpml(xml: string, door: AddressPolicy = {}): Result<OpmlImport> {
  if (xml.length > MAX_OPML_BYTES) return err('sources', 'too_large', `OPML file is larger than ${MAX_OPML_BYTES} bytes`);
  // A DOCTYPE can declare entities (billion laughs, external entities); OPML
  // never needs one, so refuse it rather than trust the parser to contain it.
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    return err('sources', 'doctype_refused', 'OPML file declares a DOCTYPE or entities, which Globedesk refuses; remove the <!DOCTYPE ...> line');
  }
  let doc: { body?: { outlines?: Outline[] } };
  try {
    doc = parseOpmlDocument(xml, { extraOutlineAttributes: EXTRA }) as typeof doc;
  } catch (cause) {
    return err('sources', 'invalid_opml', `not an OPML document: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
  }
  const sources: SourceInput[] = [];
  const skipped: SkippedOutline[] = [];
  const seen = new Set<string>();
  const walk = (outlines: Outline[] | undefined): void => {
    for (const o of outlines ?? []) {
      const xmlUrl = str(o.xmlUrl);
      const text = str(o.text) ?? str(o.title);
      if (xmlUrl) {
        const enabled = str(o['globedesk:enabled']);
        const r = validateSource({
          name: text,
          feedUrl: xmlUrl,
          siteUrl: str(o.htmlUrl),
          country: str(o['globedesk:country']) ?? str(o.country),
          // feedsmith and real files write language="unknown" for "not given".
          language: str(o.language) === 'unknown' ? null : str(o.language),
          kind: str(o['globedesk:kind']) ?? str(o.kind),
          owner: str(o['globedesk:owner']),
          enabled: enabled === null ? true : enabled !== 'false',
          fullText: str(o['globedesk:fullText']),
        }, door);
        if (!r.ok) skipped.push({ text, xmlUrl, reason: r.error.message });
        else if (seen.has(r.value.feedUrl)) skipped.push({ text, xmlUrl, reason: 'feed URL listed twice in this file' });
        else {
          seen.add(r.value.feedUrl);
          sources.push(r.value);
        }
      }
      walk(o.outlines);
    }
  };
  walk(doc.body?.outlines);
  return ok({ sources, skipped });
}

/** The sources an OPML document lists; outlines that fail validation are left out (see readOpml for why). */
export function parseOpml(xml: string, door: AddressPolicy = {}): Result<SourceInput[]> {
  const r = readOpml(xml, door);
  return r.ok ? ok(r.value.sources) : r;
}

/** XML 1.0 attribute escaping; tabs and newlines as character references so they survive attribute normalisation. */
function attr(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/**
 * Writes the sources as an OPML 2.0 subscription list, one flat outline per
 * feed in the order given. Deterministic: no timestamps, fixed attribute order,
 * so export → import → export gives the same bytes.
 */
export function toOpml(sources: readonly SourceInput[], opts: { title?: string } = {}): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<opml version="2.0" xmlns:globedesk="${GLOBEDESK_OPML_NS}">`,
    '  <head>',
    `    <title>${attr(opts.title ?? 'Globedesk sources')}</title>`,
    '  </head>',
    '  <body>',
  ];
  for (const s of sources) {
    const a: [string, string | null | undefined][] = [
      ['type', 'rss'],
      ['text', s.name],
      ['title', s.name],
      ['xmlUrl', s.feedUrl],
      ['htmlUrl', s.siteUrl],
      ['language', s.language],
      ['globedesk:country', s.country],
      ['globedesk:kind', s.kind],
      ['globedesk:owner', s.owner],
      ['globedesk:enabled', s.enabled ? null : 'false'],
      // auto is the default: left out, so lists without full text stay as they were.
      ['globedesk:fullText', s.fullText && s.fullText !== 'auto' ? s.fullText : null],
    ];
    const attrs = a
      .filter((p): p is [string, string] => typeof p[1] === 'string' && p[1] !== '')
      .map(([k, v]) => `${k}="${attr(v)}"`)
      .join(' ');
    lines.push(`    <outline ${attrs}/>`);
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}
