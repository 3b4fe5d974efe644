/**
 * globedesk parse-feed FILE|- [--base URL] [--content-type TYPE]
 * Prints the feed as the normalised JSON of src/domain/feed.ts (issue 2).
 * Exit 0 when a feed was read (with or without warnings), 1 when the input is
 * not a feed or cannot be read, 2 on bad usage.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { formatError } from '../domain/result.js';
import { parseFeed } from '../ingest/parse/parseFeed.js';
import { parseFlags, readAll, write, type CommandIO } from './io.js';

/** Largest input read, from a file or standard input alike: the same order as the fetcher's body limit. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * A file's bytes, refusing more than MAX_INPUT_BYTES: a regular file by its
 * size before a byte is read (a 271 MB file once took 2 GB of memory), and
 * anything else (a pipe, /dev/zero) by counting as it streams.
 */
async function readBounded(file: string): Promise<Buffer> {
  const st = await stat(file);
  if (st.isDirectory()) throw new Error('it is a folder');
  if (st.size > MAX_INPUT_BYTES) throw new Error(`${st.size} bytes is more than the ${MAX_INPUT_BYTES}-byte limit`);
  return readAll(createReadStream(file), MAX_INPUT_BYTES);
}

export async function run(io: CommandIO): Promise<number> {
  const { flags, positionals } = parseFlags(io.argv, ['help']);
  if (flags.help || positionals.length !== 1) {
    write(io.stderr, 'usage: globedesk parse-feed FILE|- [--base URL] [--content-type TYPE]');
    return 2;
  }
  const file = positionals[0]!;
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? await readAll(io.stdin, MAX_INPUT_BYTES) : await readBounded(file);
  } catch (e) {
    write(io.stderr, formatError({ module: 'parse-feed', code: 'read', message: `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}` }));
    return 1;
  }
  const base = typeof flags.base === 'string' ? flags.base : undefined;
  const contentType = typeof flags['content-type'] === 'string' ? flags['content-type'] : null;
  const r = parseFeed(bytes, { ...(base ? { baseUrl: base } : {}), contentType });
  if (!r.ok) {
    write(io.stderr, formatError(r.error));
    return 1;
  }
  write(io.stdout, JSON.stringify(r.value, null, 2));
  return 0;
}
