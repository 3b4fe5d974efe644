/**
 * The runtime gazetteer: data/generated/gazetteer.json as written by
 * scripts/build-gazetteer.ts, or, when that file is missing or was built
 * from another data VERSION, the same thing built in memory from the
 * packages (about half a second), so tests and `tsx` runs need no build step.
 * Loaded once per process (STYLE.md: reference data loaded once, re-imported
 * only when its version changes).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildGazetteer, dataDir, F_LOWER, GAZETTEER_FORMAT, type GazetteerData, type RawEntry } from './buildGazetteer.js';

export interface Gazetteer {
  entries: Map<string, RawEntry[]>;
  /** First token of any key → the most tokens a key starting with it has. */
  maxTokens: Map<string, number>;
  /** First tokens of keys that may match in lower case (currencies): the scan skips other lower-case words at once. */
  lowerFirst: Set<string>;
  /** State and province abbreviations ("calif", "n y", "ont") → country. */
  abbrev: Map<string, string>;
  /** First tokens of `abbrev` keys, to skip other words at once. */
  abbrevFirst: Set<string>;
  /** Towns looked up only in datelines → country. */
  datelinePlaces: Map<string, string>;
  cues: Map<string, Map<string, Set<string>>>;
}

export function generatedPath(): string {
  return fileURLToPath(new URL('../../../data/generated/gazetteer.json', import.meta.url));
}

let cached: Gazetteer | null = null;

/** The process-wide gazetteer. */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  let data: GazetteerData | null = null;
  const p = generatedPath();
  if (existsSync(p)) {
    try {
      const d = JSON.parse(readFileSync(p, 'utf8')) as GazetteerData;
      const version = readFileSync(dataDir() + 'VERSION', 'utf8').trim();
      if (d.format === GAZETTEER_FORMAT && d.version === version) data = d;
    } catch {
      // A torn or stale file is rebuilt in memory below; the next build rewrites it.
    }
  }
  cached = fromData(data ?? buildGazetteer());
  return cached;
}

function fromData(d: GazetteerData): Gazetteer {
  const entries = new Map(Object.entries(d.entries));
  const maxTokens = new Map<string, number>();
  const lowerFirst = new Set<string>();
  for (const [k, list] of entries) {
    const parts = k.split(' ');
    const first = parts[0]!;
    if ((maxTokens.get(first) ?? 0) < parts.length) maxTokens.set(first, parts.length);
    if (list.some((e) => e[4] & F_LOWER)) lowerFirst.add(first);
  }
  const cues = new Map<string, Map<string, Set<string>>>();
  for (const [name, byCc] of Object.entries(d.cues)) {
    cues.set(name, new Map(Object.entries(byCc).map(([cc, ws]) => [cc, new Set(ws)])));
  }
  return {
    entries,
    maxTokens,
    lowerFirst,
    abbrev: new Map(Object.entries(d.abbrev)),
    abbrevFirst: new Set(Object.keys(d.abbrev).map((k) => k.split(' ')[0]!)),
    datelinePlaces: new Map(Object.entries(d.datelinePlaces)),
    cues,
  };
}
