/**
 * Fills a precomputed map geometry with this request's coverage. Colours are
 * CSS classes (c0..c5) so light and dark themes pick their own palette.
 */
import { esc, raw, type Raw } from '../html.js';
import type { MapGeometry } from './worldMap.js';

export interface MapData {
  /** Articles focused on each country in the window. */
  counts: Map<string, number>;
  /** Field reports datelined in each country in the window, with place names. */
  reports: Map<string, { count: number; places: string[] }>;
  /** Country drawn as selected (country pages). */
  selected?: string | null;
  /** Link of a country; includes ?at= when time travelling. */
  href: (code: string) => string;
  /** Accessible description of the whole map. */
  label: string;
}

/** Coverage classes: log-like steps so a single article still shows. */
export function bucket(n: number): number {
  if (n <= 0) return 0;
  if (n < 3) return 1;
  if (n < 10) return 2;
  if (n < 30) return 3;
  if (n < 100) return 4;
  return 5;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function titleOf(name: string, n: number, rep: { count: number; places: string[] } | undefined): string {
  let t = `${name}: ${plural(n, 'article', 'articles')}`;
  if (rep) t += `; ${plural(rep.count, 'field report', 'field reports')} from ${rep.places.slice(0, 3).join(', ')}`;
  return t;
}

export function renderMap(geom: MapGeometry, data: MapData): Raw {
  const parts: string[] = [];
  parts.push(
    `<svg class="map" viewBox="0 0 ${geom.width} ${geom.height}" role="group" aria-label="${esc(data.label)}" xmlns="http://www.w3.org/2000/svg">`,
    `<rect class="sea" width="${geom.width}" height="${geom.height}" rx="4"/>`,
  );
  for (const s of geom.shapes) {
    if (!s.code) {
      parts.push(`<path class="c0 nolink" d="${s.d}"/>`);
      continue;
    }
    const n = data.counts.get(s.code) ?? 0;
    const sel = data.selected === s.code ? ' sel' : '';
    parts.push(
      `<a href="${esc(data.href(s.code))}"><title>${esc(titleOf(s.name, n, data.reports.get(s.code)))}</title><path class="c${bucket(n)}${sel}" d="${s.d}"/></a>`,
    );
  }
  // Micro-states with coverage: a dot sized to be clickable, drawn over the land.
  for (const code of geom.micro) {
    const n = data.counts.get(code) ?? 0;
    const p = geom.points.get(code);
    if (!p || (n === 0 && data.selected !== code)) continue;
    parts.push(
      `<a href="${esc(data.href(code))}" class="micro"><title>${esc(titleOf(p.name, n, data.reports.get(code)))}</title><circle class="c${bucket(n)}" cx="${p.x}" cy="${p.y}" r="4"/></a>`,
    );
  }
  // On-the-ground reports: a ring at the dateline country.
  for (const [code, rep] of data.reports) {
    const p = geom.points.get(code);
    if (!p) continue;
    const r = Math.min(9, 3 + Math.sqrt(rep.count) * 1.5).toFixed(1);
    parts.push(
      `<a href="${esc(data.href(code))}" class="report"><title>${esc(`On the ground in ${p.name}: ${rep.places.slice(0, 3).join(', ')} (${plural(rep.count, 'report', 'reports')})`)}</title><circle cx="${p.x}" cy="${p.y}" r="${r}"/></a>`,
    );
  }
  parts.push('</svg>');
  return raw(parts.join(''));
}

export function renderLegend(windowLabel: string): Raw {
  const steps = ['none', '1–2', '3–9', '10–29', '30–99', '100+'];
  const items = steps.map((s, i) => `<li><span class="sw c${i}" aria-hidden="true"></span>${s}</li>`).join('');
  return raw(
    `<div class="legend"><span>Articles ${esc(windowLabel)}:</span><ul>${items}<li><span class="sw ring" aria-hidden="true"></span>on-the-ground report</li></ul></div>`,
  );
}
