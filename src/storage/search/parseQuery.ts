/**
 * The search box grammar, engine-neutral (searchArticles turns it into FTS5;
 * PostgreSQL will turn it into a tsquery):
 *
 *   word            must appear (every word must; diacritics and case ignored)
 *   word*           a word starting with "word"
 *   "two words"     the phrase
 *   a OR b          either (binds tighter than the implicit AND: x a OR b = x AND (a OR b))
 *   -word -"a b"    must not appear
 *   key:value       filter; value may be quoted (source:"BBC News"); a key
 *                   repeated is OR (country:UA country:PL), different keys AND
 *     country:UA    ISO 3166-1 alpha-2, a country the article is about
 *     region:europe one of REGIONS (src/domain/region.ts)
 *     kind:analysis one of ARTICLE_KINDS; topic:conflict one of TOPICS
 *     source:bbc.co.uk  registrable domain, or a source's name; source:bbc
 *                   also matches bbc.co.uk and bbc.com
 *     lang:pl       ISO 639-1 (en-US is taken as en)
 *     entity:"Donald Tusk"  articles naming that person, organisation or
 *                   place (any type); entity:person:donald_tusk one entity by
 *                   its ID (the /entity/ID page's)
 *     since:2023-12-01 until:2023-12-31  inclusive days (UTC); also full ISO
 *                   8601 instants, YYYY-MM, and 24h / 7d / 2w before `now`
 * An unknown key ("10:30", "re:") is a plain word. Bad values are reported in
 * `errors`, one line each, and the filter is left out.
 */
import { ARTICLE_KINDS, TOPICS, type ArticleKind, type Topic } from '../../domain/analysis.js';
import { REGIONS, isRegion, type Region } from '../../domain/region.js';
import { normalizeLanguageTag } from '../../domain/normalizeLanguageTag.js';

export type QueryTerm = { type: 'word'; text: string; prefix: boolean } | { type: 'phrase'; text: string };

export interface QueryFilters {
  country: string[];
  region: Region[];
  kind: ArticleKind[];
  topic: Topic[];
  source: string[];
  lang: string[];
  /** article_entities keys ("person:donald tusk"); an article naming any of them matches. */
  entity: string[];
  /** Inclusive lower bound, ISO 8601 UTC. */
  since: string | null;
  /** Exclusive upper bound, ISO 8601 UTC (until:2023-12-31 gives 2024-01-01T00:00:00.000Z). */
  until: string | null;
}

export interface ParsedQuery {
  /** AND of groups; each group is an OR of terms. */
  all: QueryTerm[][];
  /** None of these may match. */
  none: QueryTerm[];
  filters: QueryFilters;
  errors: string[];
}

const FILTER_KEYS = new Set(['country', 'region', 'kind', 'topic', 'source', 'lang', 'entity', 'since', 'until']);
const ENTITY_TYPES = ['person', 'organization', 'place'] as const;
/** Bounds a pasted essay: at most this many terms are used. */
export const MAX_TERMS = 32;

interface Token {
  neg: boolean;
  key: string | null;
  value: string;
  quoted: boolean;
}

function tokenize(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    while (i < q.length && /\s/.test(q[i]!)) i++;
    if (i >= q.length) break;
    let neg = false;
    if (q[i] === '-' && i + 1 < q.length && !/\s/.test(q[i + 1]!)) {
      neg = true;
      i++;
    }
    let key: string | null = null;
    const km = /^([A-Za-z]+):(?=\S)/.exec(q.slice(i));
    if (km && FILTER_KEYS.has(km[1]!.toLowerCase())) {
      key = km[1]!.toLowerCase();
      i += km[0].length;
    }
    if (q[i] === '"') {
      const end = q.indexOf('"', i + 1);
      const stop = end === -1 ? q.length : end;
      out.push({ neg, key, value: q.slice(i + 1, stop), quoted: true });
      i = stop + 1;
    } else {
      let j = i;
      while (j < q.length && !/\s/.test(q[j]!)) j++;
      out.push({ neg, key, value: q.slice(i, j), quoted: false });
      i = j;
    }
  }
  return out;
}

const HAS_WORD = /[\p{L}\p{N}]/u;

function dayStart(y: number, m: number, d: number): Date | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? t : null;
}

