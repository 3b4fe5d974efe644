/**
 * Self-served static assets with content-hashed names, so responses can carry
 * `Cache-Control: public, max-age=31536000, immutable` (RFC 8246) and a new
 * deploy changes the URL.
 */
import { createHash } from 'node:crypto';
import { DESK_CSS } from './deskCss.js';
import { DESK_JS } from './deskJs.js';

export interface Asset {
  path: string;
  type: string;
  body: string;
}

// A globe in the brand colour; SVG favicons avoid an extra binary file.
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#a3231a"/><path d="M2 16h28M16 2c-5 4-5 24 0 28M16 2c5 4 5 24 0 28" stroke="#fff" stroke-width="2" fill="none"/></svg>`;

function asset(name: string, ext: string, type: string, body: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { path: `/assets/${name}.${hash}.${ext}`, type, body };
}

export const ASSETS = {
  css: asset('desk', 'css', 'text/css; charset=utf-8', DESK_CSS),
  js: asset('desk', 'js', 'text/javascript; charset=utf-8', DESK_JS),
  icon: asset('globe', 'svg', 'image/svg+xml', ICON),
} as const;
