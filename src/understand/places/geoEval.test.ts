import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { requireShared } from '../../../test/shared.js';
import { evalReuters } from '../../../eval/geo.js';

const recorded = JSON.parse(readFileSync(new URL('../../../eval/geo.recorded.json', import.meta.url), 'utf8')) as Record<string, number>;

test('Reuters-21578 focus accuracy stays within two points of eval/geo.recorded.json', (t) => {
  const dir = requireShared(t, 'eval', 'geo', 'reuters-dev');
  if (!dir) return;
  const r = evalReuters(dir);
  for (const k of ['reutersFocusAccuracy', 'reutersFocusAccuracyWithSourcePrior', 'reutersNoUsaFocusAccuracy', 'reutersDatelineEqualsSolePlace', 'reutersDatelineInPlaces']) {
    assert.ok(r[k]! >= recorded[k]! - 2, `${k}: ${r[k]} < recorded ${recorded[k]} - 2`);
  }
});
