/**
 * The fuzz target for the XML reader, sanitizeHtml and htmlToText
 * (test/hostile/fuzz.ts), run longer than in `npm test`: more inputs, bigger
 * ones, a seed of your choice. Fails (exit 1) when any input costs more than
 * RATIO x a well-formed document of its size plus FLOOR_MS, and prints the
 * seed to replay it. First it times the cases issue 9 measured, at the
 * issue's sizes, beside well-formed documents of the same size.
 *   npm run bench -- fuzz
 *   GLOBEDESK_FUZZ_SEED=7 GLOBEDESK_FUZZ_SECONDS=300 GLOBEDESK_FUZZ_SIZE=1000000 npm run bench -- fuzz
 */
import type { Figures } from '../test/runNamed.js';
import { fuzz, FLOOR_MS, RATIO, medianMs, wellFormedFeed, wellFormedHtml } from '../test/hostile/fuzz.js';
import { parseXml } from '../src/ingest/parse/parseXml.js';
import { parseFeed } from '../src/ingest/parse/parseFeed.js';
import { htmlToText } from '../src/ingest/sanitize/htmlToText.js';

/** A root element with `n` namespace declarations, padded with well-formed items to about `size` characters. */
function namespaceFeed(n: number, inner: string, size = 0): string {
  const decls = Array.from({ length: n }, (_, i) => ` xmlns:p${i}="http://example.com/ns/${i}"`).join('');
  const head = `<rss version="2.0"${decls}><channel><title>t</title>${inner}`;
  const pad = size > head.length ? wellFormedFeed(size - head.length).replace(/^[\s\S]*?<link>https:\/\/example.com\/<\/link>/, '').replace('</channel></rss>', '') : '';
  return `${head}${pad}</channel></rss>`;
}

/** The cases issue 9 measured (items 2 and 3), at the issue's sizes, each beside a well-formed document of its size. */
const ISSUE_CASES: { name: string; run: (s: string) => unknown; make: () => string; baseline: (n: number) => string }[] = [
  { name: 'XML: 1 MB of bare &', run: (s) => parseXml(s), make: () => `<rss><channel><title>${'&'.repeat(1_000_000)};</title></channel></rss>`, baseline: wellFormedFeed },
  { name: 'XML: 2 MB of bare &', run: (s) => parseXml(s), make: () => `<rss><channel><title>${'&'.repeat(2_000_000)};</title></channel></rss>`, baseline: wellFormedFeed },
  { name: 'XML: 50,000 declarations on the root, 3.7 MB feed', run: (s) => parseXml(s), make: () => namespaceFeed(50_000, '', 3_700_000), baseline: wellFormedFeed },
  { name: 'XML: 20,000 root prefixes, 4,000 declaring elements', run: (s) => parseXml(s), make: () => namespaceFeed(20_000, '<x xmlns:q="http://example.com/q"><q:y/></x>'.repeat(4_000)), baseline: wellFormedFeed },
  { name: 'htmlToText: 80,000 unclosed <script>', run: (s) => htmlToText(s), make: () => 'a<script>'.repeat(80_000), baseline: wellFormedHtml },
  { name: 'htmlToText: 300,000 unclosed <script>', run: (s) => htmlToText(s), make: () => 'a<script>'.repeat(300_000), baseline: wellFormedHtml },
  {
    name: 'parseFeed: 1.1 MB feed, one title of 80,000 unclosed <script>',
    run: (s) => parseFeed(s, { now: new Date('2024-01-01T00:00:00Z') }),
    make: () => wellFormedFeed(460_000).replace('<title>Report 0', `<title><![CDATA[${'<script>'.repeat(80_000)}]]></title><title>Report 0`),
    baseline: wellFormedFeed,
  },
];

function issueCases(figures: Figures): void {
  for (const c of ISSUE_CASES) {
    const input = c.make();
    const base = c.baseline(input.length);
    c.run(base);
    c.run(input);
    const ms = medianMs(() => c.run(input), 3);
    const baseMs = medianMs(() => c.run(base), 3);
    const ratio = Math.round((ms / baseMs) * 100) / 100;
    console.log(`${c.name}: ${(input.length / 1e6).toFixed(2)} MB in ${ms.toFixed(0)} ms; well-formed of the same size ${baseMs.toFixed(0)} ms (${ratio}x)`);
    figures[c.name] = `${ms.toFixed(0)} ms vs ${baseMs.toFixed(0)} ms (${ratio}x)`;
  }
}

export async function benchFuzz(): Promise<Figures> {
  const seed = Number(process.env.GLOBEDESK_FUZZ_SEED ?? 1);
  const seconds = Number(process.env.GLOBEDESK_FUZZ_SECONDS ?? 60);
  const size = Number(process.env.GLOBEDESK_FUZZ_SIZE ?? 400_000);
  const figures: Figures = {};
  issueCases(figures);
  const r = fuzz({ seed, size, budgetMs: seconds * 1000 });
  Object.assign(figures, { seed, seconds, size, inputs: r.inputs, slow: r.slow.length, bound: `${RATIO}x + ${FLOOR_MS} ms` });
  for (const [name, w] of Object.entries(r.worst)) {
    figures[`${name}WorstRatio`] = w.ratio;
    console.log(`${name}: worst ${w.ratio}x (${w.ms} ms), seed ${w.seed}: ${w.shape}`);
  }
  console.log(JSON.stringify(figures));
  if (r.slow.length > 0) throw new Error(`fuzz: ${r.slow.length} slow input(s):\n${JSON.stringify(r.slow, null, 2)}`);
  return figures;
}
