import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateSource, type SourceDraft } from './validateSource.js';

const cases: { name: string; in: SourceDraft; want?: Record<string, unknown>; code?: string }[] = [
  { name: 'minimal draft gets host as name and newspaper kind', in: { feedUrl: 'https://www.example.com/feed' }, want: { name: 'example.com', kind: 'newspaper', country: null, language: null, enabled: true } },
  { name: 'country upper-cased', in: { feedUrl: 'https://x.ua/rss', country: 'ua' }, want: { country: 'UA' } },
  { name: 'language reduced to primary subtag', in: { feedUrl: 'https://x.pl/rss', language: 'pl-PL' }, want: { language: 'pl' } },
  { name: 'kind accepted case-insensitively', in: { feedUrl: 'https://x/rss', kind: 'State-Media' }, want: { kind: 'state-media' } },
  { name: 'UK is not ISO 3166-1 (GB is)', in: { feedUrl: 'https://x/rss', country: 'UK' }, code: 'invalid_country' },
  { name: 'three-letter country refused', in: { feedUrl: 'https://x/rss', country: 'UKR' }, code: 'invalid_country' },
  { name: 'unknown kind refused', in: { feedUrl: 'https://x/rss', kind: 'tabloid' }, code: 'invalid_kind' },
  { name: 'ftp feed refused', in: { feedUrl: 'ftp://x/rss' }, code: 'invalid_url' },
  { name: 'relative feed refused', in: { feedUrl: '/rss.xml' }, code: 'invalid_url' },
  { name: 'javascript site URL refused', in: { feedUrl: 'https://x/rss', siteUrl: 'javascript:alert(1)' }, code: 'invalid_url' },
  { name: 'language placeholder refused', in: { feedUrl: 'https://x/rss', language: 'unknown' }, code: 'invalid_language' },
];

for (const c of cases) {
  test(`validateSource: ${c.name}`, () => {
    const r = validateSource(c.in);
    if (c.code) {
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.equal(r.error.code, c.code);
        assert.equal(r.error.module, 'sources');
      }
      return;
    }
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    for (const [k, v] of Object.entries(c.want ?? {})) assert.deepEqual((r.value as unknown as Record<string, unknown>)[k], v, k);
  });
}
