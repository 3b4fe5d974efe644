/**
 * globedesk analyze [--jsonl FILE|-]
 *
 * Reads one JSON object a line ({"id","title","text","url"?,"published"?,
 * "language"?,"sourceCountry"?,"categories"?}) and writes one Analysis a line,
 * in order. A bad line gets {"line":n,"error":"..."} and the rest go on;
 * blank lines are skipped. Input is streamed, never buffered whole.
 * Exit status (cluster follows the same rule): 0 when every non-blank line
 * was an article, 1 when any was bad (the rest are still written) or the
 * input cannot be read, 2 on bad usage.
 */
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { AnalyzeInput } from '../domain/analysis.js';
import { analyze } from '../understand/analyze.js';
import { parseFlags, type CommandIO } from './io.js';

const USAGE = 'usage: globedesk analyze [--jsonl FILE|-]\n';

function toInput(value: unknown): AnalyzeInput | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'analyze: a line must be a JSON object';
  const o = value as Record<string, unknown>;
  if (typeof o.id !== 'string' || !o.id) return 'analyze: "id" is required (a string)';
  if (typeof o.title !== 'string') return 'analyze: "title" is required (a string)';
  const str = (k: string): string | null => (typeof o[k] === 'string' ? (o[k] as string) : null);
  return {
    id: o.id,
    title: o.title,
    text: str('text') ?? '',
    url: str('url'),
    published: str('published'),
    language: str('language'),
    sourceCountry: str('sourceCountry'),
    categories: Array.isArray(o.categories) ? o.categories.filter((c): c is string => typeof c === 'string') : [],
  };
}

export async function run(io: CommandIO): Promise<number> {
  const { flags, positionals } = parseFlags(io.argv, ['help']);
  if (flags.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length > 0 || flags.jsonl === true) {
    io.stderr.write(USAGE);
    return 2;
  }
  const file = typeof flags.jsonl === 'string' ? flags.jsonl : '-';
  const input: NodeJS.ReadableStream = file === '-' ? io.stdin : createReadStream(file);
  let failed = false;
  input.on('error', (e: Error) => {
    failed = true;
    io.stderr.write(`analyze: cannot read ${file}: ${e.message}\n`);
  });
  const lines = createInterface({ input, crlfDelay: Infinity });
  const emit = async (obj: unknown): Promise<void> => {
    // Respect back-pressure so a slow reader does not make us hold every result.
    if (!io.stdout.write(JSON.stringify(obj) + '\n')) await once(io.stdout, 'drain');
  };
  let n = 0;
  let errors = 0;
  try {
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (e) {
        errors++;
        await emit({ line: n, error: `analyze: not valid JSON (${e instanceof Error ? e.message : String(e)})` });
        continue;
      }
      const inputOrError = toInput(parsed);
      if (typeof inputOrError === 'string') {
        errors++;
        await emit({ line: n, error: inputOrError });
        continue;
      }
      await emit(analyze(inputOrError));
    }
  } catch (e) {
    if (!failed) io.stderr.write(`analyze: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  if (failed) return 1;
  return errors > 0 ? 1 : 0;
}
