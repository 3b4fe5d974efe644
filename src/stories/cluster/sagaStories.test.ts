// Saga stories (params.anchorSagaSize): an organisation's saga takes the
// reports that share its bursting name and little else. Run on the dev half
// of the events gold (eval/events.ts: 19-20 December 2023 as the desk sees
// it, analysed live), the half the rule was chosen on; the test half's
// figures are in docs/clustering.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requireShared } from '../../../test/shared.js';
import { loadHalves, runClusterer, scoreEvents } from '../../../eval/events.js';
import { COUNT_CADENCE, DEFAULT_PARAMS } from './params.js';

test('saga stories gather the public-media takeover, across languages too, and leave a place word alone (events gold, dev half)', (t) => {
  if (!requireShared(t, 'corpus', 'world-news-2023-12.jsonl.gz')) return;
  const [dev] = loadHalves(['dev']);
  const { stream, prior, gold, langOf } = dev!;
  assert.ok(gold, 'eval/events/gold-dev.jsonl is missing');
  const withRule = runClusterer(stream, DEFAULT_PARAMS, { prior });
  const without = runClusterer(stream, { ...DEFAULT_PARAMS, anchorSagaSize: 0 }, { prior });
  const biggest = (pred: ReadonlyMap<string, string>, event: string): number => {
    const n = new Map<string, number>();
    for (const [id, e] of gold) if (e === event) n.set(pred.get(id)!, (n.get(pred.get(id)!) ?? 0) + 1);
    return Math.max(...n.values());
  };
  // 59 dev reports of the takeover: 21 in its biggest story without the
  // rule, 38 with it (measured when the rule was written); 25 and 34 since
  // Polish names are read by case agreement (stop 37, docs/entities.md:
  // "Andrzeja Dudy" is Andrzej Duda, so the takeover's reports share more
  // of its cast with the other events of those days, and the story's title
  // share of "TVP", which the rule asks 0.7 of, runs closer to it).
  const saga = [biggest(without, 'd-poland-public-media'), biggest(withRule, 'd-poland-public-media')];
  assert.ok(saga[1]! >= saga[0]! + 8, `public media takeover, biggest story ${saga[0]} -> ${saga[1]}`);
  // Reports that name TVP only in their text ("Wszystko się wydarzy zgodnie
  // z prawem") join the saga too (OnlineClusterer.namedSaga).
  const title = new Map(stream.map((it) => [it.id, it.title]));
  const untitled = (pred: ReadonlyMap<string, string>): number => {
    const n = new Map<string, string[]>();
    for (const [id, e] of gold) if (e === 'd-poland-public-media') (n.get(pred.get(id)!) ?? n.set(pred.get(id)!, []).get(pred.get(id)!)!).push(id);
    const big = [...n.values()].sort((x, y) => y.length - x.length)[0]!;
    return big.filter((id) => !/TVP/.test(title.get(id) ?? '')).length;
  };
  const titleOnly = runClusterer(stream, { ...DEFAULT_PARAMS, anchorSagaText: false }, { prior });
  assert.ok(untitled(withRule) > untitled(titleOnly), `takeover reports without "TVP" in the title in its biggest story: ${untitled(titleOnly)} -> ${untitled(withRule)}`);
  const a = scoreEvents(without, gold, langOf);
  const b = scoreEvents(withRule, gold, langOf);
  // Recall +0.186 at 45425c6 (0.373 -> 0.559), +0.094 since stop 37 (0.363 -> 0.457).
  assert.ok(b.pairR >= a.pairR + 0.08, `pairwise recall ${a.pairR.toFixed(3)} -> ${b.pairR.toFixed(3)}`);
  // Precision 0.861 -> 0.874 at 45425c6; 0.851 -> 0.851 (a hair below) since stop 37.
  assert.ok(b.pairP >= a.pairP - 0.005, `pairwise precision ${a.pairP.toFixed(4)} -> ${b.pairP.toFixed(4)}`);
  // No more mixed stories (a count: a right merge of two stories of one
  // event leaves fewer stories of two or more gold articles, which raises the
  // mixed share with the same mixed stories).
  const mixedCount = (x: typeof a): number => Math.round(x.mixed * x.multiStories);
  // 19 -> 19 at 45425c6; 23 -> 24 since stop 37.
  assert.ok(mixedCount(b) <= mixedCount(a) + 1, `mixed stories ${mixedCount(a)} of ${a.multiStories} -> ${mixedCount(b)} of ${b.multiStories}`);
  // Across languages by a rare focus country (anchorSagaCountryIdf): Polish
  // reports of the Icelandic eruption share no word with its English story,
  // and Iceland. Measured as when the rule was written (round 14), before
  // the cross-language recalibration by kinds of happening (round 21), which
  // links them by the eruption itself ("erupcja wulkanu", "volcano erupts"):
  // with it, one run without the country rule gathers 18 of these pairs and
  // one with it 15 (the order of placements), so the rule is measured alone,
  // and at the merge cadence it was chosen with (every 1,000 placements).
  // At the cadence of round 25 (a pass every 30 minutes of stream) the
  // passes gather 18 of them without the rule too (15 with it).
  const noConcepts = { ...DEFAULT_PARAMS, crossConcepts: null, ...COUNT_CADENCE };
  const countryRule = runClusterer(stream, noConcepts, { prior });
  const noCountry = runClusterer(stream, { ...noConcepts, anchorSagaCountryIdf: 0 }, { prior });
  const crossPairs = (pred: ReadonlyMap<string, string>): number => {
    const ids = [...gold].filter(([, e]) => e === 'd-iceland-eruption').map(([id]) => id);
    let n = 0;
    for (const x of ids) for (const y of ids) if (langOf.get(x) === 'en' && langOf.get(y) === 'pl' && pred.get(x) === pred.get(y)) n++;
    return n;
  };
  assert.ok(crossPairs(countryRule) > crossPairs(noCountry), `Icelandic eruption, English-Polish pairs in one story: ${crossPairs(noCountry)} -> ${crossPairs(countryRule)}`);
  // The defaults (the recalibration on) lose none of them (15 and 15, against 6 with neither).
  assert.ok(crossPairs(withRule) >= crossPairs(countryRule), `Icelandic eruption, English-Polish pairs: ${crossPairs(countryRule)} without the recalibration, ${crossPairs(withRule)} with it`);
  // "Colorado" bursts with the ballot ruling, but it is a place: "5 wolves
  // released in Colorado" stays out of the ruling's story.
  const ruling = [...gold].filter(([, e]) => e === 'd-colorado-trump-ballot').map(([id]) => withRule.get(id));
  const wolves = [...gold].find(([, e]) => e === 'd-s-113')![0];
  assert.ok(ruling.length >= 10 && !ruling.includes(withRule.get(wolves)), 'the wolves joined the ballot ruling');
});

