/**
 * globedesk sources: the desk's outlet list.
 *
 *   sources list [--json]
 *   sources add URL [--name N] [--country CC] [--language L] [--kind K] [--owner O] [--full-text P] [--no-discover] [--disabled]
 *   sources remove ID
 *   sources full-text ID auto|always|never
 *   sources enable ID | disable ID
 *   sources import-opml FILE|-
 *   sources export-opml
 *   sources seed                  insert the default outlets into an empty desk
 *
 * Every subcommand takes --db FILE (default GLOBEDESK_DB, see config.ts).
 */
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config/config.js';
import { formatError, type Source, type SourceInput } from '../domain/index.js';
import { readOpml, toOpml } from '../sources/opml.js';
import { parseHttpUrl, validateSource } from '../sources/validateSource.js';
import { openStore, type Store } from '../storage/db.js';
import { addSource } from '../storage/sources/addSource.js';
import { listSources } from '../storage/sources/listSources.js';
import { removeSource } from '../storage/sources/removeSource.js';
import { seedDefaultSources } from '../storage/sources/seedDefaultSources.js';
import { setSourceEnabled } from '../storage/sources/setSourceEnabled.js';
import { setSourceFullText } from '../storage/sources/setSourceFullText.js';
import { parseFlags, readAll, write, type CommandIO } from './io.js';
import { storeTarget } from './storeTarget.js';

const USAGE = `usage: globedesk sources <subcommand> [--db FILE | --database-url URL]

  list [--json]                 every source with its health
  add URL [--name N] [--country CC] [--language L] [--kind K] [--owner O]
          [--full-text auto|always|never] [--no-discover] [--disabled]
                                add a feed; a site URL is looked up for its feed
  remove ID                     remove a source and its articles
  full-text ID auto|always|never
                                when to fetch the article pages of its items
                                (auto: when the feed's text is short)
  enable ID | disable ID        start or stop polling a source
  import-opml FILE|-            add every feed of an OPML file
  export-opml                   print the sources as OPML 2.0
  seed                          insert the default outlets into an empty desk
`;

/** Loaded lazily so `sources list` does not pay for the HTTP stack. */
async function loadDiscoverFeeds() {
  return (await import('../ingest/discover/discoverFeeds.js')).discoverFeeds;
}

const flagStr = (v: string | true | undefined): string | null => (typeof v === 'string' ? v : null);