/** [start, endExclusive] of a date value, or null. */
function parseWhen(v: string, now: Date | undefined): [Date, Date] | 'needs-now' | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    const s = dayStart(+m[1]!, +m[2]!, +m[3]!);
    return s ? [s, new Date(s.getTime() + 86_400_000)] : null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) {
    const s = dayStart(+m[1]!, +m[2]!, 1);
    return s ? [s, new Date(Date.UTC(+m[1]!, +m[2]!, 1))] : null;
  }
  m = /^(\d{1,4})([hdw])$/i.exec(v);
  if (m) {
    if (!now) return 'needs-now';
    const hours = +m[1]! * ({ h: 1, d: 24, w: 168 } as Record<string, number>)[m[2]!.toLowerCase()]!;
    const t = new Date(now.getTime() - hours * 3_600_000);
    return [t, t];
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return [new Date(t), new Date(t + 1)];
  }
  return null;
}

/** Parses a search box query; `now` resolves relative dates (since:7d). */
export function parseQuery(q: string, opts: { now?: Date } = {}): ParsedQuery {
  const res: ParsedQuery = {
    all: [],
    none: [],
    filters: { country: [], region: [], kind: [], topic: [], source: [], lang: [], entity: [], since: null, until: null },
    errors: [],
  };
  const f = res.filters;
  let joinNext = false;
  let terms = 0;
  const tokens = tokenize(q);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.key) {
      const v = t.value.trim();
      const bad = (want: string) => res.errors.push(`search: ${t.key}:${v} is not ${want}`);
      if (v === '') res.errors.push(`search: ${t.key}: needs a value`);
      else if (t.neg) res.errors.push(`search: -${t.key}: (excluding by filter) is not supported; remove the "-"`);
      else if (t.key === 'country') {
        if (/^[A-Za-z]{2}$/.test(v)) f.country.push(v.toUpperCase());
        else bad('a two-letter country code such as UA');
      } else if (t.key === 'region') {
        const r = v.toLowerCase().replace(/[\s_]+/g, '-');
        if (isRegion(r)) f.region.push(r);
        else bad(`a region (${REGIONS.join(', ')})`);
      } else if (t.key === 'kind') {
        const k = v.toLowerCase();
        if ((ARTICLE_KINDS as readonly string[]).includes(k)) f.kind.push(k as ArticleKind);
        else bad(`a kind (${ARTICLE_KINDS.join(', ')})`);
      } else if (t.key === 'topic') {
        const k = v.toLowerCase();
        if ((TOPICS as readonly string[]).includes(k)) f.topic.push(k as Topic);
        else bad(`a topic (${TOPICS.join(', ')})`);
      } else if (t.key === 'source') f.source.push(v.toLowerCase());
      else if (t.key === 'entity') {
        // An ID names its type; a bare name may be any of the three.
        const m = /^(person|organization|place):(.+)$/.exec(v);
        const name = (m ? m[2]!.replace(/_/g, ' ') : v).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
        if (!HAS_WORD.test(name)) bad('a name or an entity ID such as person:donald_tusk');
        else f.entity.push(...(m ? [`${m[1]}:${name}`] : ENTITY_TYPES.map((type) => `${type}:${name}`)));
      }
      else if (t.key === 'lang') {
        const l = normalizeLanguageTag(v);
        if (l) f.lang.push(l);
        else bad('a language code such as pl');
      } else {
        const w = parseWhen(v, opts.now);
        if (w === 'needs-now') res.errors.push(`search: ${t.key}:${v} is relative and needs the current time`);
        else if (!w) bad('a date (2023-12-01, 2023-12, 2023-12-01T10:00:00Z, or 24h, 7d, 2w)');
        else if (t.key === 'since') f.since = w[0].toISOString();
        else f.until = w[1].toISOString();
      }
      continue;
    }
    if (!t.quoted && t.value === 'OR' && !t.neg) {
      joinNext = res.all.length > 0 && i + 1 < tokens.length;
      continue;
    }
    const text = t.value.trim();
    if (!HAS_WORD.test(text) || terms >= MAX_TERMS) continue;
    terms++;
    const prefix = !t.quoted && text.endsWith('*') && text.length > 1;
    const term: QueryTerm = t.quoted ? { type: 'phrase', text } : { type: 'word', text: prefix ? text.slice(0, -1) : text, prefix };
    if (t.neg) res.none.push(term);
    else if (joinNext) res.all[res.all.length - 1]!.push(term);
    else res.all.push([term]);
    joinNext = false;
  }
  if (f.since && f.until && f.since >= f.until) res.errors.push(`search: since: is not before until:, so nothing can match`);
  return res;
}

/** True when the query has no words and no filters. */
export function isEmptyQuery(p: ParsedQuery): boolean {
  const f = p.filters;
  return (
    p.all.length === 0 &&
    p.none.length === 0 &&
    f.country.length + f.region.length + f.kind.length + f.topic.length + f.source.length + f.lang.length + f.entity.length === 0 &&
    !f.since &&
    !f.until
  );
}
