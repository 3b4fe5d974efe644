/**
 * Alerts end to end on a real desk (the fixture, on each engine: a SQLite
 * file, and a PostgreSQL schema when one is given) and real HTTP
 * receivers on loopback: rules are checked, fire once per story and
 * trigger (also across updates and merges), and their deliveries are
 * signed, retried with backoff, dead-lettered and logged. Story changes are
 * written to the stories table as the pipeline's refresh writes them
 * (updated_at, phase, merged_into).
 */
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import type { Store } from '../storage/db.js';
import { fillDeskFixture, FIXTURE_NOW } from '../web/testdata/deskFixture.js';
import { engines, suiteStore } from '../../test/pg/engines.js';
import { addRule } from '../storage/alerts/addRule.js';
import { getRule } from '../storage/alerts/listRules.js';
import { listDeliveries, listRuleEvents } from '../storage/alerts/deliveries.js';
import { checkRule, type RuleInput } from './checkRule.js';
import { evaluateAlerts } from './evaluateAlerts.js';
import { deliverAlerts, backoffMs } from './deliverAlerts.js';

/** The desk of the suite running now (one suite per engine, run one after the other). */
let store: Store;
let receiver: Server;
let base: string;
/** What the receiver got, and how it answers: a status, or 'hang'. */
let got: { path: string; headers: IncomingMessage['headers']; body: string }[] = [];
let answer: number | 'hang' = 200;

