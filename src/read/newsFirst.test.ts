import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newsFirst, type ScoredCard } from './blocks.js';
import { WORLD_REACH } from '../stories/rank/newsworthiness.js';

// The Oceania column of a demo rebuild at 20 December 2023 06:00 UTC, in score order, and Europe's Super League ruling.
function scored(headline: string, light: boolean, reach: number, foreignPublishers = 2): Pick<ScoredCard, 'parts'> & { headline: string } {
  return { headline, parts: { score: 1, reach, subject: light ? 0.25 : 0.8, surprise: 2, decay: 1, foreignPublishers, minorEconomy: false, severe: false, light, countries: 2, regions: 2, languages: 1 } };
}

test('newsFirst: a region column leads with its news, sport and soft framing after', async (t) => {
  const cases: { name: string; column: ReturnType<typeof scored>[]; want: string[] }[] = [
    {
      name: 'a cricket auction carried by five outlets goes below the news',
      column: [
        scored('New Zealand to explore AUKUS benefits, boost security ties with Australia', false, 4.8),
        scored('IPL Auction: Mitchell Starc and Pat Cummins land record deals', true, 7.5),
        scored('Australian jury records first conviction of foreign interference against a Chinese agent', false, 4.0),
        scored('Man Charged With Murder Over Fatal Stabbing at Australian Zoo', true, 4.0),
        scored('Northern Territory Labor Chief Minister Resigns Amid Questions Over Undisclosed Shares', false, 4.8),
      ],
      want: [
        'New Zealand to explore AUKUS benefits, boost security ties with Australia',
        'Australian jury records first conviction of foreign interference against a Chinese agent',
        'Northern Territory Labor Chief Minister Resigns Amid Questions Over Undisclosed Shares',
        'IPL Auction: Mitchell Starc and Pat Cummins land record deals',
        'Man Charged With Murder Over Fatal Stabbing at Australian Zoo',
      ],
    },
    {
      name: "sport whose reach makes it a world headline keeps its place (a ruling on European football's governance)",
      column: [scored('FIFA and UEFA acted illegally over European Super League, EU’s top court rules', true, WORLD_REACH + 1), scored('Orban Sees EU States Circumventing Hungary on Ukraine Aid', false, 9.7)],
      want: ['FIFA and UEFA acted illegally over European Super League, EU’s top court rules', 'Orban Sees EU States Circumventing Hungary on Ukraine Aid'],
    },
    {
      // Europe at 19 December 2023 06:00: the Sejm's agenda, told by Polish outlets only, had the third place.
      name: "a story only its own country's outlets carry comes after the news others carry, before the light",
      column: [
        scored('EU leaders to open Ukraine accession talks, Orbán walks out', false, 9.0),
        scored('Debiut komisji śledczej, pierwsze posiedzenie rządu, Sejm wznowi obrady', false, 8.0, 0),
        scored('Super League: Uefa and Fifa rules unlawful, says court', true, 5.0),
        scored("The 'wazalendo,' 'patriots' at war in eastern DRC", false, 3.0),
      ],
      want: [
        'EU leaders to open Ukraine accession talks, Orbán walks out',
        "The 'wazalendo,' 'patriots' at war in eastern DRC",
        'Debiut komisji śledczej, pierwsze posiedzenie rządu, Sejm wznowi obrady',
        'Super League: Uefa and Fifa rules unlawful, says court',
      ],
    },
    {
      name: 'a column of domestic stories only keeps its order',
      column: [scored('Northern Territory Chief Minister resigns', false, 4.8, 0), scored('Albanese announces inquiry into Covid response', false, 4.0, 0)],
      want: ['Northern Territory Chief Minister resigns', 'Albanese announces inquiry into Covid response'],
    },
  ];
  for (const c of cases) await t.test(c.name, () => assert.deepEqual(newsFirst(c.column).map((s) => s.headline), c.want));
});
