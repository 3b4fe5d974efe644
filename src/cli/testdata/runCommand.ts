/** Runs a command in-process for the CLI tests: stdin from a string or bytes, stdout and stderr collected. */
import { PassThrough, Readable } from 'node:stream';
import type { Command } from '../io.js';

export interface Ran {
  code: number;
  out: string;
  err: string;
}

export async function runCommand(run: Command, argv: string[], opts: { stdin?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): Promise<Ran> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await run({ argv, stdin: Readable.from([opts.stdin ?? '']), stdout, stderr, env: opts.env ?? {} });
  return { code, out, err };
}

/** The JSON lines a command wrote. */
export const jsonLines = (out: string): unknown[] => out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