before(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      got.push({ path: req.url ?? '', headers: req.headers, body });
      if (answer === 'hang') return; // never answers
      res.writeHead(answer, { 'content-type': 'text/plain' });
      res.end(answer === 200 ? 'ok' : 'receiver is down');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

after(async () => {
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
});

let clock = FIXTURE_NOW.getTime();
const tick = (ms: number) => new Date((clock += ms));

for (const engine of engines()) describe(`alerts on ${engine}`, () => {
  let done: () => Promise<void>;
  before(async () => {
    const s = await suiteStore(engine);
    done = s.done;
    store = (await fillDeskFixture(s.store)).store;
  });
  after(() => done());

  beforeEach(async () => {
    got = [];
    answer = 200;
    await sql`DELETE FROM alert_rules`.execute(store.db);
  });

  async function rule(input: RuleInput) {
    const r = checkRule(input, null, new Date(clock), { allowLoopback: true });
    if (!r.ok) throw new Error(r.error.message);
    return addRule(store, r.value);
  }

  /** What the pipeline's refresh does to a story it touches. */
  async function touch(ids: string[], set: Record<string, unknown> = {}) {
    const at = tick(1000).toISOString();
    for (const id of ids) await store.db.updateTable('stories').set({ updated_at: at, ...set }).where('id', '=', id).execute();
  }

  const allStories = async () => (await store.db.selectFrom('stories').select('id').where('merged_into', 'is', null).execute()).map((r) => r.id);

  test('rules are checked: bad query, trigger, thresholds and targets get a clear message', () => {
    const now = new Date(clock);
    const cases: [string, RuleInput, { allowLoopback: boolean }, RegExp][] = [
      ['malformed query', { name: 'x', query: 'country:QQQ', target: 'feed' }, { allowLoopback: true }, /query: .*QQQ/],
      ['empty query', { name: 'x', query: '   ', target: 'feed' }, { allowLoopback: true }, /query: type some words/],
      ['unknown trigger', { name: 'x', query: 'Houthi', trigger: 'sometimes' }, { allowLoopback: true }, /trigger: one of new, breaking, reach/],
      ['reach without a threshold', { name: 'x', query: 'Houthi', trigger: 'reach' }, { allowLoopback: true }, /minOutlets/],
      ['private webhook target', { name: 'x', query: 'Houthi', target: 'webhook', url: 'http://10.0.0.7/hook' }, { allowLoopback: true }, /private.*alerts are only sent to public addresses/],
      ['loopback without GLOBEDESK_ALLOW_LOOPBACK', { name: 'x', query: 'Houthi', target: 'webhook', url: 'http://127.0.0.1:8080/hook' }, { allowLoopback: false }, /loopback/],
      ['not http', { name: 'x', query: 'Houthi', target: 'webhook', url: 'file:///etc/passwd' }, { allowLoopback: true }, /only http and https/],
      ['ntfy without a topic', { name: 'x', query: 'Houthi', target: 'ntfy', url: 'https://ntfy.sh/' }, { allowLoopback: true }, /topic URL/],
      ['no name', { query: 'Houthi' }, { allowLoopback: true }, /name/],
    ];
    for (const [name, input, policy, re] of cases) {
      const r = checkRule(input, null, now, policy);
      assert.equal(r.ok, false, name);
      if (!r.ok) assert.match(r.error.message, re, name);
    }
    assert.equal(checkRule({ name: 'ok', query: '"Red Sea" OR Houthi', target: 'ntfy', url: 'https://ntfy.sh/globedesk-red-sea' }, null, now, { allowLoopback: false }).ok, true);
  });

  test('triggers fire once per story and trigger, through updates and merges', async () => {
    const redSea = await rule({ name: 'Red Sea', query: '"Red Sea" OR Houthi', trigger: 'new', target: 'feed' });
    const europeBreaking = await rule({ name: 'Europe breaking', query: 'region:europe', trigger: 'breaking', target: 'feed' });
    const wide = await rule({ name: 'Wide', query: 'region:europe OR region:middle-east', trigger: 'reach', minOutlets: 5, target: 'feed' });
    const widely = (await store.db.selectFrom('stories').select(['id', 'region']).where('publisher_count', '>=', 5).execute()).filter((s) => s.region === 'europe' || s.region === 'middle-east');

    await touch(await allStories());
    await evaluateAlerts(store, new Date(clock));
    assert.deepEqual((await listRuleEvents(store, redSea.id)).map((e) => e.storyId), ['st-redsea']);
    assert.deepEqual((await listRuleEvents(store, europeBreaking.id)).map((e) => e.storyId), ['st-prague'], 'only the breaking European story');
    assert.deepEqual((await listRuleEvents(store, wide.id)).map((e) => e.storyId).sort(), widely.map((s) => s.id).sort());

    // The same stories update again: nothing repeats.
    await touch(await allStories());
    const again = await evaluateAlerts(store, new Date(clock));
    assert.equal(again.fired, 0);

    // A story turns breaking: the breaking rule fires for it now, once.
    await touch(['st-ukraine-aid'], { phase: 'breaking' });
    await evaluateAlerts(store, new Date(clock));
    await touch(['st-ukraine-aid']);
    await evaluateAlerts(store, new Date(clock));
    assert.deepEqual((await listRuleEvents(store, europeBreaking.id)).map((e) => e.storyId).sort(), ['st-prague', 'st-ukraine-aid']);

    // st-redsea merges into st-gaza: the merged story now matches "Houthi", but the rule fired for it already.
    await store.db.updateTable('story_articles').set({ story_id: 'st-gaza' }).where('story_id', '=', 'st-redsea').execute();
    await touch(['st-redsea'], { merged_into: 'st-gaza' });
    await touch(['st-gaza']);
    const merged = await evaluateAlerts(store, new Date(clock));
    assert.equal((await listRuleEvents(store, redSea.id)).length, 1, 'no second alert for the same story under a new id');
    assert.equal(merged.fired, 0);
    // Undo the merge for the tests after this one.
    await store.db.updateTable('story_articles').set({ story_id: 'st-redsea' }).where('article_id', 'like', 'a-red-%').execute();
    await touch(['st-redsea'], { merged_into: null });
  });

  test('a rule sees only stories changed after it was made', async () => {
    await touch(['st-japan']);
    const r = await rule({ name: 'Japan', query: 'Japan', target: 'feed' });
    await evaluateAlerts(store, new Date(clock));
    assert.equal((await listRuleEvents(store, r.id)).length, 0);
    await touch(['st-japan']);
    await evaluateAlerts(store, new Date(clock));
    assert.equal((await listRuleEvents(store, r.id)).length, 1);
  });

  test('webhook: signed JSON, delivered once, logged', async () => {
    const r = await rule({ name: 'Milei', query: 'Milei', target: 'webhook', url: `${base}/hook` });
    await touch(['st-milei']);
    await evaluateAlerts(store, new Date(clock));
    const rep = await deliverAlerts(store, new Date(clock), { allowLoopback: true });
    assert.deepEqual(rep, { attempted: 1, delivered: 1, retrying: 0, dead: 0 });
    assert.equal(got.length, 1);
    const h = got[0]!;
    assert.equal(h.headers['content-type'], 'application/json');
    const expected = `sha256=${createHmac('sha256', r.secret).update(h.body).digest('hex')}`;
    assert.equal(h.headers['x-globedesk-signature'], expected, 'HMAC-SHA256 of the exact body under the rule secret');
    const body = JSON.parse(h.body) as { story: { id: string; headline: string }; rule: { name: string } };
    assert.equal(body.story.id, 'st-milei');
    assert.equal(body.rule.name, 'Milei');
    // Nothing is due any more: a second run sends nothing.
    assert.equal((await deliverAlerts(store, tick(60 * 60 * 1000), { allowLoopback: true })).attempted, 0);
    const log = await listDeliveries(store, r.id);
    assert.equal(log[0]!.status, 'delivered');
    assert.equal(log[0]!.log.length, 1);
    assert.equal(log[0]!.log[0]!.httpStatus, 200);
  });

  test('webhook answering 500: exponential backoff, then the dead letter, every attempt logged', async () => {
    answer = 500;
    const r = await rule({ name: 'Sudan', query: 'Sudan', target: 'webhook', url: `${base}/down` });
    await touch(['st-sudan']);
    await evaluateAlerts(store, new Date(clock));
    const opts = { allowLoopback: true, baseBackoffMs: 1000, maxAttempts: 4 };
    assert.equal((await deliverAlerts(store, new Date(clock), opts)).retrying, 1);
    // Not yet due: half the first backoff later nothing is sent.
    assert.equal((await deliverAlerts(store, tick(500), opts)).attempted, 0);
    assert.equal((await deliverAlerts(store, tick(500), opts)).retrying, 1, 'second attempt after 1 s');
    assert.equal((await deliverAlerts(store, tick(1999), opts)).attempted, 0);
    assert.equal((await deliverAlerts(store, tick(1), opts)).retrying, 1, 'third after 2 s more');
    assert.equal((await deliverAlerts(store, tick(4000), opts)).dead, 1, 'fourth and last after 4 s more');
    assert.equal((await deliverAlerts(store, tick(60_000), opts)).attempted, 0, 'a dead delivery is never sent again');
    assert.equal(got.length, 4, 'four attempts, no more, no fewer');
    const log = await listDeliveries(store, r.id);
    assert.equal(log[0]!.status, 'dead');
    assert.deepEqual(log[0]!.log.map((a) => a.httpStatus), [500, 500, 500, 500]);
    const after = await getRule(store, r.id);
    assert.match(after!.lastError ?? '', /failed for good after 4 attempts: HTTP 500: receiver is down/);
    assert.deepEqual([1, 2, 3].map((a) => backoffMs(a)), [30_000, 60_000, 120_000]);
  });

  test('webhook that hangs: a timeout is a failed attempt, retried, and the desk goes on', async () => {
    answer = 'hang';
    const r = await rule({ name: 'Colorado', query: 'Colorado', target: 'webhook', url: `${base}/hang` });
    await touch(['st-colorado']);
    await evaluateAlerts(store, new Date(clock));
    const rep = await deliverAlerts(store, new Date(clock), { allowLoopback: true, timeoutMs: 300 });
    assert.equal(rep.retrying, 1);
    assert.match((await getRule(store, r.id))!.lastError ?? '', /did not answer within 0 s|did not answer/);
    receiver.closeAllConnections();
  });

  test('hang, then the receiver recovers: retried once, delivered, with the same delivery id both times', async () => {
    answer = 'hang';
    await rule({ name: 'Venezuela', query: 'Essequibo', target: 'webhook', url: `${base}/flaky` });
    await touch(['st-venezuela']);
    await evaluateAlerts(store, new Date(clock));
    const opts = { allowLoopback: true, timeoutMs: 300, baseBackoffMs: 1000 };
    assert.equal((await deliverAlerts(store, new Date(clock), opts)).retrying, 1);
    receiver.closeAllConnections();
    answer = 200;
    assert.equal((await deliverAlerts(store, tick(1000), opts)).delivered, 1);
    assert.equal((await deliverAlerts(store, tick(60_000), opts)).attempted, 0);
    const ids = got.filter((g) => g.path === '/flaky').map((g) => g.headers['x-globedesk-delivery']);
    assert.equal(ids.length, 2, 'the hung attempt reached the receiver, the retry too');
    assert.equal(ids[0], ids[1], 'so the receiver can drop the repeat by its delivery id');
  });

  test('an unreachable target (nothing listening) is retried with a clear message', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const r = await rule({ name: 'Drc', query: 'Congo', target: 'webhook', url: `http://127.0.0.1:${port}/gone` });
    await touch(['st-drc']);
    await evaluateAlerts(store, new Date(clock));
    assert.equal((await deliverAlerts(store, new Date(clock), { allowLoopback: true })).retrying, 1);
    assert.match((await getRule(store, r.id))!.lastError ?? '', /could not be reached \(ECONNREFUSED\).*next try/);
  });

  test('a name that resolves to a private address is refused at delivery and dead-lettered at once', async () => {
    const r = await rule({ name: 'India', query: 'India', target: 'webhook', url: 'http://hooks.example.test/in' });
    await touch(['st-india']);
    await evaluateAlerts(store, new Date(clock));
    const resolver = (_host: string, cb: (e: NodeJS.ErrnoException | null, a: { address: string; family: number }[]) => void) => cb(null, [{ address: '10.1.2.3', family: 4 }]);
    const rep = await deliverAlerts(store, new Date(clock), { allowLoopback: true, resolver });
    assert.equal(rep.dead, 1);
    assert.match((await getRule(store, r.id))!.lastError ?? '', /10\.1\.2\.3, a private.*alerts are only sent to public addresses/);
    assert.equal(got.length, 0);
  });

  test('ntfy: the headline as the message, the rule as the title, the story as the click', async () => {
    await rule({ name: 'Australia', query: 'Queensland', target: 'ntfy', url: `${base}/globedesk-au` });
    await touch(['st-australia']);
    await evaluateAlerts(store, new Date(clock), { baseUrl: 'https://desk.example.org' });
    const rep = await deliverAlerts(store, new Date(clock), { allowLoopback: true });
    assert.equal(rep.delivered, 1);
    assert.equal(got[0]!.path, '/globedesk-au');
    assert.equal(got[0]!.body, 'Cyclone Jasper floods north Queensland towns');
    assert.equal(got[0]!.headers.title, 'Globedesk: Australia');
    assert.equal(got[0]!.headers.click, 'https://desk.example.org/story/st-australia');
  });
});
