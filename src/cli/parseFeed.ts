/**
 * globedesk parse-feed FILE|- [--base URL] [--content-type TYPE]
 * Prints the feed as the normalised JSON of src/domain/feed.ts (issue 2).
 * Exit 0 when a feed was read (with or without warnings), 1 when the input is
 * not a feed or cannot be read, 2 on bad usage.
 */
import { readFile } from 'node:fs/promises';
import { formatError } from '../domain/result.js';
import { parseFeed } from '../ingest/parse/parseFeed.js';
import { parseFlags, write, type CommandIO } from './io.js';

/** Largest input read, the same order as the fetcher's body limit. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

async function readStdin(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > MAX_INPUT_BYTES) throw new Error(`input larger than ${MAX_INPUT_BYTES} bytes`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
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
    bytes = file === '-' ? await readStdin(io.stdin) : await readFile(file);
  } catch (e) {
    write(io.stderr, `parse-feed: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
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
