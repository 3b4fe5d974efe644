/**
 * globedesk search QUERY [--db FILE | --database-url URL] [--limit N] [--offset N] [--json]
 * Full-text search of stored articles (grammar: src/storage/search/parseQuery.ts).
 * Prints title, source domain, date and snippet per hit; --json prints the
 * whole result object. Exit 0 with hits, 1 with none, 2 on a bad query or usage.
 */
import { decodeHTML } from 'entities';
import type { CommandIO } from './io.js';
import { parseFlags, write } from './io.js';
import { loadConfig } from '../config/config.js';
import { openStore } from '../storage/db.js';
import { storeTarget } from './storeTarget.js';
import { searchArticles } from '../storage/search/searchArticles.js';
import { entityKeysFor } from '../read/entityData.js';
import { formatError } from '../domain/result.js';

const USAGE = 'usage: globedesk search QUERY [--db FILE | --database-url URL] [--limit N] [--offset N] [--json]';

/** Snippet HTML to terminal text: <mark> as *word*, entities decoded. */
function plain(html: string): string {
  return decodeHTML(html.replace(/<\/?mark>/g, '*'));
}

export async function run(io: CommandIO): Promise<number> {
  const { flags, positionals } = parseFlags(io.argv, ['json', 'help']);
  if (flags.help || positionals.length === 0) {
    write(flags.help ? io.stdout : io.stderr, USAGE);
    return flags.help ? 0 : 2;
  }
  const config = loadConfig(io.env);
  const limit = flags.limit === undefined ? 10 : Number(flags.limit);
  const offset = flags.offset === undefined ? 0 : Number(flags.offset);
  if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) {
    write(io.stderr, `search: --limit must be a positive whole number and --offset zero or more\n${USAGE}`);
    return 2;
  }
  const target = storeTarget(flags, config);
  const store = await openStore({ file: target.file, url: target.url });
  try {
    const at = config.now ? new Date(config.now) : new Date();
    const r = await searchArticles(store, positionals.join(' '), { limit, offset, at, entityKeys: entityKeysFor(store, at) });
    if (!r.ok) {
      write(io.stderr, formatError(r.error));
      return 2;
    }
    const res = r.value;
    if (flags.json) {
      write(io.stdout, JSON.stringify(res, null, 2));
      return res.total > 0 ? 0 : 1;
    }
    if (res.total === 0) {
      write(io.stdout, 'no matches');
      return 1;
    }
    const lines = [`${res.total} match${res.total === 1 ? '' : 'es'}${res.total > res.hits.length ? `, showing ${offset + 1}-${offset + res.hits.length}` : ''}`, ''];
    for (const h of res.hits) {
      const copies = h.copies > 1 ? ` (+${h.copies - 1} cop${h.copies === 2 ? 'y' : 'ies'})` : '';
      lines.push(`${plain(h.titleHtml)}`, `  ${h.article.domain} · ${h.article.publishedAt.slice(0, 16).replace('T', ' ')} UTC${copies}`);
      if (h.snippet) lines.push(`  ${plain(h.snippet)}`);
      lines.push(`  ${h.article.url}`, '');
    }
    write(io.stdout, lines.join('\n'));
    return 0;
  } finally {
    await store.close();
  }
}
