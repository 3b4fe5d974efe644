/**
 * How one gold event's reports were gathered, or were not: the merges that
 * touched its stories, in the stream's time, and the stories its reports
 * end in. What the journal's traces of sagas (docs/clustering-journal.md,
 * rounds 39-43) read.
 *
 *   node --import tsx eval/eventTrace.ts SET 'title regex' ['{"param": value, …}'] [--show STORY,…]
 *
 * The event is that of the first gold article of SET whose title matches
 * the regex (case-insensitive). The set is run as eval/eventSets.ts runs
 * it (DEFAULT_PARAMS, the JSON given over them). A merge line: the time of
 * the pass, the story merged from (its size, how many of the event's
 * reports it brings) and into (the same), and the merge's similarity (a
 * pair probability, or a centroid cosine when a burst anchor merged them).
 * `--show` also lists each named story's placements and the titles a merge
 * brings it.
 */
import { pathToFileURL } from 'node:url';
import type { ClusterDoc, Reassignment } from '../src/domain/clusterDoc.js';
import { OnlineClusterer } from '../src/stories/cluster/OnlineClusterer.js';
import { DEFAULT_PARAMS, type ClusterParams } from '../src/stories/cluster/params.js';
import { clusterDocOf } from './cluster.js';
import { HALVES, loadHalves, placeAll, type Half } from './events.js';

export function traceEvent(set: Half, titleRe: RegExp, params: Partial<ClusterParams>, show: ReadonlySet<string> = new Set()): string[] {
  const [h] = loadHalves([set]);
  const gold = h!.gold;
  if (!gold) throw new Error(`eval/events/gold-${set}.jsonl is missing`);
  const seed = h!.stream.find((it) => gold.has(it.id) && titleRe.test(it.title));
  if (!seed) throw new Error(`no gold article of ${set} has a title matching ${titleRe}`);
  const event = gold.get(seed.id)!;
  const ofEvent = new Set([...gold].filter(([, e]) => e === event).map(([id]) => id));
  const byId = new Map(h!.stream.map((it) => [it.id, it]));
  const label = (id: string): string => `[${byId.get(id)?.language ?? 'und'}] ${byId.get(id)?.title.slice(0, 90) ?? id}`;
  const langOf = (id: string): string => byId.get(id)?.language?.slice(0, 2) ?? 'und';
  const out: string[] = [`event ${event}: ${ofEvent.size} gold articles`];
  const members = new Map<string, Set<string>>();
  const join = (story: string, id: string): void => {
    const m = members.get(story);
    if (m) m.add(id);
    else members.set(story, new Set([id]));
  };
  const inEvent = (ids: Iterable<string>): number => [...ids].filter((id) => ofEvent.has(id)).length;
  const apply = (ms: readonly Reassignment[], at: string): void => {
    for (const m of ms) {
      const into = members.get(m.into) ?? new Set<string>();
      const brings = inEvent(m.articleIds);
      const held = inEvent(into);
      if (brings > 0 || held > 0 || show.has(m.from) || show.has(m.into)) {
        out.push(`${at} ${m.kind} ${m.from} (${m.articleIds.length}, ${brings} of the event) -> ${m.into} (${into.size}, ${held}) at ${m.similarity}`);
        if (show.has(m.from) || show.has(m.into)) for (const id of m.articleIds) out.push(`    brings ${label(id)}`);
      }
      for (const id of m.articleIds) {
        members.get(m.from)?.delete(id);
        join(m.into, id);
      }
    }
  };
  const c = new OnlineClusterer({ ...DEFAULT_PARAMS, ...params });
  for (const r of h!.prior) c.remember({ title: r.title, language: r.language, publishedMs: r.ms });
  const at = (d: ClusterDoc): string => new Date(d.publishedMs).toISOString().slice(5, 16);
  placeAll(
    c,
    h!.stream.map((it) => clusterDocOf(it)),
    {
      placed: (d, storyId) => {
        join(storyId, d.id);
        if (show.has(storyId)) out.push(`${at(d)} placed in ${storyId}: ${label(d.id)}`);
      },
      merged: (ms, after) => apply(ms, after ? at(after) : 'finish'),
    },
  );
  const parts = [...members]
    .map(([story, ids]) => ({ story, all: ids.size, ids: [...ids].filter((id) => ofEvent.has(id)) }))
    .filter((p) => p.ids.length > 0)
    .sort((a, b) => b.ids.length - a.ids.length || a.story.localeCompare(b.story));
  for (const p of parts) {
    const langs = new Map<string, number>();
    for (const id of p.ids) langs.set(langOf(id), (langs.get(langOf(id)) ?? 0) + 1);
    out.push(`story ${p.story}: ${p.ids.length} of the event in a story of ${p.all} (${[...langs].map(([l, n]) => `${l} ${n}`).join(', ')}) | ${label(p.ids[0]!)}`);
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [set, re, ...rest] = process.argv.slice(2);
  const i = rest.indexOf('--show');
  const show = new Set(i >= 0 ? (rest[i + 1] ?? '').split(',').filter(Boolean) : []);
  const json = rest.find((a) => a.startsWith('{'));
  if (!set || !(HALVES as readonly string[]).includes(set) || !re) {
    console.error(`usage: eval/eventTrace.ts SET 'title regex' ['{params}'] [--show STORY,…]; SET one of ${HALVES.join(', ')}`);
    process.exit(1);
  }
  try {
    for (const line of traceEvent(set as Half, new RegExp(re, 'i'), json ? (JSON.parse(json) as Partial<ClusterParams>) : {}, show)) console.log(line);
  } catch (e) {
    console.error(`eventTrace: ${(e as Error).message}`);
    process.exit(1);
  }
}
