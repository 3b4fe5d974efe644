/**
 * The alerts' own loop beside the desk loop: every ALERT_INTERVAL_MS it
 * evaluates the rules against stories changed since its last run, then
 * sends due deliveries. It reads what the pipeline wrote (stories.updated_at)
 * rather than being called from inside it, so a slow or failing webhook can
 * never hold up ingest, and a crash of either loses nothing: the watermark
 * and the outbox are in the database. Runs never overlap; a run that fails
 * is logged and the next one runs. On PostgreSQL, where every `serve`
 * process of a desk runs this loop, a run holds the `alerts` lease and a
 * process that finds it taken skips its turn: one evaluator and one sender
 * at a time across the desk, so no rule fires or delivers twice at once.
 */
import type { Config } from '../config/config.js';
import type { Store } from '../storage/db.js';
import { evaluateAlerts } from './evaluateAlerts.js';
import { deliverAlerts } from './deliverAlerts.js';
import { sendDigests } from './sendDigests.js';
import { tryWithLease } from '../storage/leases.js';
import type { Transporter } from 'nodemailer';

export const ALERT_INTERVAL_MS = 5_000;

export interface AlertWorker {
  /** One run now (tests, and the first run at start). */
  run(): Promise<void>;
  stop(): Promise<void>;
}

export function startAlertWorker(store: Store, config: Config, opts: { clock?: () => Date; baseUrl?: string | null; log?: (line: string) => void; intervalMs?: number; autostart?: boolean; mail?: { transport: Transporter; from: string } | null } = {}): AlertWorker {
  const clock = opts.clock ?? (() => new Date());
  const log = opts.log ?? (() => {});
  let running: Promise<void> | null = null;
  const once = async () => {
    try {
      const now = clock();
      const e = await evaluateAlerts(store, now, { baseUrl: opts.baseUrl ?? null });
      const d = await deliverAlerts(store, now, { allowLoopback: config.allowLoopback });
      if (e.fired || d.attempted) log(`alerts: ${e.fired} fired, ${d.delivered} delivered, ${d.retrying} to retry, ${d.dead} dead`);
      if (opts.mail) {
        const m = await sendDigests(store, now, opts.mail, { baseUrl: opts.baseUrl ?? null });
        if (m.sent || m.failed) log(`alerts: ${m.sent} email digests sent, ${m.failed} to retry`);
      }
    } catch (err) {
      log(`alerts: run failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const turn = async () => {
    if (store.engine === 'sqlite') return once();
    try {
      await tryWithLease(store, 'alerts', once);
    } catch (err) {
      log(`alerts: run failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const run = () => (running ??= turn().finally(() => (running = null)));
  const timer = opts.autostart === false ? null : setInterval(() => void run(), opts.intervalMs ?? ALERT_INTERVAL_MS);
  timer?.unref();
  return {
    run,
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
