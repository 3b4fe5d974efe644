import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameDisaster, type ScoredCard } from './blocks.js';

// Strip cards of a demo rebuild at 21 December 2023 15:00 UTC: the clusterer left the Polish telling apart.
function card(headline: string, focusCountry: string | null, firstSeenAt: string, severe: boolean): Pick<ScoredCard, 'card' | 'parts'> {
  return {
    card: { id: headline, headline, summary: '', firstSeenAt, lastSeenAt: firstSeenAt, articleCount: 5, outlets: 5, importance: 10, phase: 'breaking', region: 'europe', focusCountry, topic: 'society', regions: {}, blindSpots: [] },
    parts: { score: 10, reach: 5, subject: 1, surprise: 3, decay: 1, foreignPublishers: 3, minorEconomy: false, severe, light: false, countries: 2, regions: 2, languages: 1 },
  };
}

test('sameDisaster', async (t) => {
  const english = card('Shooting at Prague university leaves dead and injured', 'CZ', '2023-12-21T14:10:00Z', true);
  const cases: { name: string; b: Pick<ScoredCard, 'card' | 'parts'>; want: boolean }[] = [
    { name: 'the Polish telling of the same shooting', b: card('Strzelanina w Pradze. Co najmniej 15 osób nie żyje, 24 ranne', 'CZ', '2023-12-21T14:43:00Z', true), want: true },
    { name: 'another country', b: card('Tragiczne trzęsienie ziemi w Chinach. Zginęło co najmniej 111 osób', 'CN', '2023-12-21T14:43:00Z', true), want: false },
    { name: 'not a mass-casualty story', b: card('Orlen w Czechach jedzie na paliwach z rosyjskiej ropy', 'CZ', '2023-12-21T14:43:00Z', false), want: false },
    { name: 'days apart', b: card('Strzelanina w Pradze. Co najmniej 15 osób nie żyje, 24 ranne', 'CZ', '2023-12-23T14:43:00Z', true), want: false },
  ];
  for (const c of cases) await t.test(c.name, () => assert.equal(sameDisaster(english, c.b), c.want));
});
