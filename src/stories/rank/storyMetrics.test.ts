import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverageOf, deskBaseline, publisherKey, storyMetrics, type StoryReport } from './storyMetrics.js';

const NOW = new Date('2023-12-21T16:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
let n = 0;
function report(over: Partial<StoryReport> & { at: number }): StoryReport {
  n++;
  return {
    articleId: `a${n}`,
    publishedAt: minutesAgo(over.at),
    domain: over.domain ?? `outlet${n}.example`,
    sourceId: over.sourceId ?? n,
    owner: over.owner ?? null,
    sourceKind: over.sourceKind ?? 'newspaper',
    sourceCountry: over.sourceCountry ?? 'GB',
    sourceRegion: over.sourceRegion === undefined ? 'europe' : over.sourceRegion,
    duplicateOf: over.duplicateOf ?? null,
  };
}

test('storyMetrics: phases and breaking', async (t) => {
  const cases: { name: string; reports: StoryReport[]; phase: string; breaking: boolean }[] = [
    {
      name: 'a burst of reports from many publishers in the last two hours is breaking',
      reports: [report({ at: 100 }), report({ at: 90 }), report({ at: 60 }), report({ at: 30 }), report({ at: 10 }), report({ at: 5 })],
      phase: 'breaking',
      breaking: true,
    },
    {
      name: 'a surge of publishers in a running story is breaking though its pace only doubles',
      reports: [...Array.from({ length: 12 }, (_, i) => report({ at: 130 + 30 * i })), ...Array.from({ length: 8 }, (_, i) => report({ at: 10 + 14 * i }))],
      phase: 'breaking',
      breaking: true,
    },
    {
      name: 'a burst carried by one publisher (one owner) is not breaking',
      reports: [1, 2, 3, 4, 5, 6].map((i) => report({ at: i * 10, owner: 'Same Group' })),
      phase: 'developing',
      breaking: false,
    },
    {
      name: 'a long story with a steady pace is sustained, not breaking',
      reports: Array.from({ length: 24 }, (_, i) => report({ at: 60 * (i + 1) })),
      phase: 'sustained',
      breaking: false,
    },
    {
      name: 'a story whose last report is 13 hours old is fading',
      reports: [report({ at: 60 * 20 }), report({ at: 60 * 13 })],
      phase: 'fading',
      breaking: false,
    },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const m = storyMetrics(c.reports, NOW, deskBaseline(240, 120));
      assert.ok(m);
      assert.equal(m.phase, c.phase);
      assert.equal(m.breaking, c.breaking);
    });
  }
});

test('storyMetrics: reports after "now" do not exist yet (time travel)', () => {
  const reports = [report({ at: 30 }), report({ at: -30 })];
  const m = storyMetrics(reports, NOW, 0.1);
  assert.equal(m?.reports, 1);
  assert.equal(storyMetrics([report({ at: -5 })], NOW, 0.1), null);
});

test('storyMetrics: outlets of one owner or one domain count once; state media are counted', () => {
  const reports = [
    report({ at: 10, owner: 'Axel Springer', domain: 'onet.pl' }),
    report({ at: 20, owner: 'Axel Springer', domain: 'businessinsider.com.pl' }),
    report({ at: 30, domain: 'bbc.co.uk' }),
    report({ at: 40, domain: 'bbc.co.uk' }),
    report({ at: 50, domain: 'rt.com', sourceKind: 'state-media' }),
  ];
  const m = storyMetrics(reports, NOW, 0.1)!;
  assert.equal(m.publishers, 3);
  assert.equal(m.stateMediaPublishers, 1);
  assert.equal(publisherKey({ owner: null, domain: 'bbc.co.uk' }), 'domain:bbc.co.uk');
});

test('storyMetrics: importance grows with breadth and decays with age', () => {
  const narrow = storyMetrics([report({ at: 10 }), report({ at: 20 })], NOW, 0.1)!;
  const wide = storyMetrics(
    [report({ at: 10, sourceRegion: 'asia' }), report({ at: 20, sourceRegion: 'africa' }), report({ at: 30 }), report({ at: 40, sourceRegion: 'north-america' })],
    NOW,
    0.1,
  )!;
  const old = storyMetrics([report({ at: 60 * 30 }), report({ at: 60 * 31 })], NOW, 0.1)!;
  assert.ok(wide.importance > narrow.importance);
  assert.ok(narrow.importance > old.importance);
});

test('coverageOf: blind spots are silent regions on a story about themselves, or on a widely covered one', () => {
  const reports = [report({ at: 1, sourceCountry: 'GB' }), report({ at: 2, sourceCountry: 'US', sourceRegion: 'north-america' })];
  const desk = new Set(['africa', 'europe', 'north-america', 'asia'] as const);
  const aboutAfrica = coverageOf(reports, 'africa', desk, 2);
  assert.deepEqual(aboutAfrica.blindSpots, ['africa']);
  assert.deepEqual(aboutAfrica.countries, { GB: 1, US: 1 });
  assert.deepEqual(aboutAfrica.regions, { europe: 1, 'north-america': 1 });
  assert.deepEqual(coverageOf(reports, 'europe', desk, 2).blindSpots, []);
  assert.deepEqual(coverageOf(reports, 'europe', desk, 8).blindSpots, ['africa', 'asia']);
  // No outlets in a region: it cannot be silent.
  assert.deepEqual(coverageOf(reports, 'oceania', desk, 2).blindSpots, []);
});
