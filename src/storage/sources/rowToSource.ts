import type { Insertable, Selectable } from 'kysely';
import { FULL_TEXT_POLICIES, type FullTextPolicy, type Source, type SourceInput, type SourceKind } from '../../domain/index.js';
import type { SourcesTable } from '../schema.js';

export type SourceRow = Selectable<SourcesTable>;

/** A sources row as the domain Source (booleans from 0/1, camelCase names). */
export function rowToSource(r: SourceRow): Source {
  return {
    id: r.id,
    name: r.name,
    feedUrl: r.feed_url,
    siteUrl: r.site_url,
    country: r.country,
    language: r.language,
    // The column only ever receives validated kinds (addSource, seedDefaultSources).
    kind: r.kind as SourceKind,
    owner: r.owner,
    enabled: r.enabled === 1,
    lastFetchAt: r.last_fetch_at,
    lastSuccessAt: r.last_success_at,
    lastError: r.last_error,
    lastErrorAt: r.last_error_at,
    consecutiveFailures: r.consecutive_failures,
    itemsSeen: r.items_seen,
    etag: r.etag,
    lastModified: r.last_modified,
    intervalSeconds: r.interval_seconds,
    nextFetchAt: r.next_fetch_at,
    lastWarning: r.last_warning,
    fullText: (FULL_TEXT_POLICIES as readonly string[]).includes(r.full_text) ? (r.full_text as FullTextPolicy) : 'auto',
  };
}

/** A new source as a sources row (the health columns keep their defaults). */
export function sourceToRow(s: SourceInput, createdAt: string): Insertable<SourcesTable> {
  return {
    name: s.name,
    feed_url: s.feedUrl,
    site_url: s.siteUrl,
    country: s.country,
    language: s.language,
    kind: s.kind,
    owner: s.owner ?? null,
    enabled: s.enabled ? 1 : 0,
    created_at: createdAt,
    last_warning: null,
    full_text: s.fullText ?? 'auto',
  };
}
