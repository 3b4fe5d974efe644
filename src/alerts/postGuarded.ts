/**
 * One POST to an alert target through the same SSRF guard as the feed
 * fetcher (ingest/fetch): the URL is checked first (checkUrl: http(s), no
 * bad port, no private IP literal) and every connection's DNS answer is
 * checked at connect time (guardedLookup), so a name that resolves to a
 * private address is refused whatever it resolved to before. Loopback only
 * with GLOBEDESK_ALLOW_LOOPBACK=1; private networks never.
 *
 * Redirects are not followed: a webhook that answers 3xx has moved, and
 * following it would let a public host bounce the desk to a private one.
 */
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { err, ok, type Result } from '../domain/result.js';
import { checkUrl } from '../ingest/fetch/checkUrl.js';
import { ForbiddenAddressError, guardedLookup, type Resolver } from '../ingest/fetch/guardedLookup.js';

/** A target gets this long, in all, to answer; a hanging one is an attempt that failed. */
export const POST_TIMEOUT_MS = 10_000;
/** Most bytes of a target's answer read (kept for the log's message only). */
export const MAX_ANSWER_BYTES = 4_096;

export interface PostOutcome {
  status: number;
  durationMs: number;
  /** The start of the answer, for the delivery log. */
  answer: string;
}

const agents = new Map<string, Agent>();
function agentFor(allowLoopback: boolean, resolver?: Resolver): Agent {
  if (resolver) return new Agent({ connect: { lookup: guardedLookup({ allowLoopback }, resolver), timeout: POST_TIMEOUT_MS } });
  const key = String(allowLoopback);
  let a = agents.get(key);
  if (!a) agents.set(key, (a = new Agent({ connect: { lookup: guardedLookup({ allowLoopback }), timeout: POST_TIMEOUT_MS }, connections: 4 })));
  return a;
}

export async function postGuarded(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { allowLoopback: boolean; timeoutMs?: number; resolver?: Resolver; userAgent?: string },
): Promise<Result<PostOutcome>> {
  const checked = checkUrl(url, { allowLoopback: opts.allowLoopback });
  if (!checked.ok) return err('alerts', checked.error.code, checked.error.message.replace('the desk only fetches public addresses', 'alerts are only sent to public addresses'));
  const t0 = performance.now();
  try {
    const res = await request(checked.value.href, {
      method: 'POST',
      headers: { 'user-agent': opts.userAgent ?? 'Globedesk-Alerts/0.1', ...headers },
      body,
      dispatcher: agentFor(opts.allowLoopback, opts.resolver),
      signal: AbortSignal.timeout(opts.timeoutMs ?? POST_TIMEOUT_MS),
      maxRedirections: 0,
    } as Parameters<typeof request>[1]);
    let answer = '';
    for await (const chunk of res.body) {
      if (answer.length < MAX_ANSWER_BYTES) answer += Buffer.from(chunk as Uint8Array).toString('utf8');
    }
    return ok({ status: res.statusCode, durationMs: performance.now() - t0, answer: answer.slice(0, 200) });
  } catch (e) {
    const cause = (e as { cause?: unknown }).cause ?? e;
    if (cause instanceof ForbiddenAddressError || e instanceof ForbiddenAddressError) {
      const f = (cause instanceof ForbiddenAddressError ? cause : e) as ForbiddenAddressError;
      return err('alerts', 'private_address', `${f.hostname} resolves to ${f.address}, a ${f.reason} address; alerts are only sent to public addresses`, e);
    }
    const name = (e as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return err('alerts', 'timeout', `${checked.value.host} did not answer within ${Math.round((opts.timeoutMs ?? POST_TIMEOUT_MS) / 1000)} s`, e);
    const code = (cause as { code?: string }).code ?? (e as { code?: string }).code;
    return err('alerts', 'unreachable', `${checked.value.host} could not be reached${code ? ` (${code})` : ''}`, e);
  }
}
