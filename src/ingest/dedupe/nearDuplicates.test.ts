import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BANDS } from './minhash.js';
import { nearDuplicatePolicy, NEAR_DUP_MAX_CANDIDATES, NEAR_DUP_WINDOW_DAYS } from './nearDuplicates.js';

const PRAGUE_TITLE = 'Prague university shooting: gunman kills 14 at Charles University';
const PRAGUE =
  'Prague university shooting: gunman kills 14 at Charles University\n\nA gunman opened fire at Charles University in central Prague on Thursday, killing 14 people and wounding 25 others before he was found dead, Czech police said.';
const PRAGUE_COPY =
  'Prague university shooting: gunman kills 14 at Charles University\n\nA gunman opened fire at Charles University in central Prague on Thursday, killing 14 people and wounding 25 others before he was himself found dead, Czech police said.';
const MILEI_TITLE = 'Milei sworn in as president of Argentina';
const MILEI = 'Milei sworn in as president of Argentina\n\nJavier Milei took office on Sunday in Buenos Aires, promising shock therapy for an economy with inflation above 140 per cent.';

const cases: { name: string; a: [string, string]; b: [string, string]; banded: boolean; copy: boolean }[] = [
  { name: 'an edited wire copy', a: [PRAGUE_TITLE, PRAGUE], b: [PRAGUE_TITLE, PRAGUE_COPY], banded: true, copy: true },
  { name: 'another story', a: [PRAGUE_TITLE, PRAGUE], b: [MILEI_TITLE, MILEI], banded: true, copy: false },
  {
    name: 'headlines one number apart (short texts need 0.8)',
    a: ['Israeli strikes on southern Gaza kill at least 20 people, health ministry says', 'Israeli strikes on southern Gaza kill at least 20 people, health ministry says'],
    b: ['Israeli strikes on southern Gaza kill at least 45 people, health ministry says', 'Israeli strikes on southern Gaza kill at least 45 people, health ministry says'],
    banded: true,
    copy: false,
  },
  { name: 'a recurring short title is never judged', a: ['Morning briefing: what you need to know', 'Morning briefing: what you need to know'], b: ['Morning briefing: what you need to know', 'Morning briefing: what you need to know'], banded: false, copy: false },
];

for (const c of cases) {
  test(`nearDuplicatePolicy: ${c.name}`, () => {
    const f = nearDuplicatePolicy.fingerprint(...c.a);
    assert.equal(f.bands !== null, c.banded);
    if (f.bands) assert.equal(f.bands.length, BANDS);
    assert.equal(nearDuplicatePolicy.isCopy(f.shingles, { title: c.b[0], text: c.b[1] }), c.copy);
  });
}

test('nearDuplicatePolicy: the window and the candidate bound are the stage\u2019s', () => {
  assert.deepEqual([nearDuplicatePolicy.windowDays, nearDuplicatePolicy.maxCandidates], [NEAR_DUP_WINDOW_DAYS, NEAR_DUP_MAX_CANDIDATES]);
});