// A saga story runs past the 72 h span cap while its name bursts
// (params.sagaSpanHours). Only the test half can show it: the takeover began
// on 19 December, and its dev reports (19-20 December) are all within 72 h
// of its first story; on 21-22 December they are not. This checks what the
// rule does, not how well: the half's figures are in docs/clustering.md.
test('a saga story outlives the span cap while its name bursts (events gold, test half)', (t) => {
  if (!requireShared(t, 'corpus', 'world-news-2023-12.jsonl.gz')) return;
  const [half] = loadHalves(['test']);
  const { stream, prior, gold } = half!;
  assert.ok(gold, 'eval/events/gold-test.jsonl is missing');
  const ms = new Map(stream.map((it) => [it.id, it.ms]));
  const withRule = runClusterer(stream, DEFAULT_PARAMS, { prior });
  const capped = runClusterer(stream, { ...DEFAULT_PARAMS, sagaSpanHours: 0 }, { prior });
  // The takeover's biggest story: its size among the gold reports, and the
  // span of all its members in the stream (first to last published).
  const biggest = (pred: ReadonlyMap<string, string>): { n: number; spanH: number } => {
    const n = new Map<string, number>();
    for (const [id, e] of gold) if (e === 't-tvp-takeover') n.set(pred.get(id)!, (n.get(pred.get(id)!) ?? 0) + 1);
    const [story, size] = [...n].sort((x, y) => y[1] - x[1])[0]!;
    const times = [...pred].filter(([, s]) => s === story).map(([id]) => ms.get(id)!);
    return { n: size, spanH: (Math.max(...times) - Math.min(...times)) / 3_600_000 };
  };
  const [a, b] = [biggest(capped), biggest(withRule)];
  // Measured when the rule was written: 20 of its 61 reports in its biggest
  // story with the cap, 27 without it.
  assert.ok(b.n >= a.n + 5, `takeover, biggest story ${a.n} -> ${b.n} of its reports`);
  assert.ok(a.spanH <= DEFAULT_PARAMS.maxSpanHours, `capped: a story spans ${a.spanH.toFixed(0)} h`);
  assert.ok(b.spanH > DEFAULT_PARAMS.maxSpanHours && b.spanH <= DEFAULT_PARAMS.sagaSpanHours, `the saga story spans ${b.spanH.toFixed(0)} h`);
});
