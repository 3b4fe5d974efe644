import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config.js';
import { fileClock } from './fileClock.js';

const dir = mkdtempSync(join(tmpdir(), 'gd-clock-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('fileClock: bad files at start are a configuration error naming the setting', () => {
  const cases: { name: string; content: string | null }[] = [
    { name: 'missing file', content: null },
    { name: 'empty file', content: '' },
    { name: 'not a time', content: 'tomorrow' },
    { name: 'a time without a zone', content: '2023-12-24T12:00:00' },
  ];
  for (const c of cases) {
    const path = join(dir, `bad-${c.name.replaceAll(' ', '-')}`);
    if (c.content !== null) writeFileSync(path, c.content);
    assert.throws(
      () => fileClock(path),
      (e: unknown) => e instanceof ConfigError && e.setting === '--clock-file' && e.value === path,
      c.name,
    );
  }
});

test('fileClock: each reading reads the file again; a file broken later keeps the last good time', () => {
  const path = join(dir, 'now');
  const write = (s: string) => {
    // As a driver writes it: a whole new file renamed over the old one.
    writeFileSync(`${path}.tmp`, s);
    renameSync(`${path}.tmp`, path);
  };
  write('2023-12-24T02:00:00Z\n');
  const clock = fileClock(path);
  const steps: { name: string; content: string | null; want: string }[] = [
    { name: 'the time at start', content: null, want: '2023-12-24T02:00:00.000Z' },
    { name: 'moved on', content: '2023-12-24T04:00:00Z', want: '2023-12-24T04:00:00.000Z' },
    { name: 'another zone', content: '2023-12-24T08:00:00+02:00', want: '2023-12-24T06:00:00.000Z' },
    { name: 'garbage keeps the last', content: 'not a time', want: '2023-12-24T06:00:00.000Z' },
    { name: 'back to a time', content: '2023-12-25T00:00:00Z', want: '2023-12-25T00:00:00.000Z' },
  ];
  for (const s of steps) {
    if (s.content !== null) write(s.content);
    assert.equal(clock().toISOString(), s.want, s.name);
  }
  rmSync(path);
  assert.equal(clock().toISOString(), '2023-12-25T00:00:00.000Z', 'a removed file keeps the last');
});
