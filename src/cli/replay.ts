import { loadConfig } from '../config/config.js';
import { openStore } from '../storage/db.js';
import { applyConfig } from '../pipeline/applyConfig.js';
import { runReplay } from '../replay/runReplay.js';
import { understandExclusively } from '../pipeline/understandExclusively.js';
import { parseFlags, write, type CommandIO } from './io.js';
import { storeTarget } from './storeTarget.js';

/**
 * globedesk replay --corpus FILE [--from YYYY-MM-DD] [--days N] [--db FILE | --database-url URL] [--no-understand] [--article-pages N]
 * Prints one JSON object (issue 2 contract) when the ingest replay ends; the
 * understanding stages then catch up on the stored articles (progress on stderr).
 */
export async function run(io: CommandIO): Promise<number> {
  const { flags } = parseFlags(io.argv, ['no-understand']);
  const corpus = typeof flags.corpus === 'string' ? flags.corpus : null;
  if (!corpus) {
    write(io.stderr, 'replay: --corpus FILE is required (e.g. ../shared/corpus/world-news-2023-12.jsonl.gz)');
    return 2;
  }
  const from = typeof flags.from === 'string' ? flags.from : null;
  if (from && !/^\d{4}-\d{2}-\d{2}$/.test(from)) {
    write(io.stderr, `replay: --from must be YYYY-MM-DD, got "${from}"`);
    return 2;
  }
  const days = typeof flags.days === 'string' ? Number(flags.days) : null;
  if (days !== null && !(Number.isInteger(days) && days > 0)) {
    write(io.stderr, `replay: --days must be a positive integer, got "${String(flags.days)}"`);
    return 2;
  }
  const pagesFlag = flags['article-pages'];
  const articlePages = typeof pagesFlag === 'string' ? Number(pagesFlag) : 0;
  if (pagesFlag === true || !(Number.isInteger(articlePages) && articlePages >= 0 && articlePages <= 181)) {
    write(io.stderr, `replay: --article-pages must be a whole number from 0 to 181 (recorded pages served and fetched for full text), got "${String(pagesFlag)}"`);
    return 2;
  }
  const config = loadConfig(io.env);
  const target = storeTarget(flags, config);
  const store = await openStore({ file: target.file, url: target.url, readonly: false, check: true });
  applyConfig(store, config);
  try {
    const result = await runReplay(store, {
      corpusFile: corpus,
      from,
      days,
      articlePages,
      onStep: (now, s) => {
        if (now.getUTCHours() === 0) write(io.stderr, `replay: ${now.toISOString().slice(0, 10)} ${s.articles} articles`);
      },
    });
    write(io.stdout, JSON.stringify(result.summary));
    // maxRSS covers the whole process, the feed server's thread included.
    write(io.stderr, `replay: ${(result.feedBytes / 1e6).toFixed(1)} MB of feeds, peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
    if (articlePages > 0) write(io.stderr, `replay: ${result.pages.extracted} article pages extracted, ${result.pages.warnings} kept the feed text`);
    if (flags['no-understand'] !== true) {
      const now = result.lastPublished ? new Date(result.lastPublished) : new Date();
      const u = await understandExclusively(store, now, (l) => write(io.stderr, l));
      write(io.stderr, `replay: analysed ${u.analyzed} articles into ${u.stories} story updates`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
