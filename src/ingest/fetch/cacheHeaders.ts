/**
 * Freshness and retry hints from response headers, as whole seconds from
 * the moment the response was received. Pure: `now` is passed in.
 */

/**
 * Seconds the response stays fresh (RFC 9111 §4.2.1): Cache-Control max-age,
 * else Expires minus Date (RFC 9111 §5.3). `no-store` and `no-cache` mean
 * "revalidate every time", which is 0. Null when the server says nothing.
 */
export function parseMaxAge(cacheControl: string | null, expires: string | null, date: string | null, now: Date): number | null {
  if (cacheControl !== null) {
    const directives = cacheControl
      .toLowerCase()
      .split(',')
      .map((d) => d.trim());
    if (directives.some((d) => d === 'no-store' || d === 'no-cache')) return 0;
    for (const d of directives) {
      // RFC 9111 §1.2.2: delta-seconds; quoted values are tolerated (§5.2).
      const m = /^max-age\s*=\s*"?(\d+)"?$/.exec(d);
      if (m) return clampSeconds(Number(m[1]));
    }
  }
  if (expires !== null) {
    const exp = parseHttpDate(expires);
    // An invalid Expires, notably "0", means already expired (RFC 9111 §5.3).
    if (exp === null) return 0;
    return clampSeconds(Math.round((exp - referenceTime(date, now)) / 1000));
  }
  return null;
}

/**
 * Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. A date is
 * measured against the response's own Date header when there is one, so a
 * skewed local clock does not stretch or cut the wait. Null when absent or
 * unreadable.
 */
export function parseRetryAfter(value: string | null, date: string | null, now: Date): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return clampSeconds(Number(v));
  const at = parseHttpDate(v);
  if (at === null) return null;
  return clampSeconds(Math.ceil((at - referenceTime(date, now)) / 1000));
}

/** IMF-fixdate, RFC 850 and asctime forms (RFC 9110 §5.6.7); epoch ms or null. */
function parseHttpDate(s: string): number | null {
  const t = s.trim();
  // Date.parse reads all three forms; require a weekday-or-month word so that
  // bare numbers ("0", "3600") are not taken for dates.
  if (!/[a-z]{3}/i.test(t)) return null;
  const ms = Date.parse(/GMT|UTC|[+-]\d{4}$/i.test(t) ? t : `${t} GMT`);
  return Number.isFinite(ms) ? ms : null;
}

function referenceTime(date: string | null, now: Date): number {
  const d = date === null ? null : parseHttpDate(date);
  return d ?? now.getTime();
}

/** Non-negative, and within 32 bits as RFC 9111 §1.2.2 suggests for delta-seconds. */
function clampSeconds(n: number): number {
  if (!Number.isFinite(n) || n < 0) return 0;
  return Math.min(n, 2 ** 31 - 1);
}
