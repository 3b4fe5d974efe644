#!/usr/bin/env node
/**
 * globedesk: one entry point, one file per command (cli/<command>.ts).
 * Commands are imported lazily so `parse-feed` does not pay for the web server.
 */
import type { Command } from './io.js';
import { ConfigError } from '../config/config.js';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: Command }> }> = {
  serve: { summary: 'serve the desk and poll the sources', load: () => import('./serve.js') },
  demo: { summary: 'replay the bundled demo snapshot and serve the desk', load: () => import('./demo.js') },
  replay: { summary: 'replay a recorded corpus through the real pipeline', load: () => import('./replay.js') },
  fetch: { summary: 'poll every due source once and exit', load: () => import('./fetch.js') },
  worker: { summary: 'take fetch, understand and cluster jobs from PostgreSQL (pg-boss)', load: () => import('./worker.js') },
  sources: { summary: 'list | add URL | remove ID | import-opml FILE | export-opml', load: () => import('./sources.js') },
  'parse-feed': { summary: 'print a feed file (or -) as normalised JSON', load: () => import('./parseFeed.js') },
  search: { summary: 'full-text search of stored articles', load: () => import('./search.js') },
  analyze: { summary: 'analyse articles given as JSON lines', load: () => import('./analyze.js') },
  cluster: { summary: 'group articles given as JSON lines into stories', load: () => import('./cluster.js') },
  extract: { summary: 'print the article of an HTML page as JSON', load: () => import('./extract.js') },
  migrate: { summary: 'apply pending database migrations | --to URL: copy the SQLite desk onto PostgreSQL', load: () => import('./migrate.js') },
  users: { summary: 'add NAME | list | remove NAME | passwd NAME | role NAME admin|reader', load: () => import('./users.js') },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return `usage: globedesk <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const [name, ...argv] = process.argv.slice(2);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`globedesk: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  const mod = await entry.load();
  try {
    return await mod.run({ argv, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
  } catch (e) {
    // A bad setting is a usage error: one line naming it, exit 2.
    if (e instanceof ConfigError) {
      process.stderr.write(`globedesk: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
    // A worker that has shut down exits even if a socket of a pool that lost
    // its server is still open: the timer does not itself keep it alive.
    if (process.argv[2] === 'worker') setTimeout(() => process.exit(code), 3_000).unref();
  },
  (e: unknown) => {
    // One line: the message without its stack (the cause is in the message for storage errors).
    process.stderr.write(`globedesk: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}\n`);
    process.exitCode = 1;
  },
);
