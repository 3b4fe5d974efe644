/**
 * The poll queue's policy on a real PostgreSQL (pg-boss 10): a poll job left
 * active that nobody will finish (its worker killed, or its outcome lost
 * while the server was away) holds back no other job, not even its own
 * source's next one (the source's lease keeps two polls of it apart,
 * startWorker.ts). With pg-boss's "stately" policy it held back every
 * source: fetching the source's next job broke a unique index, which
 * pg-boss takes for an empty queue, until the dead job expired (300 s by
 * default; serverAway.test.ts found it). One waiting job per source still.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import PgBoss from 'pg-boss';
import { engines, testDatabaseUrl } from '../../test/pg/engines.js';
import { createQueues, JOB_TIMEOUT_S, QUEUES, sourceKey } from './queues.js';

if (engines().includes('postgres')) {
  test('poll-source: a job left active holds back no other poll, its own source\'s next one included; one waiting job per source', async (t) => {
    const url = await testDatabaseUrl(t, 'gd_queues');
    const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false });
    boss.on('error', () => {});
    await boss.start();
    t.after(() => boss.stop({ graceful: false, wait: true }));
    await createQueues(boss, JOB_TIMEOUT_S);
    const poll = (sourceId: number) => boss.send(QUEUES.pollSource, { sourceId }, { singletonKey: sourceKey(sourceId) });

    assert.notEqual(await poll(1), null);
    const [dead] = await boss.fetch<{ sourceId: number }>(QUEUES.pollSource);
    assert.equal(dead?.data.sourceId, 1, 'taken, and never finished');
    // The next plans: source 1 is still due, and so is source 2.
    assert.notEqual(await poll(1), null, "source 1's next poll waits");
    assert.equal(await poll(1), null, 'one waiting job per source');
    assert.notEqual(await poll(2), null);
    const taken: number[] = [];
    for (let i = 0; i < 3; i++) for (const j of await boss.fetch<{ sourceId: number }>(QUEUES.pollSource)) taken.push(j.data.sourceId);
    assert.deepEqual(taken.sort(), [1, 2]);
  });
}
