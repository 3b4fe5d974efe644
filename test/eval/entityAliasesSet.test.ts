// The judged links of docs/entities.md ("One person, one page (and one
// organisation)"): each alias once, a page of its own type, halves by the
// articles band they were drawn from, and a note on every wrong verdict,
// so the printed precision of `npm run eval -- entity-pages` reads a file
// as described.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadJudged } from '../../eval/entityPages.js';

test('the judged links: 386 of them, each alias once, halves by articles, notes on the wrong ones', () => {
  const rows = loadJudged();
  assert.equal(rows.length, 386);
  assert.equal(new Set(rows.map((r) => r.alias)).size, rows.length, 'an alias is judged once');
  for (const r of rows) {
    const type = r.alias.slice(0, r.alias.indexOf(':'));
    assert.ok(type === 'person' || type === 'organization', r.alias);
    assert.ok(r.page.startsWith(`${type}:`) && r.page !== r.alias, `${r.alias} -> ${r.page}`);
    assert.equal(r.half, r.articles >= 5 ? 'dev' : 'test', `${r.alias}: ${r.articles} articles`);
    assert.ok(r.articles >= 3, r.alias);
    assert.ok(r.verdict === 'right' || r.verdict === 'wrong', r.alias);
    if (r.verdict === 'wrong') assert.ok(r.note && r.note.length > 10, `${r.alias}: a wrong verdict says why`);
  }
  const count = (type: string, half: string, verdict?: string) => rows.filter((r) => r.alias.startsWith(type) && r.half === half && (!verdict || r.verdict === verdict)).length;
  assert.deepEqual(
    [count('person:', 'dev'), count('person:', 'test'), count('organization:', 'dev'), count('organization:', 'test')],
    [140, 107, 87, 52],
  );
  assert.deepEqual([count('person:', 'dev', 'wrong'), count('person:', 'test', 'wrong'), count('organization:', 'dev', 'wrong'), count('organization:', 'test', 'wrong')], [23, 14, 3, 4]);
});
