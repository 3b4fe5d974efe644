/**
 * One gate for every way a source enters the desk (CLI, OPML import, API,
 * the default list): the same rules, the same messages.
 */
import countries from 'i18n-iso-countries';
import { checkSourceUrl, MAX_SOURCE_URL_LENGTH } from '../ingest/fetch/checkSourceUrl.js';
import type { AddressPolicy } from '../ingest/fetch/ssrf.js';
import { FULL_TEXT_POLICIES, SOURCE_KINDS, err, ok, type FullTextPolicy, type Result, type SourceInput, type SourceKind } from '../domain/index.js';

/** What a caller may hand in: only the feed URL is required. */
export interface SourceDraft {
  name?: string | null;
  feedUrl: string;
  siteUrl?: string | null;
  country?: string | null;
  language?: string | null;
  kind?: string | null;
  enabled?: boolean;
  owner?: string | null;
  /** auto | always | never; left out means auto. */
  fullText?: string | null;
}

function isSourceKind(s: string): s is SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(s);
}

/** An absolute http(s) URL, or null. Feeds on other schemes (file:, ftp:) are refused. */
export function parseHttpUrl(s: string): URL | null {
  let u: URL;
  try {
    u = new URL(s.trim());
  } catch {
    return null;
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
}

/**
 * Checks and normalises a draft: country upper-cased and checked against
 * ISO 3166-1 alpha-2 (i18n-iso-countries), language reduced to its BCP 47
 * primary subtag ("en-GB" → "en"), kind from SOURCE_KINDS (default
 * "newspaper"), name defaulting to the feed's host.
 */
export function validateSource(d: SourceDraft, door?: AddressPolicy): Result<SourceInput> {
  // At the door (CLI, OPML import, the admin page) a feed URL must also pass
  // the fetcher's rules, so nothing is stored that could never be fetched;
  // sources the desk makes itself (the default list, a local replay) need not.
  if (door) {
    const checked = checkSourceUrl(d.feedUrl, door);
    if (!checked.ok) return checked;
    if (d.siteUrl != null && (d.siteUrl.length > MAX_SOURCE_URL_LENGTH || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(d.siteUrl.trim())))
      return err('sources', 'invalid_url', `site URL "${d.siteUrl.slice(0, 100)}" is too long or carries a user name or password`);
  }
  const feed = parseHttpUrl(d.feedUrl);
  if (!feed) return err('sources', 'invalid_url', `feed URL "${d.feedUrl}" is not an http(s) URL`);
  let siteUrl: string | null = null;
  if (d.siteUrl != null && d.siteUrl.trim() !== '') {
    const site = parseHttpUrl(d.siteUrl);
    if (!site) return err('sources', 'invalid_url', `site URL "${d.siteUrl}" is not an http(s) URL`);
    siteUrl = site.href;
  }
  let country: string | null = null;
  if (d.country != null && d.country.trim() !== '') {
    const cc = d.country.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(cc) || !countries.isValid(cc)) {
      return err('sources', 'invalid_country', `country "${d.country}" is not an ISO 3166-1 alpha-2 code (e.g. UA, BR, KE)`);
    }
    country = cc;
  }
  let language: string | null = null;
  if (d.language != null && d.language.trim() !== '') {
    // BCP 47 (RFC 5646): the primary subtag is 2-3 letters; "unknown" and
    // similar placeholders seen in OPML files are refused.
    const m = /^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*$/.exec(d.language.trim());
    if (!m) return err('sources', 'invalid_language', `language "${d.language}" is not a BCP 47 tag (e.g. en, pl, pt-BR)`);
    language = m[1]!.toLowerCase();
  }
  const kindRaw = d.kind == null || d.kind.trim() === '' ? 'newspaper' : d.kind.trim().toLowerCase();
  if (!isSourceKind(kindRaw)) return err('sources', 'invalid_kind', `kind "${d.kind}" is not one of ${SOURCE_KINDS.join(', ')}`);
  const name = d.name != null && d.name.trim() !== '' ? d.name.trim() : feed.hostname.replace(/^www\./, '');
  const owner = d.owner != null && d.owner.trim() !== '' ? d.owner.trim() : null;
  let fullText: FullTextPolicy | undefined;
  if (d.fullText != null && d.fullText.trim() !== '') {
    const f = d.fullText.trim().toLowerCase();
    if (!(FULL_TEXT_POLICIES as readonly string[]).includes(f)) {
      return err('sources', 'invalid_full_text', `full text "${d.fullText}" is not one of ${FULL_TEXT_POLICIES.join(', ')}`);
    }
    fullText = f as FullTextPolicy;
  }
  return ok({ name, feedUrl: feed.href, siteUrl, country, language, kind: kindRaw, enabled: d.enabled ?? true, owner, ...(fullText ? { fullText } : {}) });
}
