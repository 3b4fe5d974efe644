/**
 * A declared language (RSS <language>, Atom xml:lang, a source's setting) as
 * an ISO 639-1 code: the primary subtag of a BCP 47 tag (RFC 5646 section
 * 2.1), lower case. "en-US", "en_gb", "EN" give "en"; "pl-PL" gives "pl".
 * Codes ISO 639 withdrew but feeds still send are mapped to the current ones
 * (iw -> he, in -> id, ji -> yi). A few three-letter codes with a two-letter
 * equivalent are mapped; other values give null.
 */
const LEGACY: Record<string, string> = { iw: 'he', in: 'id', ji: 'yi', jw: 'jv', mo: 'ro' };
const THREE: Record<string, string> = {
  eng: 'en', pol: 'pl', fra: 'fr', fre: 'fr', deu: 'de', ger: 'de', spa: 'es', por: 'pt', rus: 'ru', ukr: 'uk',
  ara: 'ar', zho: 'zh', chi: 'zh', jpn: 'ja', ita: 'it', nld: 'nl', dut: 'nl', tur: 'tr', hin: 'hi',
};

export function normalizeLanguageTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/, 1)[0] ?? '';
  if (/^[a-z]{2}$/.test(primary)) return LEGACY[primary] ?? primary;
  if (/^[a-z]{3}$/.test(primary)) return THREE[primary] ?? null;
  return null;
}
