/**
 * Tokens the topic model reads: lower-cased words of the title (counted
 * twice: a headline names its subject) and the summary, markup and links
 * removed, numbers and one-letter words dropped. Polish words are cut to
 * their first POLISH_STEM letters, which folds most case endings
 * ("wyborach", "wyborczy" → "wybor"); English words lose a plural "s".
 */
const WORD_RE = /\p{L}[\p{L}'’-]*/gu;
const POLISH_STEM = 6;
/** Words of a summary read; a feed summary is short, a full text is not needed to name a topic. */
const MAX_TEXT = 600;

export type ModelLanguage = 'en' | 'pl';

/** The model language for a BCP 47 tag, or null when no model covers it. */
export function modelLanguage(tag: string | null | undefined): ModelLanguage | null {
  const base = (tag ?? '').slice(0, 2).toLowerCase();
  return base === 'en' || base === 'pl' ? base : null;
}

function stem(word: string, lang: ModelLanguage): string {
  if (lang === 'pl') return word.length > POLISH_STEM ? word.slice(0, POLISH_STEM) : word;
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function push(out: string[], text: string, lang: ModelLanguage): void {
  for (const m of text.toLowerCase().matchAll(WORD_RE)) {
    const w = m[0].replace(/['’-]+$/u, '').replace(/['’]s$/u, '');
    if (w.length > 1) out.push(stem(w, lang));
  }
}

export function topicTokens(title: string, text: string, lang: ModelLanguage): string[] {
  const out: string[] = [];
  push(out, title, lang);
  push(out, title, lang);
  const clean = text.slice(0, MAX_TEXT * 2).replace(/<[^>]*>?/g, ' ').replace(/https?:\/\/\S+/g, ' ').slice(0, MAX_TEXT);
  push(out, clean, lang);
  return out;
}
