/**
 * HTML by string building with escaping on by default: every interpolated value
 * is escaped unless it is a `Raw` (already-built markup). Escapes the five
 * characters that matter in text and double-quoted attributes (HTML Living
 * Standard, "Serializing HTML fragments").
 */
export class Raw {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export const raw = (s: string): Raw => new Raw(s);

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(v: unknown): string {
  return String(v).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

function part(v: unknown): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Raw) return v.value;
  if (Array.isArray(v)) return v.map(part).join('');
  return esc(v);
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes text; arrays join; null/false vanish. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1]!;
  return new Raw(out);
}
