/**
 * The storage contract suite for alerts (issue 10): rules, events fired once
 * per story and trigger, the delivery outbox and its attempts, email
 * digests and their watermark, the stories an evaluation reads, and the
 * `alerts` lease that keeps one process of a desk evaluating. Every case
 * runs on SQLite and on PostgreSQL (test/pg/engines.ts), on a fresh
 * migrated store of its own.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../db.js';
import { engines, sameDatabase, testStore } from '../../../test/pg/engines.js';
import { addUser } from '../accounts/addUser.js';
import { removeUser } from '../accounts/removeUser.js';
import { tryWithLease } from '../leases.js';
import { addRule, type NewRule } from './addRule.js';
import { getRule, listRules } from './listRules.js';
import { removeRule, setRuleError, setRulePaused } from './updateRule.js';
import { fireEvent } from './fireEvent.js';
import { dueDeliveries, listDeliveries, listRuleEvents, recordAttempt } from './deliveries.js';
import { dueDigests, eventsBetween, getDigest, markDigestSent, removeDigest, setDigest, setDigestError } from './digests.js';
import { touchedStories } from './touchedStories.js';
import { alertsDb } from './tables.js';

const NOW = new Date('2023-12-22T12:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const HOUR = 60;

async function user(store: Store, name: string): Promise<number> {
  const u = await addUser(store, { name, passwordHash: 'h', feverKeyHash: `f-${name}`, role: 'reader', now: NOW });
  assert.ok(u.ok);
  return u.value.id;
}

const rule = (store: Store, o: Partial<NewRule> = {}) =>
  addRule(store, { userId: null, name: 'gaza', query: 'gaza', trigger: 'new', minOutlets: null, minRegions: null, targetKind: 'webhook', targetUrl: 'https://hooks.example/x', secret: 's3cret', now: NOW, ...o });

const fire = (store: Store, ruleId: number, storyId: string, o: { mergedFrom?: string[]; trigger?: 'new' | 'breaking' | 'reach'; targetKind?: 'webhook' | 'ntfy' | 'feed'; now?: Date } = {}) =>
  fireEvent(store, { ruleId, storyId, mergedFrom: o.mergedFrom ?? [], trigger: o.trigger ?? 'new', targetKind: o.targetKind ?? 'webhook', payload: JSON.stringify({ story: storyId }), now: o.now ?? NOW });

async function story(store: Store, id: string, updatedAt: Date, o: { mergedInto?: string; headline?: string; publishers?: number } = {}): Promise<void> {
  await alertsDb(store)
    .insertInto('stories')
    .values({
      id,
      headline: o.headline ?? `headline ${id}`,
      summary: `summary ${id}`,
      headline_article_id: `${id}-a`,
      first_seen_at: '2023-12-22T09:00:00.000Z',
      last_seen_at: '2023-12-22T11:00:00.000Z',
      article_count: 3,
      publisher_count: o.publishers ?? 2,
      region_count: 1,
      importance: 1.5,
      phase: 'developing',
      focus_country: 'PS',
      region: 'middle-east',
      topic: 'conflict',
      has_analysis: 0,
      has_report: 1,
      merged_into: o.mergedInto ?? null,
      coverage: '{}',
      updated_at: updatedAt.toISOString(),
    })
    .execute();
}

const cases: { name: string; run(store: Store, t: TestContext): Promise<void> }[] = [
  {
    name: 'rules: stored as given, listed by owner and by state, paused, given an error and cleared, removed',
    async run(store) {
      const ann = await user(store, 'ann');
      const a = await rule(store, { userId: ann, name: 'reach', trigger: 'reach', minOutlets: 5, minRegions: 2, targetKind: 'ntfy', targetUrl: 'https://ntfy.example/t' });
      const b = await rule(store, { name: 'desk feed', targetKind: 'feed', targetUrl: null });
      assert.deepEqual(a, {
        id: a.id, userId: ann, name: 'reach', query: 'gaza', trigger: 'reach', minOutlets: 5, minRegions: 2, targetKind: 'ntfy', targetUrl: 'https://ntfy.example/t',
        secret: 's3cret', paused: false, createdAt: NOW.toISOString(), lastError: null, lastErrorAt: null,
      });
      assert.deepEqual(await getRule(store, a.id), a, 'read back as written');
      assert.equal(await getRule(store, a.id + b.id + 100), null);
      assert.deepEqual((await listRules(store)).map((r) => r.id), [a.id, b.id]);
      assert.deepEqual((await listRules(store, { userId: ann })).map((r) => r.id), [a.id]);
      assert.equal(await setRulePaused(store, a.id, true), true);
      assert.deepEqual((await listRules(store, { activeOnly: true })).map((r) => r.id), [b.id]);
      assert.equal((await getRule(store, a.id))?.paused, true);
      await setRuleError(store, b.id, 'HTTP 500 from the hook', at(1));
      assert.deepEqual([(await getRule(store, b.id))?.lastError, (await getRule(store, b.id))?.lastErrorAt], ['HTTP 500 from the hook', at(1).toISOString()]);
      await setRuleError(store, b.id, null, at(2));
      assert.deepEqual([(await getRule(store, b.id))?.lastError, (await getRule(store, b.id))?.lastErrorAt], [null, null]);
      assert.equal(await removeRule(store, a.id), true);
      assert.equal(await removeRule(store, a.id), false);
      assert.equal(await setRulePaused(store, a.id, false), false, 'no such rule');
      assert.deepEqual((await listRules(store)).map((r) => r.id), [b.id]);
    },
  },
  {
    name: 'events: a rule fires once per story and trigger, not again for a story merged into it; a feed rule has no delivery',
    async run(store) {
      const r = await rule(store);
      const feed = await rule(store, { name: 'feed', targetKind: 'feed', targetUrl: null });
      const first = await fire(store, r.id, 'story-1');
      assert.equal(typeof first, 'number');
      assert.equal(await fire(store, r.id, 'story-1', { now: at(5) }), null, 'the same story and trigger: once');
      assert.equal(typeof (await fire(store, r.id, 'story-1', { trigger: 'breaking' })), 'number', 'another trigger fires');
      assert.equal(await fire(store, r.id, 'story-2', { mergedFrom: ['story-1'] }), null, 'story-1 merged into story-2 already fired');
      assert.equal(typeof (await fire(store, feed.id, 'story-1', { targetKind: 'feed' })), 'number', 'another rule fires for the same story');
      assert.deepEqual(
        (await listRuleEvents(store, r.id)).map((e) => [e.storyId, e.trigger, e.firedAt]),
        [
          ['story-1', 'breaking', NOW.toISOString()],
          ['story-1', 'new', NOW.toISOString()],
        ],
        'newest first',
      );
      const deliveries = await alertsDb(store).selectFrom('alert_deliveries').select(['rule_id', 'status', 'attempts', 'next_attempt_at']).orderBy('id').execute();
      assert.deepEqual(deliveries, [
        { rule_id: r.id, status: 'pending', attempts: 0, next_attempt_at: NOW.toISOString() },
        { rule_id: r.id, status: 'pending', attempts: 0, next_attempt_at: NOW.toISOString() },
      ], 'one delivery per webhook event, due at once; none for the feed rule');
    },
  },
  {
    name: 'deliveries: due ones oldest first within the limit, none of a paused rule; each attempt logged, retried, delivered or dead',
    async run(store) {
      const r = await rule(store);
      const paused = await rule(store, { name: 'paused' });
      await fire(store, r.id, 'story-1', { now: at(0) });
      await fire(store, r.id, 'story-2', { now: at(1) });
      await fire(store, r.id, 'story-3', { now: at(2) });
      await fire(store, paused.id, 'story-1', { now: at(0) });
      await setRulePaused(store, paused.id, true);
      assert.deepEqual((await dueDeliveries(store, at(1), 10)).map((d) => d.storyId), ['story-1', 'story-2'], 'due by now, oldest first, not the paused rule');
      assert.deepEqual((await dueDeliveries(store, at(5), 2)).map((d) => d.storyId), ['story-1', 'story-2'], 'the limit');
      const [d1, d2] = await dueDeliveries(store, at(5), 10);
      assert.deepEqual(JSON.parse(d1!.payload), { story: 'story-1' });
      await recordAttempt(store, { deliveryId: d1!.id, at: at(6), httpStatus: 503, error: 'HTTP 503', durationMs: 12.4, status: 'retrying', nextAttemptAt: at(16) });
      await recordAttempt(store, { deliveryId: d2!.id, at: at(6), httpStatus: 200, error: null, durationMs: 8, status: 'delivered', nextAttemptAt: null });
      assert.deepEqual((await dueDeliveries(store, at(15), 10)).map((d) => d.storyId), ['story-3'], 'a retry waits for its time; a delivered one is done');
      assert.deepEqual((await dueDeliveries(store, at(16), 10)).map((d) => [d.storyId, d.attempts]), [['story-3', 0], ['story-1', 1]], 'ordered by when each is due');
      await recordAttempt(store, { deliveryId: d1!.id, at: at(16), httpStatus: null, error: 'connection refused', durationMs: 3, status: 'dead', nextAttemptAt: null });
      const log = await listDeliveries(store, r.id);
      assert.deepEqual(
        log.map((d) => [d.storyId, d.status, d.attempts, d.deliveredAt, d.lastError, d.log.map((l) => [l.at, l.httpStatus, l.error, l.durationMs])]),
        [
          ['story-3', 'pending', 0, null, null, []],
          ['story-2', 'delivered', 1, at(6).toISOString(), null, [[at(6).toISOString(), 200, null, 8]]],
          ['story-1', 'dead', 2, null, 'connection refused', [[at(6).toISOString(), 503, 'HTTP 503', 12], [at(16).toISOString(), null, 'connection refused', 3]]],
        ],
      );
      assert.deepEqual((await dueDeliveries(store, at(1000), 10)).map((d) => d.storyId), ['story-3'], 'a dead delivery is never due');
      assert.deepEqual((await listDeliveries(store, r.id, 1)).map((d) => d.storyId), ['story-3'], 'the limit');
    },
  },
  {
    name: 'digests: set and replaced keeping the watermark, due by period, marked sent, an error kept until sent, events between the watermarks',
    async run(store) {
      const hourly = await rule(store, { name: 'hourly' });
      const daily = await rule(store, { name: 'daily' });
      await setDigest(store, hourly.id, 'ann@example.org', 'hourly', NOW);
      await setDigest(store, daily.id, 'bob@example.org', 'daily', NOW);
      assert.deepEqual(await dueDigests(store, at(HOUR - 1)), [], 'nothing due within the hour');
      assert.deepEqual((await dueDigests(store, at(HOUR))).map((d) => [d.ruleName, d.address, d.period, d.sentUntil]), [['hourly', 'ann@example.org', 'hourly', NOW.toISOString()]]);
      assert.deepEqual((await dueDigests(store, at(24 * HOUR))).map((d) => d.ruleName), ['hourly', 'daily']);
      await setDigestError(store, hourly.id, 'SMTP 451', at(HOUR));
      assert.equal((await getDigest(store, hourly.id))?.lastError, 'SMTP 451');
      // Replaced (a new address): the watermark stays, so nothing is mailed twice or skipped; the error goes.
      await setDigest(store, hourly.id, 'ann@desk.example', 'hourly', at(30));
      assert.deepEqual(await getDigest(store, hourly.id), { ruleId: hourly.id, ruleName: 'hourly', query: 'gaza', address: 'ann@desk.example', period: 'hourly', sentUntil: NOW.toISOString(), lastError: null });
      await markDigestSent(store, hourly.id, at(HOUR));
      assert.deepEqual((await dueDigests(store, at(HOUR + 59))).map((d) => d.ruleName), [], 'sent: due again an hour after its watermark');
      assert.deepEqual((await dueDigests(store, at(2 * HOUR))).map((d) => d.ruleName), ['hourly']);
      await setRulePaused(store, daily.id, true);
      assert.deepEqual((await dueDigests(store, at(48 * HOUR))).map((d) => d.ruleName), ['hourly'], "a paused rule's digest is not due");
      await fire(store, hourly.id, 'story-0', { now: NOW });
      await fire(store, hourly.id, 'story-1', { now: at(1) });
      await fire(store, hourly.id, 'story-2', { now: at(HOUR) });
      await fire(store, hourly.id, 'story-3', { now: at(HOUR + 1) });
      assert.deepEqual(
        (await eventsBetween(store, hourly.id, NOW.toISOString(), at(HOUR).toISOString())).map((e) => e.storyId),
        ['story-1', 'story-2'],
        'after the last watermark, up to and including this one',
      );
      assert.equal(await removeDigest(store, hourly.id), true);
      assert.equal(await removeDigest(store, hourly.id), false);
      assert.equal(await getDigest(store, hourly.id), null);
    },
  },
  {
    name: "removing a rule takes its events, deliveries, attempts and digest; removing a user takes the user's rules",
    async run(store) {
      const ann = await user(store, 'ann');
      const mine = await rule(store, { userId: ann, name: 'mine' });
      const desk = await rule(store, { name: 'desk' });
      for (const r of [mine, desk]) {
        await fire(store, r.id, 'story-1');
        const [d] = (await dueDeliveries(store, NOW, 10)).filter((x) => x.ruleId === r.id);
        await recordAttempt(store, { deliveryId: d!.id, at: NOW, httpStatus: 500, error: 'HTTP 500', durationMs: 1, status: 'retrying', nextAttemptAt: at(1) });
        await setDigest(store, r.id, 'x@example.org', 'daily', NOW);
      }
      const db = alertsDb(store);
      const left = async () => ({
        events: (await db.selectFrom('alert_events').select('rule_id').execute()).map((r) => r.rule_id),
        deliveries: (await db.selectFrom('alert_deliveries').select('rule_id').execute()).map((r) => r.rule_id),
        attempts: (await db.selectFrom('alert_attempts').select('id').execute()).length,
        digests: (await dueDigests(store, at(48 * HOUR))).map((d) => d.ruleId),
      });
      assert.deepEqual(await left(), { events: [mine.id, desk.id], deliveries: [mine.id, desk.id], attempts: 2, digests: [mine.id, desk.id] });
      assert.equal(await removeUser(store, 'ann'), true);
      assert.equal(await getRule(store, mine.id), null, "the user's rule went with the user");
      assert.deepEqual(await left(), { events: [desk.id], deliveries: [desk.id], attempts: 1, digests: [desk.id] });
      assert.equal(await removeRule(store, desk.id), true);
      assert.deepEqual(await left(), { events: [], deliveries: [], attempts: 0, digests: [] });
    },
  },
  {
    name: 'touched stories: updated after the watermark, oldest update first, bounded; a merged story says so, its survivor names it',
    async run(store) {
      await story(store, 'a', at(1));
      await story(store, 'b', at(3), { publishers: 7 });
      await story(store, 'c', at(2), { mergedInto: 'b' });
      await story(store, 'd', at(0));
      await story(store, 'e', at(3));
      const touched = await touchedStories(store, at(0).toISOString());
      assert.deepEqual(
        touched.map((s) => [s.id, s.phase, s.mergedFrom, s.updatedAt]),
        [
          ['a', 'developing', [], at(1).toISOString()],
          ['c', 'merged', [], at(2).toISOString()],
          ['b', 'developing', ['c'], at(3).toISOString()],
          ['e', 'developing', [], at(3).toISOString()],
        ],
        'd (at the watermark) is not after it; ties by id',
      );
      const b = touched.find((s) => s.id === 'b')!;
      assert.deepEqual([b.headline, b.summary, b.publisherCount, b.regionCount, b.region, b.focusCountry, b.topic], ['headline b', 'summary b', 7, 1, 'middle-east', 'PS', 'conflict']);
      assert.deepEqual((await touchedStories(store, at(0).toISOString(), 2)).map((s) => s.id), ['a', 'c'], 'the limit');
      assert.deepEqual(await touchedStories(store, at(3).toISOString()), []);
    },
  },
  {
    name: 'the alerts lease: one process of the desk evaluates at a time, the next once it is done',
    async run(store, t) {
      const other = await sameDatabase(t, store);
      let inner: { ran: boolean } | null = null;
      const outer = await tryWithLease(store, 'alerts', async () => {
        inner = await tryWithLease(other, 'alerts', async () => 'evaluated twice');
        return 'evaluated';
      });
      assert.deepEqual(outer, { ran: true, value: 'evaluated' });
      assert.deepEqual(inner, { ran: false }, 'another process while the lease is held: skipped');
      assert.deepEqual(await tryWithLease(other, 'alerts', async () => 'next'), { ran: true, value: 'next' });
    },
  },
];

for (const engine of engines()) {
  for (const c of cases) test(`alerts: ${c.name} on ${engine}`, async (t) => c.run(await testStore(t, engine), t));
}
