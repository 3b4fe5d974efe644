import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameEvent } from './sameEvent.js';

// Card headlines of the demo desk (19-21 December 2023).
test('sameEvent', async (t) => {
  const cases: { name: string; a: string; b: string; want: boolean }[] = [
    { name: "two agencies' words for Milei's decree", a: "Milei announces sweeping reforms to deregulate Argentina's economy", b: "Milei unveils broad reforms to liberalise Argentina's economy", want: true },
    {
      name: 'the Super League ruling, BBC and Reuters',
      a: 'European Super League: Uefa and Fifa rules banning breakaway league unlawful, says court',
      b: "Soccer's Super League revived by top European court ruling against FIFA and UEFA",
      want: true,
    },
    { name: 'two events of one place', a: '15 killed in Prague university shooting', b: 'Prague zoo welcomes a baby gorilla', want: false },
    { name: 'two Milei stories of one week', a: "Milei announces sweeping reforms to deregulate Argentina's economy", b: "Argentina's Central Bank cuts key rate to 100% by swapping main policy tool", want: false },
    { name: 'two steps of one scandal are two cards', a: 'Natasha Fyles expecting to resign over mining shares scandal', b: 'Eva Lawler named Northern Territory chief minister after Natasha Fyles resignation', want: false },
    { name: 'a short headline shares too little to judge', a: 'Gaza latest', b: 'Gaza latest news', want: false },
    { name: 'one toll in two languages', a: 'Death toll in Prague university shooting at 15, with 24 wounded', b: 'Strzelanina w Pradze. Co najmniej 15 osób nie żyje, 24 ranne', want: true },
    { name: 'one shared count is not enough', a: '15 killed in Prague university shooting', b: 'Strzelanina w Pradze. Co najmniej 15 osób nie żyje, 24 ranne', want: false },
    { name: 'days and years of two dated notes are no toll', a: 'Dirham to PKR rate today – 19 December 2023', b: 'Sensex crashes over 500 points on 19 December 2023', want: false },
  ];
  for (const c of cases) await t.test(c.name, () => assert.equal(sameEvent(c.a, c.b), c.want));
});
