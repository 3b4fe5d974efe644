// A region column reads a card's headline first (blocks.ts inRegion): a
// headline keeps its card out of a region only when every place it names is
// elsewhere and nothing else is signalled. Real headlines of the December demo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { titlePlaces } from './blocks.js';

test('titlePlaces: the countries a headline names, and whether that is all it points at', async (t) => {
  const cases: { title: string; codes: string[]; complete: boolean }[] = [
    // Out of Europe, whatever the story's newer Polish reports say.
    { title: "Biden's aides roll their eyes when he says he feels youthful as First Lady tries to keep him from overdoing it", codes: ['US'], complete: true },
    // Names Argentina beside the United States (and Hezbollah signals Lebanon): stays in Latin America.
    { title: 'U.S. Charges Hezbollah Operative in 1994 Bombing of Argentina Jewish Center', codes: ['US', 'AR'], complete: false },
    // The Houthis signal Yemen beside the United States: not all listed.
    { title: 'New U.S.-led Red Sea task force won’t stop shipping attacks, Houthis say', codes: ['US'], complete: false },
    { title: 'Egypt’s Sisi sweeps to third term as president amid allegations electoral rules violated', codes: ['EG'], complete: true },
    // No place: the story's other headlines and outlets decide.
    { title: 'Macron Says Tougher Immigration Bill Is Only Way to Counter Le Pen', codes: ['FR'], complete: true },
  ];
  for (const c of cases)
    await t.test(c.title, () => {
      const got = titlePlaces(c.title);
      assert.deepEqual([got.codes, got.complete], [c.codes, c.complete]);
    });
});
