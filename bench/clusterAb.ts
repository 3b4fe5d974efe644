/**
 * The clusterer before and after a change, in one process on the same
 * articles, interleaved: the throughput pass of bench/cluster.ts (the first
 * 20,000 corpus articles in published order, a fresh OnlineClusterer each
 * pass, the defaults), timed for both in turn, the order alternating from
 * round to round. On a machine shared with other work the wall-clock bench
 * moves by 10-20 % from one run to the next, more than a change it is asked
 * to judge, while two checkouts interleaved in one process meet the same
 * load (the journal's round 33 has an example).
 *
 *   git worktree add --detach /tmp/before <commit>      # the code before
 *   ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   node --import tsx bench/clusterAb.ts --before /tmp/before [--rounds 4]
 *       [--before-params NAME] [--after-params NAME]
 *
 * A side runs its checkout's defaults, or the preset of that name its
 * params.ts exports (CROSS_WORD_BIG_PARAMS, say): a preset is timed against
 * the defaults by giving the same checkout twice.
 *
 * Prints articles per CPU second of each pass (the first of each checkout
 * is cold), their medians and the ratio (after / before), and whether both
 * place every article in the same story (a SHA-1 over article -> story and
 * the merges): a change meant to be speed only should say "same".
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ClusterDoc, Placement, Reassignment } from '../src/domain/clusterDoc.js';
import { OnlineClusterer as After } from '../src/stories/cluster/OnlineClusterer.js';
import type { ClusterParams } from '../src/stories/cluster/params.js';
import { loadCorpus } from '../eval/cluster.js';

interface Clusterer {
  place(doc: ClusterDoc): Placement;
  takeMerges(): Reassignment[];
  finish(): Reassignment[];
}

const i = process.argv.indexOf('--before');
if (i < 0 || !process.argv[i + 1]) {
  console.error('usage: node --import tsx bench/clusterAb.ts --before DIR [--rounds N]   (DIR: a checkout of the code before)');
  process.exit(2);
}
const beforeDir = resolve(process.argv[i + 1]!);
const r = process.argv.indexOf('--rounds');
const rounds = r >= 0 ? Number(process.argv[r + 1]) : 4;
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error('--rounds takes a whole number of at least 1');
  process.exit(2);
}
const { OnlineClusterer: Before } = (await import(pathToFileURL(join(beforeDir, 'src/stories/cluster/OnlineClusterer.ts')).href)) as { OnlineClusterer: new (p?: Partial<ClusterParams>) => Clusterer };

/** The preset named by `flag` in the checkout at `dir` (undefined: no flag, the defaults), or exit 2 when it names none. */
async function presetOf(flag: string, dir: string): Promise<ClusterParams | undefined> {
  const j = process.argv.indexOf(flag);
  if (j < 0) return undefined;
  const name = process.argv[j + 1] ?? '';
  const presets = (await import(pathToFileURL(join(dir, 'src/stories/cluster/params.ts')).href)) as Record<string, unknown>;
  if (!/_PARAMS$/.test(name) || typeof presets[name] !== 'object' || presets[name] === null) {
    console.error(`${flag} takes the name of a preset exported by ${join(dir, 'src/stories/cluster/params.ts')} (DEFAULT_PARAMS, CROSS_WORD_BIG_PARAMS, ...); got '${name}'`);
    process.exit(2);
  }
  return presets[name] as ClusterParams;
}
const beforeParams = await presetOf('--before-params', beforeDir);
const afterParams = await presetOf('--after-params', fileURLToPath(new URL('..', import.meta.url)));

const docs: ClusterDoc[] = loadCorpus()
  .slice(0, 20_000)
  .map((x) => ({ id: x.id, title: x.title, text: x.text, publishedMs: x.ms, language: x.language, source: x.outlet }));

/**
 * One pass: articles per CPU second, and the digest of what it placed where.
 * Making the clusterer is not timed, as in bench/cluster.ts: what a checkout
 * reads when it is made is not charged, and what it reads lazily (the
 * English-Polish lexicon, at the first Polish report) is, in its first pass.
 */
function pass(make: () => Clusterer): { rate: number; digest: string } {
  const h = createHash('sha1');
  const note = (ms: Reassignment[]): void => {
    for (const m of ms) h.update(`${m.into}<${m.articleIds.join(',')}\n`);
  };
  const c = make();
  const t = process.cpuUsage();
  for (const d of docs) {
    h.update(`${d.id}>${c.place(d).storyId}\n`);
    note(c.takeMerges());
  }
  note(c.finish());
  const u = process.cpuUsage(t);
  return { rate: docs.length / ((u.user + u.system) / 1e6), digest: h.digest('hex') };
}

const runs = { before: [] as { rate: number; digest: string }[], after: [] as { rate: number; digest: string }[] };
for (let k = 0; k < rounds; k++) {
  const order = k % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
  for (const which of order) runs[which].push(pass(() => (which === 'before' ? new Before(beforeParams) : (new After(afterParams) as Clusterer))));
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
for (const which of ['before', 'after'] as const) {
  const rates = runs[which].map((x) => x.rate);
  console.log(`${which.padEnd(6)} ${rates.map((x) => Math.round(x).toLocaleString('en')).join(', ')} articles per CPU second (first cold); median ${Math.round(median(rates)).toLocaleString('en')}`);
}
const ratio = median(runs.after.map((x) => x.rate)) / median(runs.before.map((x) => x.rate));
const digests = new Set([...runs.before, ...runs.after].map((x) => x.digest));
console.log(`ratio after / before ${ratio.toFixed(3)}; placements ${digests.size === 1 ? 'the same' : 'differ'} (${[...digests].map((d) => d.slice(0, 12)).join(', ')})`);
