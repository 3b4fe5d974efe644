/**
 * globedesk extract FILE|- [--url URL] [--content-type TYPE]
 * Prints the article of an HTML page as one JSON object:
 * {"title","byline","published","language","text","html"} (text: paragraphs
 * separated by blank lines), plus "image", "siteName" and "excerpt".
 * Exit 0 with an article, 1 with one line when the page has none (or cannot
 * be read), 2 on bad usage. The page is decoded with the fetcher's charset
 * chain (HTTP charset, then <meta charset>, then UTF-8, then detection).
 */
import { open } from 'node:fs/promises';
import { formatError } from '../domain/result.js';
import { decodeBody } from '../ingest/decode/decodeBody.js';
import { extractArticle } from '../ingest/extract/extractArticle.js';
import { parseFlags, readAll, write, type CommandIO } from './io.js';

/** Largest page read: the article fetcher's own cap (fetchArticlePage.ts). */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;

export async function run(io: CommandIO): Promise<number> {
  const { flags, positionals } = parseFlags(io.argv, ['help']);
  if (flags.help || positionals.length !== 1 || flags.url === true || flags['content-type'] === true) {
    write(io.stderr, 'usage: globedesk extract FILE|- [--url URL] [--content-type TYPE]');
    return 2;
  }
  const file = positionals[0]!;
  const url = typeof flags.url === 'string' ? flags.url : null;
  if (url !== null && !URL.canParse(url)) {
    write(io.stderr, `extract: --url is not a URL: ${url.slice(0, 200)}`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? await readAll(io.stdin, MAX_PAGE_BYTES) : await readCapped(file, MAX_PAGE_BYTES);
  } catch (e) {
    write(io.stderr, `extract: cannot read ${file}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
    return 1;
  }
  const contentType = typeof flags['content-type'] === 'string' ? flags['content-type'] : null;
  const { text: page } = decodeBody(bytes, contentType);
  const r = extractArticle(page, { url });
  if (!r.ok) {
    write(io.stderr, formatError(r.error));
    return 1;
  }
  const a = r.value;
  write(
    io.stdout,
    JSON.stringify(
      { title: a.title, byline: a.byline, published: a.published, language: a.language, text: a.text, html: a.html, image: a.image, siteName: a.siteName, excerpt: a.excerpt },
      null,
      2,
    ),
  );
  return 0;
}

/** Reads a file but refuses one over the cap before reading it whole. */
async function readCapped(file: string, max: number): Promise<Uint8Array> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    if (size > max) throw new Error(`file of ${size} bytes is larger than ${max} bytes`);
    return await fh.readFile();
  } finally {
    await fh.close();
  }
}
