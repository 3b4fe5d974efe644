/**
 * Email digests of alert rules over SMTP (nodemailer): for each rule with a
 * digest whose period (hourly or daily) has passed, one message listing the
 * stories it fired since the last digest, or nothing when it fired none.
 *
 * The digest's watermark (sent_until) moves only after the SMTP server
 * accepted the message, so a server that refuses or is down gets the same
 * events at the next run, and none is lost. The Message-ID is derived from
 * the rule and the watermark, so a retry after a lost acceptance is the
 * same message to a receiving server that drops duplicates.
 *
 * Settings (read once at start, a wrong value fails loudly):
 * GLOBEDESK_SMTP_URL (smtp://user:pass@host:587 or smtps://…) and
 * GLOBEDESK_MAIL_FROM. Without GLOBEDESK_SMTP_URL no digest is sent and
 * the API refuses to set one.
 */
import { createTransport, type Transporter } from 'nodemailer';
import type { Store } from '../storage/db.js';
import { dueDigests, eventsBetween, markDigestSent, setDigestError } from '../storage/alerts/digests.js';

export interface MailSettings {
  url: string;
  from: string;
}

export class MailSettingsError extends Error {}

export function loadMailSettings(env: NodeJS.ProcessEnv): MailSettings | null {
  const url = env.GLOBEDESK_SMTP_URL;
  if (url === undefined || url === '') return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new MailSettingsError(`GLOBEDESK_SMTP_URL: "${url.replace(/\/\/[^@]*@/, '//…@').slice(0, 80)}" is not a URL; use smtp://user:pass@host:587 or smtps://host:465`);
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new MailSettingsError(`GLOBEDESK_SMTP_URL: use smtp:// or smtps://, not ${u.protocol}`);
  const from = env.GLOBEDESK_MAIL_FROM ?? '';
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(from)) throw new MailSettingsError('GLOBEDESK_MAIL_FROM: the sender address of digests, e.g. desk@example.org, is required with GLOBEDESK_SMTP_URL');
  return { url, from };
}

/** An address a digest may go to: one plain mailbox, no display name, no list. */
export const EMAIL_RE = /^[^\s@<>,;"]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$/;

export function mailTransport(s: MailSettings): Transporter {
  // Bounded: a server that hangs fails the run instead of holding it.
  return createTransport(s.url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never);
}

export interface DigestReport {
  sent: number;
  empty: number;
  failed: number;
}

interface Payload {
  story: { headline: string; summary: string; url: string; outlets: number; regions: number; phase: string };
}

export function digestText(ruleName: string, query: string, events: { trigger: string; payload: string; firedAt: string }[], baseUrl: string | null): string {
  const lines = [`Globedesk alert "${ruleName}" (${query}): ${events.length} ${events.length === 1 ? 'story' : 'stories'}`, ''];
  for (const e of events) {
    const p = JSON.parse(e.payload) as Payload;
    const url = p.story.url.startsWith('/') && baseUrl ? baseUrl.replace(/\/$/, '') + p.story.url : p.story.url;
    lines.push(`* ${p.story.headline}`, `  ${p.story.outlets} outlets, ${p.story.regions} regions, ${p.story.phase}; ${e.trigger} at ${e.firedAt}`, `  ${url}`);
    if (p.story.summary) lines.push(`  ${p.story.summary}`);
    lines.push('');
  }
  return lines.join('\n');
}

export async function sendDigests(store: Store, now: Date, mail: { transport: Transporter; from: string }, opts: { baseUrl?: string | null } = {}): Promise<DigestReport> {
  const report: DigestReport = { sent: 0, empty: 0, failed: 0 };
  for (const d of await dueDigests(store, now)) {
    const events = await eventsBetween(store, d.ruleId, d.sentUntil, now.toISOString());
    if (events.length === 0) {
      await markDigestSent(store, d.ruleId, now);
      report.empty++;
      continue;
    }
    try {
      await mail.transport.sendMail({
        from: mail.from,
        to: d.address,
        subject: `Globedesk: ${events.length} ${events.length === 1 ? 'story' : 'stories'} for "${d.ruleName}"`,
        text: digestText(d.ruleName, d.query, events, opts.baseUrl ?? null),
        messageId: `<digest-${d.ruleId}-${Date.parse(d.sentUntil)}-${events[events.length - 1]!.id}@globedesk>`,
      });
      await markDigestSent(store, d.ruleId, now);
      report.sent++;
    } catch (e) {
      const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
      await setDigestError(store, d.ruleId, `email digest to ${d.address} not sent (will retry at the next run): ${msg}`, now);
      report.failed++;
    }
  }
  return report;
}
