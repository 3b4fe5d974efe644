/**
 * Replay end to end, and crash safety (issue 2): killing the process at any
 * moment loses nothing a finished fetch stored and leaves no half-written
 * article; a restart carries on to the same result as an uninterrupted run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { PROJECT_ROOT } from '../shared.js';
import { DEMO_SNAPSHOT } from '../../src/config/paths.js';

const CLI = resolve(PROJECT_ROOT, 'src', 'cli', 'main.ts');

function replay(db: string, days = 1) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'replay', '--corpus', DEMO_SNAPSHOT, '--from', '2023-12-19', '--days', String(days), '--db', db, '--no-understand'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let onProgress: (() => void) | null = null;
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    if (/replay: \d{4}-\d{2}-\d{2} \d+ articles/.test(err)) onProgress?.();
  });
  const progressed = new Promise<void>((res) => (onProgress = res));
  const done = new Promise<{ code: number | null; signal: string | null; out: string; err: string }>((res) => child.on('close', (code, signal) => res({ code, signal, out, err })));
  return { child, done, progressed };
}

function inspect(db: string) {
  const d = new Database(db, { readonly: true });
  try {
    const integrity = d.pragma('integrity_check', { simple: true });
    const articles = (d.prepare('select count(*) n from articles').get() as { n: number }).n;
    const broken = (d.prepare("select count(*) n from articles where title = '' or text is null or canonical_url = '' or domain = ''").get() as { n: number }).n;
    const links = d.prepare('select canonical_url from articles order by canonical_url').all() as { canonical_url: string }[];
    return { integrity, articles, broken, links: links.map((l) => l.canonical_url) };
  } finally {
    d.close();
  }
}

test('replay prints the contract summary, and a second replay into the same database stores nothing twice', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-replay-'));
  try {
    const db = join(dir, 'desk.db');
    const first = await replay(db).done;
    assert.equal(first.code, 0, first.err);
    const summary = JSON.parse(first.out.trim()) as Record<string, number>;
    assert.deepEqual(Object.keys(summary), ['sources', 'fetches', 'items', 'articles', 'duplicates', 'nearDuplicates', 'seconds', 'itemsPerSecond']);
    assert.ok(summary.sources! >= 40, `sources ${summary.sources}`);
    assert.ok(summary.articles! > 2000, `articles ${summary.articles}`);
    assert.ok(summary.items! >= summary.articles!);
    assert.ok(summary.fetches! >= summary.sources!);
    const state = inspect(db);
    assert.equal(state.integrity, 'ok');
    assert.equal(state.articles, summary.articles);

    const second = await replay(db).done;
    assert.equal(second.code, 0, second.err);
    const again = JSON.parse(second.out.trim()) as Record<string, number>;
    assert.equal(again.articles, 0, 'everything was stored already');
    assert.ok(again.duplicates! > 0);
    assert.equal(inspect(db).articles, state.articles);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('killing replay mid-run leaves a consistent database, and a restart reaches the uninterrupted result', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-crash-'));
  try {
    const clean = join(dir, 'clean.db');
    const cleanRun = await replay(clean, 3).done;
    assert.equal(cleanRun.code, 0, cleanRun.err);
    const expected = inspect(clean);

    const crashed = join(dir, 'crashed.db');
    let midRun = 0;
    // Kill once as soon as the first day is stored (surely mid-run), then
    // again on the restart, this time as soon as the first day is re-read.
    for (let round = 0; round < 2; round++) {
      const run = replay(crashed, 3);
      await Promise.race([run.progressed, run.done]);
      run.child.kill('SIGKILL');
      const end = await run.done;
      const state = inspect(crashed);
      assert.equal(state.integrity, 'ok');
      assert.equal(state.broken, 0, 'no half-written article');
      assert.ok(state.articles <= expected.articles);
      for (const l of state.links) assert.ok(expected.links.includes(l), `unexpected article ${l}`);
      if (end.signal === 'SIGKILL' && state.articles > 0 && state.articles < expected.articles) midRun++;
    }
    assert.ok(midRun >= 1, 'at least one kill landed mid-run');
    const finish = await replay(crashed, 3).done;
    assert.equal(finish.code, 0, finish.err);
    const final = inspect(crashed);
    assert.equal(final.integrity, 'ok');
    assert.deepEqual(final.links, expected.links);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
