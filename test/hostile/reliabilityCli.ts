/**
 * Helpers for the reliability cases of test/hostile: the real CLI in a
 * process of its own (exit codes and start-up are process behaviour), and a
 * fixture database damaged the way a bad disk damages one.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { PROJECT_ROOT } from '../shared.js';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/**
 * Runs `globedesk ARGS` from source. `limitMs` only bounds a hang (the bug
 * was a spin at 100% CPU forever); nothing is asserted about speed.
 */
export function globedesk(args: string[], opts: { env?: NodeJS.ProcessEnv; uid?: number; gid?: number; limitMs?: number; stdin?: string } = {}): Promise<Exit> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(PROJECT_ROOT, 'src', 'cli', 'main.ts'), ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME ?? '/tmp', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.gid }),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdin.end(opts.stdin ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.limitMs ?? 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, out, err });
    });
  });
}

/**
 * Overwrites 64 KB starting at the first page of `table` with a fixed
 * pattern: the schema stays readable (the file opens, SELECT 1 works) while
 * every read of that table fails with SQLITE_CORRUPT, as with a bad sector.
 */
export function damageTable(file: string, table: string): void {
  const db = new Database(file);
  const first = (db.prepare('SELECT min(pageno) AS p FROM dbstat WHERE name = ?').get(table) as { p: number }).p;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const garbage = Buffer.alloc(64 * 1024);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 251;
  const fd = openSync(file, 'r+');
  writeSync(fd, garbage, 0, garbage.length, (first - 1) * pageSize);
  closeSync(fd);
}
