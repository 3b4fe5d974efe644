/**
 * npm run eval: accuracy on labelled data, printed, never asserted here
 * (regression guards live in the tests).
 *   npm run eval                 all of them
 *   npm run eval -- geo cluster  only the named ones
 *   npm run eval -- pair-noise   how much of a difference is noise (eval/pairNoise.ts; only when named)
 */
import { runNamed } from '../test/runNamed.js';

await runNamed(
  'eval',
  'evaluation',
  {
    geo: async () => (await import('./geo.js')).evalGeo(),
    language: async () => (await import('./language.js')).evalLanguage(),
    kind: async () => (await import('./kind.js')).evalKind(),
    'kind-fulltext': async () => (await import('./kindFullText.js')).evalKindFullText(),
    cluster: async () => (await import('./cluster.js')).evalCluster(),
    'cluster-limits': async () => (await import('./clusterLimits.js')).evalClusterLimits(),
    events: async () => (await import('./events.js')).evalEvents(),
    headlines: async () => (await import('./headlines.js')).evalHeadlines(),
    entities: async () => (await import('./entities.js')).evalEntities(),
    'entity-pages': async () => (await import('./entityPages.js')).evalEntityPages(),
    editorial: async () => (await import('./editorial.js')).evalEditorial(),
    extract: async () => (await import('./extract.js')).evalExtract(),
    mojibake: async () => (await import('./mojibake.js')).evalMojibake(),
    summaries: async () => (await import('./summaries.js')).evalSummaries(),
    'pair-noise': async () => (await import('./pairNoise.js')).evalPairNoise(),
  },
  process.argv.slice(2),
  // Five clusterings of every gold set and five panels: minutes, so only when named.
  ['pair-noise'],
);
