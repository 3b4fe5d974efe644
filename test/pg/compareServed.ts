/**
 * Compares two running desks page by page (issue 10: the same desk on
 * SQLite and on PostgreSQL): the home page at three moments, every region
 * and 14 countries, every story on the API's first 100, every topic, five
 * people and organisations, the API lists and feeds; then ten searches by
 * their top 20 hits. Each answer's own origin is written ORIGIN before
 * comparing (feeds and the API link absolutely). Prints what differs.
 *
 *   node --import tsx test/pg/compareServed.ts http://127.0.0.1:18160 http://127.0.0.1:18161
 */
const [A, B] = process.argv.slice(2);
if (!A || !B) {
  process.stderr.write('usage: compareServed.ts URL_A URL_B\n');
  process.exit(2);
}

async function get(base: string, p: string): Promise<{ s: number; b: string }> {
  const r = await fetch(base + p);
  return { s: r.status, b: (await r.text()).replaceAll(base, 'ORIGIN') };
}
const json = async <T>(base: string, p: string): Promise<T> => JSON.parse((await get(base, p)).b) as T;

const paths = ['/', '/?at=2023-12-20T12:00Z', '/?at=2023-12-21T06:00Z', '/healthz', '/sources', '/api/v1/stories?limit=100', '/api/v1/stories?sort=recent&limit=100', '/api/v1/stories?phase=breaking', '/api/v1/articles?limit=100', '/api/v1/articles?kind=analysis&limit=50', '/api/v1/regions', '/api/v1/countries', '/api/v1/topics', '/api/v1/sources', '/feeds/home.json', '/feeds/kind/report.json'];
for (const r of ['africa', 'asia', 'europe', 'latin-america', 'middle-east', 'north-america', 'oceania']) paths.push(`/region/${r}`, `/api/v1/stories?region=${r}`, `/feeds/region/${r}.json`);
for (const c of ['US', 'UA', 'IL', 'PS', 'CZ', 'PL', 'GB', 'CN', 'IN', 'AR', 'VE', 'CD', 'SD', 'JP']) paths.push(`/country/${c}`, `/api/v1/stories?country=${c}`);
for (const s of (await json<{ stories: { id: string }[] }>(A, '/api/v1/stories?limit=100')).stories) paths.push(`/story/${encodeURIComponent(s.id)}`, `/api/v1/stories/${encodeURIComponent(s.id)}`);
for (const t of (await json<{ topics: { id: string }[] }>(A, '/api/v1/topics')).topics) paths.push(`/topic/${t.id}`, `/api/v1/topics/${t.id}/timeline`);
for (const e of ['person:donald_trump', 'person:volodymyr_zelensky', 'organization:hamas', 'person:javier_milei', 'person:viktor_orban']) paths.push(`/entity/${encodeURIComponent(e)}`, `/api/v1/entities/${encodeURIComponent(e)}`);

let same = 0;
const diff: string[] = [];
const failed: string[] = [];
for (const p of paths) {
  const [a, b] = [await get(A, p), await get(B, p)];
  if (a.s !== 200 || b.s !== 200) failed.push(`${p}: ${a.s} / ${b.s}`);
  else if (a.b === b.b) same++;
  else {
    let i = 0;
    while (a.b[i] === b.b[i]) i++;
    diff.push(`${p} at ${i}:\n  A: ${a.b.slice(Math.max(0, i - 80), i + 80)}\n  B: ${b.b.slice(Math.max(0, i - 80), i + 80)}`);
  }
}
const searches = ['trump', 'gaza ceasefire', 'prague', 'lang:pl', 'country:UA', 'kind:analysis', 'region:africa', 'since:2023-12-21', 'hostages -hamas', 'source:bbc'];
let inOrder = 0;
let first = 0;
let total = 0;
const searchDiff: string[] = [];
for (const q of searches) {
  type R = { total: number; hits: { id: string }[] };
  const p = `/api/v1/search?q=${encodeURIComponent(q)}&limit=20`;
  const [a, b] = [await json<R>(A, p), await json<R>(B, p)];
  const ids = (x: R) => x.hits.map((h) => h.id);
  if (a.total === b.total) total++;
  if (ids(a)[0] === ids(b)[0]) first++;
  if (JSON.stringify(ids(a)) === JSON.stringify(ids(b))) inOrder++;
  else searchDiff.push(`${q}: totals ${a.total} / ${b.total}`);
}
console.log(`pages, API answers and feeds: ${same} of ${paths.length} the same, ${diff.length} differ, ${failed.length} not 200 on both`);
console.log(`searches (top 20 hits): ${inOrder} of ${searches.length} the same hits in the same order, ${first} the same first hit, ${total} the same total`);
for (const d of diff) console.log(`differs ${d}`);
for (const f of failed) console.log(`failed ${f}`);
for (const d of searchDiff) console.log(`search ${d}`);