function parseId(s: string | undefined): number | null {
  if (s === undefined || !/^\d+$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function formatList(sources: Source[]): string {
  if (sources.length === 0) return 'no sources; add one with "globedesk sources add URL" or "globedesk sources seed"';
  const rows = sources.map((s) => [
    String(s.id),
    s.enabled ? 'on' : 'off',
    s.kind,
    s.country ?? '--',
    s.language ?? '--',
    s.consecutiveFailures > 0 ? `failing x${s.consecutiveFailures}` : s.lastSuccessAt ? 'ok' : 'new',
    s.name,
    s.feedUrl,
  ]);
  const head = ['ID', 'POLL', 'KIND', 'CC', 'LANG', 'HEALTH', 'NAME', 'FEED'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [fmt(head), ...rows.map(fmt)].join('\n');
}

export async function run(io: CommandIO): Promise<number> {
  const { flags, positionals } = parseFlags(io.argv, ['json', 'no-discover', 'disabled', 'help']);
  const [sub, ...args] = positionals;
  if (!sub || flags.help) {
    io.stdout.write(USAGE);
    return sub || flags.help ? 0 : 2;
  }
  const config = loadConfig(io.env);
  // What every source added here must pass: the fetcher's own URL rules (validateSource).
  const door = { allowLoopback: config.allowLoopback };
  const target = storeTarget(flags, config);
  const fail = (message: string): number => {
    write(io.stderr, message);
    return 1;
  };

  const withStore = async (f: (store: Store) => Promise<number>): Promise<number> => {
    const store = await openStore({ file: target.file, url: target.url });
    try {
      return await f(store);
    } finally {
      await store.close();
    }
  };

  switch (sub) {
    case 'list':
      return withStore(async (store) => {
        const sources = await listSources(store);
        write(io.stdout, flags.json ? JSON.stringify(sources, null, 2) : formatList(sources));
        return 0;
      });

    case 'add': {
      const url = args[0];
      if (!url) return fail('sources: add needs a URL: globedesk sources add https://example.com/feed.xml');
      if (!parseHttpUrl(url)) return fail(`sources: "${url}" is not an http(s) URL`);
      const draft = {
        name: flagStr(flags.name),
        feedUrl: url,
        country: flagStr(flags.country),
        language: flagStr(flags.language),
        kind: flagStr(flags.kind),
        owner: flagStr(flags.owner),
        siteUrl: flagStr(flags.site),
        fullText: flagStr(flags['full-text']),
        enabled: flags.disabled !== true,
      };
      // Validate the flags before any network call, so a typo costs nothing.
      const pre = validateSource(draft, door);
      if (!pre.ok) return fail(formatError(pre.error));
      if (flags['no-discover'] !== true) {
        const discoverFeeds = await loadDiscoverFeeds();
        const found = await discoverFeeds(url, { allowLoopback: config.allowLoopback, userAgent: config.userAgent });
        if (!found.ok) return fail(formatError(found.error));
        const first = found.value[0];
        if (!first) return fail(`sources: no feed found at ${url}; pass the feed's own URL, or --no-discover`);
        if (found.value.length > 1) {
          write(io.stderr, `sources: ${url} offers ${found.value.length} feeds; adding the first. Others:\n${found.value.slice(1).map((f) => `  ${f.feedUrl}`).join('\n')}`);
        }
        draft.feedUrl = first.feedUrl;
        draft.name = draft.name ?? first.title;
        // The page we were given is the site when it was not itself the feed.
        if (draft.siteUrl === null && first.feedUrl !== url) draft.siteUrl = url;
      }
      const input = validateSource(draft, door);
      if (!input.ok) return fail(formatError(input.error));
      return withStore(async (store) => {
        const r = await addSource(store, input.value);
        if (!r.ok) return fail(formatError(r.error));
        write(io.stdout, `added source ${r.value.id}: ${r.value.name} <${r.value.feedUrl}>`);
        return 0;
      });
    }

    case 'remove':
    case 'enable':
    case 'disable': {
      const id = parseId(args[0]);
      if (id === null) return fail(`sources: ${sub} needs a numeric source ID (see "globedesk sources list")`);
      return withStore(async (store) => {
        const r = sub === 'remove' ? await removeSource(store, id) : await setSourceEnabled(store, id, sub === 'enable');
        if (!r.ok) return fail(formatError(r.error));
        write(io.stdout, `${sub === 'remove' ? 'removed' : sub === 'enable' ? 'enabled' : 'disabled'} source ${id}`);
        return 0;
      });
    }

    case 'full-text': {
      const id = parseId(args[0]);
      if (id === null) return fail('sources: full-text needs a numeric source ID and auto, always or never');
      // The one gate for source fields, so the CLI, OPML and the web say the same.
      const v = validateSource({ feedUrl: 'https://policy.invalid/', fullText: args[1] ?? '' });
      if (!v.ok || !v.value.fullText) return fail(v.ok ? 'sources: full-text needs auto, always or never' : formatError(v.error));
      const policy = v.value.fullText;
      return withStore(async (store) => {
        const r = await setSourceFullText(store, id, policy);
        if (!r.ok) return fail(formatError(r.error));
        write(io.stdout, `source ${id}: full text ${policy}`);
        return 0;
      });
    }

    case 'import-opml': {
      const file = args[0];
      if (!file) return fail('sources: import-opml needs a file (or - for standard input)');
      let xml: string;
      try {
        xml = file === '-' ? (await readAll(io.stdin)).toString('utf8') : await readFile(file, 'utf8');
      } catch (e) {
        return fail(`sources: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const parsed = readOpml(xml, door);
      if (!parsed.ok) return fail(formatError(parsed.error));
      return withStore(async (store) => {
        let added = 0;
        let duplicates = 0;
        const invalid = parsed.value.skipped.length;
        for (const s of parsed.value.skipped) write(io.stderr, `sources: skipped ${s.xmlUrl ?? s.text ?? '(outline)'}: ${s.reason}`);
        for (const s of parsed.value.sources as SourceInput[]) {
          const r = await addSource(store, s);
          if (r.ok) added++;
          else if (r.error.code === 'duplicate_feed') duplicates++;
          else write(io.stderr, `sources: skipped ${s.feedUrl}: ${r.error.message}`);
        }
        write(io.stdout, `imported ${added} source(s); ${duplicates} already present; ${invalid} skipped`);
        return 0;
      });
    }

    case 'export-opml':
      return withStore(async (store) => {
        io.stdout.write(toOpml(await listSources(store)));
        return 0;
      });

    case 'seed':
      return withStore(async (store) => {
        const n = await seedDefaultSources(store);
        write(io.stdout, n > 0 ? `seeded ${n} default sources` : 'the desk already has sources; nothing seeded');
        return 0;
      });

    default:
      write(io.stderr, `sources: unknown subcommand "${sub}"`);
      io.stderr.write(USAGE);
      return 2;
  }
}
