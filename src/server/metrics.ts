/**
 * Prometheus metrics in the text exposition format 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/):
 * request latency as a histogram by route (the route pattern, so label
 * cardinality is bounded by the route table), and, read at scrape time from
 * the database, fetch counts and errors per source, articles and stories.
 */
import type { Store } from '../storage/db.js';
import { deskCounts, sourceCounters } from '../storage/deskCounts.js';

/** Seconds; chosen around the page budget (20 ms median, 100 ms p99). */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

interface Hist {
  counts: number[];
  sum: number;
  count: number;
}

function label(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

export class Metrics {
  private hist = new Map<string, Hist>();
  private statuses = new Map<string, number>();

  observe(route: string, method: string, status: number, seconds: number): void {
    const key = `${method} ${route}`;
    let h = this.hist.get(key);
    if (!h) {
      h = { counts: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.hist.set(key, h);
    }
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (seconds <= LATENCY_BUCKETS[i]!) h.counts[i]!++;
    h.sum += seconds;
    h.count++;
    const sk = `${key} ${Math.floor(status / 100)}xx`;
    this.statuses.set(sk, (this.statuses.get(sk) ?? 0) + 1);
  }

  async render(store: Store): Promise<string> {
    const out: string[] = [];
    out.push('# HELP globedesk_http_request_duration_seconds Time to answer an HTTP request, by route.', '# TYPE globedesk_http_request_duration_seconds histogram');
    for (const [key, h] of this.hist) {
      const [method, route] = key.split(' ') as [string, string];
      const l = `method="${label(method)}",route="${label(route)}"`;
      LATENCY_BUCKETS.forEach((b, i) => out.push(`globedesk_http_request_duration_seconds_bucket{${l},le="${b}"} ${h.counts[i]}`));
      out.push(`globedesk_http_request_duration_seconds_bucket{${l},le="+Inf"} ${h.count}`);
      out.push(`globedesk_http_request_duration_seconds_sum{${l}} ${h.sum}`);
      out.push(`globedesk_http_request_duration_seconds_count{${l}} ${h.count}`);
    }
    out.push('# HELP globedesk_http_requests_total HTTP requests by route and status class.', '# TYPE globedesk_http_requests_total counter');
    for (const [key, n] of this.statuses) {
      const [method, route, status] = key.split(' ') as [string, string, string];
      out.push(`globedesk_http_requests_total{method="${label(method)}",route="${label(route)}",status="${status}"} ${n}`);
    }
    const sources = await sourceCounters(store);
    const per = (name: string, help: string, type: string, pick: (s: (typeof sources)[number]) => number) => {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const s of sources) out.push(`${name}{source_id="${s.id}",source="${label(s.name)}"} ${pick(s)}`);
    };
    per('globedesk_source_fetches_total', 'Feed fetches attempted, per source.', 'counter', (s) => s.fetch_count);
    per('globedesk_source_fetch_errors_total', 'Feed fetches that failed, per source.', 'counter', (s) => s.error_count);
    per('globedesk_source_items_seen', 'Items seen in the feed, per source.', 'gauge', (s) => s.items_seen);
    per('globedesk_source_consecutive_failures', 'Failures since the last success, per source.', 'gauge', (s) => s.consecutive_failures);
    const counts = await deskCounts(store);
    out.push('# HELP globedesk_articles Articles stored.', '# TYPE globedesk_articles gauge', `globedesk_articles ${counts.articles}`);
    out.push('# HELP globedesk_stories Stories (not merged into another).', '# TYPE globedesk_stories gauge', `globedesk_stories ${counts.stories}`);
    out.push('# HELP globedesk_sources Sources configured.', '# TYPE globedesk_sources gauge', `globedesk_sources ${sources.length}`);
    return out.join('\n') + '\n';
  }
}
