import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { REGIONS } from '../domain/index.js';
import { regionOf } from '../understand/places/regions.js';
import { requireShared, SHARED } from '../../test/shared.js';
import { buildSources, renderSourcesJson } from '../../scripts/build-sources.js';
import { defaultSources, DEFAULT_SOURCES_FILE } from './defaultSources.js';

test('defaultSources: at least 150 outlets, unique feed URLs', () => {
  const list = defaultSources();
  assert.ok(list.length >= 150, `${list.length}`);
  assert.equal(new Set(list.map((s) => s.feedUrl)).size, list.length);
});

for (const region of REGIONS.filter((r) => r !== 'antarctica')) {
  test(`defaultSources: at least 10 outlets in ${region} (regionOf from understand/places)`, () => {
    const n = defaultSources().filter((s) => s.country && regionOf(s.country) === region).length;
    assert.ok(n >= 10, `${region}: ${n}`);
  });
}

const required: { name: string; kind: string }[] = [
  { name: 'Reuters: World', kind: 'wire' },
  { name: 'AFP', kind: 'wire' },
  { name: 'Anadolu Agency', kind: 'wire' },
  { name: 'Kyodo News', kind: 'wire' },
  { name: 'TASS', kind: 'wire' },
  { name: 'BBC News: World', kind: 'public-broadcaster' },
  { name: 'Al Jazeera English', kind: 'state-media' },
  { name: 'DW', kind: 'public-broadcaster' },
  { name: 'France 24', kind: 'public-broadcaster' },
  { name: 'NHK News', kind: 'public-broadcaster' },
  { name: 'CGTN', kind: 'state-media' },
  { name: 'RT', kind: 'state-media' },
  { name: 'VOA Amharic', kind: 'public-broadcaster' },
  { name: 'RFI English', kind: 'public-broadcaster' },
];
for (const r of required) {
  test(`defaultSources: includes ${r.name} as ${r.kind}`, () => {
    const s = defaultSources().find((x) => x.name === r.name);
    assert.ok(s, r.name);
    assert.equal(s.kind, r.kind);
  });
}

test('defaultSources: every feed of the December 2023 corpus is a default source', (t) => {
  const p = requireShared(t, 'corpus', 'world-news-2023-12.sources.json');
  if (!p) return;
  const corpus = JSON.parse(readFileSync(p, 'utf8')) as { url: string }[];
  const urls = new Set(defaultSources().map((s) => s.feedUrl));
  const missing = corpus.map((c) => c.url).filter((u) => !urls.has(u));
  assert.deepEqual(missing, []);
});

test('data/sources.json is what scripts/build-sources.ts generates from ../shared', (t) => {
  if (!requireShared(t, 'reference', 'kite_feeds.json')) return;
  const { sources } = buildSources(SHARED);
  assert.equal(readFileSync(DEFAULT_SOURCES_FILE, 'utf8'), renderSourcesJson(sources), 'run: node --import tsx scripts/build-sources.ts');
});
