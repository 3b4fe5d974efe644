/**
 * End-to-end ingest: the whole December corpus replayed through the real
 * HTTP path (loopback feed server → undici → parse → normalise → dedupe →
 * SQLite) into a fresh database file, by `globedesk replay` in a process of
 * its own, as deployed (the built CLI when there is one). Prints items/s,
 * feed MB/s and the process's peak memory.
 *   node --import tsx bench/replay.ts [--corpus FILE] [--db FILE]
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { PROJECT_ROOT, SHARED } from '../test/shared.js';

export async function benchReplay(): Promise<Record<string, number>> {
  const args = process.argv.slice(2);
  const flag = (n: string) => {
    const i = args.indexOf(`--${n}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const corpus = flag('corpus') ?? resolve(SHARED, 'corpus', 'world-news-2023-12.jsonl.gz');
  const dbFile = resolve(flag('db') ?? process.env.GLOBEDESK_BENCH_DB ?? 'var/bench-replay.db');
  mkdirSync(dirname(dbFile), { recursive: true });
  for (const s of ['', '-wal', '-shm']) rmSync(dbFile + s, { force: true });
  const built = resolve(PROJECT_ROOT, 'dist', 'cli', 'main.js');
  const cli = existsSync(built) ? [built] : ['--import', 'tsx', resolve(PROJECT_ROOT, 'src', 'cli', 'main.ts')];
  const child = spawn(process.execPath, [...cli, 'replay', '--corpus', corpus, '--db', dbFile, '--no-understand'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((ok) => child.on('close', ok));
  if (code !== 0) throw new Error(`bench: replay exited ${code}: ${err.trim().split('\n').at(-1)}`);
  const summary = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
  const m = /replay: ([\d.]+) MB of feeds, peak memory (\d+) MB/.exec(err);
  const feedMB = m ? Number(m[1]) : NaN;
  const figures = {
    ...summary,
    articlesPerSecond: Math.round((summary.articles! / summary.seconds!) * 10) / 10,
    feedMBPerSecond: Math.round((feedMB / summary.seconds!) * 100) / 100,
    peakMemoryMB: m ? Number(m[2]) : NaN,
    built: existsSync(built) ? 1 : 0,
  };
  console.log(JSON.stringify(figures));
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchReplay();
