/**
 * What a report is: straight news, analysis (the desk's "geopolitical
 * insights": analysis, explainers, background, opinion, editorials, reviews),
 * a report filed from the ground, or a live blog. Every signal adds to a
 * score; the strongest kind at or above THRESHOLD wins, otherwise news.
 * Rules and accuracy: docs/analysis.md, eval/kind.ts.
 */
import type { ArticleKind, Dateline } from '../../domain/analysis.js';
import { BODY_MIN_CHARS, bodyFeatureVector, bodyStyle } from './bodyStyle.js';
import { bodyProbability, defaultBodyModel } from './bodyModel.js';

export interface ClassifyKindInput {
  title: string;
  text: string;
  url?: string | null;
  categories?: readonly string[];
  /** The outlet's home country (ISO 3166-1 alpha-2). */
  sourceCountry?: string | null;
  dateline?: Dateline | null;
  /** Dated events that lie at least two years before publication. */
  historicalEvents?: number;
}

const THRESHOLD = 3;
/** With a full text, the summary-style cues read only its opening (a feed summary's length). */
const LEAD_CHARS = 600;
/** Points the body-style model gives analysis, by its probability (tuned on the dev half). */
export const BODY_POINTS = { strong: 0.45, strongPoints: 3, weak: 0.35, weakPoints: 2, against: 0.15, againstPoints: -2 };

// URL path segments as the corpus outlets name their sections.
const URL_LIVE = /\/(?:live|liveblog|live-news|live-updates|relacja-na-zywo|na-zywo)(?:\/|-|$)|[/-]live-(?:updates|blog)|-live(?:\/|$|\?)/i;
const URL_ANALYSIS =
  /\/(?:opinion|opinions|op-ed|op-eds|analysis|explainer|explainers|features?|comment|commentisfree|commentary|editorial|editorials|columns?|columnists?|review|reviews|insight|insights|long-read|the-big-story|opinie|opinia|publicystyka|komentarze|felietony?|plus-minus|opinie-polityczno-spoleczne|opinie-ekonomiczne|analizy|idees|debats|blogs|newsletters)(?:\/|$)/i;

// The last word of the slug, where some outlets put the genre ("…-campus-free-speech-essay").
const URL_SLUG_ANALYSIS = /-(?:essay|op-?ed|opinion|explainer|explained|column)(?:\.[a-z]+)?\/?$/i;
// Republished from The Conversation (academics' analysis and explainers), as aggregators credit it.
const TEXT_CONVERSATION = /^\s*\[the conversation\b|\brepublished from the conversation\b/i;

const TITLE_LIVE = /^(?:live|live updates|live:|na żywo|relacja)\b|\blive(?: updates| blog|:)|\bas it happened\b|\bna żywo\b|\brelacja na żywo\b|\ben direct\b|\ben vivo\b|\bticker\b|[–—|-]\s*live$|[–—-][^–—-]*\blive$|\blive now\b/i;
const TITLE_ANALYSIS_STRONG =
  /^(?:analysis|opinion|explainer|commentary|comment|editorial|review|column|the big picture|insight|analiza|opinia|komentarz|felieton|wyjaśniamy|tribune|analyse|análisis)\s*[:|–—-]|^the guardian view on\b|\b(?:opinion|analysis|explainer|komentarz|opinia)\s*\|\s*|\|\s*(?:opinion|analysis)$|\bwhat we know\b|\bq&a\b|\bexplained\b|\b(?:review|recenzja)\s*[–—:-]|\bwhat (?:is|are|was|does|do|happens)\b.*\?$|\bletters?:|\bthe long read\b|\[(?:analiza|opinia|komentarz|felieton|analysis|opinion)\]/i;
// The Guardian signs every comment piece in the title: "… | Jonathan Freedland", "… | Editorial".
const TITLE_BYLINE = /\|\s*(?:editorial|\p{Lu}[\p{L}.'’-]+(?:\s+(?:de|van|von|the|on)?\s*\p{Lu}[\p{L}.'’-]+){1,3})\s*$/u;
// "Cory Morgan: Why Digital ID …" (Epoch Times, rp.pl columns). Polish news
// also opens with a quoted speaker ("Donald Tusk: …"), so it is only a hint.
const TITLE_COLUMNIST = /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}:\s/u;
const TITLE_ANALYSIS_WEAK = /^(?:why|how|what|is|can|will|should|dlaczego|czy|jak|co)\b.*\?$|^(?:why|how)\s|\bexplainer\b|\blessons? (?:from|of)\b|\binside\b|\bthe case for\b|\bthe case against\b|\bin defen[cs]e of\b/i;

const TEXT_LIVE = /\blive blog\b|\blive coverage\b|\blive updates\b|\bfollow (?:our |the )?live\b|\bas it happened\b|\bwe(?:'re| are) bringing you\b|\brelacja na żywo\b|\bna bieżąco relacjonujemy\b|\bwelcome to our (?:live )?coverage\b/i;
const TEXT_ANALYSIS = /\bwrites\b|\bcolumnist\b|\bwyjaśnia,? dlaczego\b|\bin my view\b|\bi (?:think|believe|argue)\b|\bwe must\b|\bwe should\b|\bexplains? why\b|\bhere'?s what (?:you need to know|we know)\b|\blooks at\b|\banaly[sz]es?\b|\buważam\b|\bmoim zdaniem\b|\bnaszym zdaniem\b/i;
const TEXT_REPORT = /\bour correspondent\b|\breporting from\b|\breports from\b|\bi saw\b|\bi watched\b|\bwitnessed\b|\bon the ground in\b|\bour reporter\b|\bvisited\b.*\bwhere\b|\bnasz (?:korespondent|reporter|wysłannik)\b|\bnasza (?:korespondentka|reporterka|wysłanniczka)\b|\bbyliśmy na miejscu\b|\bwidziałem\b|\bwidziałam\b|\bnotre envoyé\b|\bnuestro corresponsal\b|\bfrom the frontline\b|\bdispatch\b/i;

const CATEGORY_ANALYSIS = /^(?:opinion|opinions|analysis|comment|commentary|explainer|explainers|features?|editorial|column|columnists?|review|reviews|insight|long read|opinie|opinia|publicystyka|komentarze|felieton|analizy|plus minus)$/i;
const CATEGORY_LIVE = /^(?:live|live blog|liveblog|na żywo)$/i;

export interface KindScores {
  news: number;
  analysis: number;
  report: number;
  live: number;
}

export function scoreKind(input: ClassifyKindInput): KindScores {
  const s: KindScores = { news: 0, analysis: 0, report: 0, live: 0 };
  const title = input.title.trim();
  // A full text (not a feed's sentence or two): its style is read by the body
  // model, and the cues written for summaries read only its opening, where
  // "writes" or "analyses" mean what they mean in a summary.
  const body = input.text.length >= BODY_MIN_CHARS;
  const text = input.text.slice(0, body ? LEAD_CHARS : 3000);
  if (input.url) {
    let path = input.url;
    try {
      path = new URL(input.url).pathname;
    } catch {
      // A malformed URL is still searchable as text.
    }
    if (URL_LIVE.test(path)) s.live += 5;
    if (URL_ANALYSIS.test(path) || URL_SLUG_ANALYSIS.test(path)) s.analysis += 5;
  }
  for (const c of input.categories ?? []) {
    const cat = c.trim();
    if (CATEGORY_LIVE.test(cat)) s.live += 4;
    else if (CATEGORY_ANALYSIS.test(cat)) s.analysis += 4;
  }
  if (TITLE_LIVE.test(title) || /\bLIVE\b/u.test(title)) s.live += 4;
  if (TITLE_ANALYSIS_STRONG.test(title)) s.analysis += 4;
  else if (TITLE_ANALYSIS_WEAK.test(title)) s.analysis += 2;
  if (TEXT_LIVE.test(text)) s.live += 3;
  if (TITLE_BYLINE.test(title)) s.analysis += 4;
  if (TITLE_COLUMNIST.test(title)) s.analysis += 2;
  if (/(?:ekspert|ekspertka|prawnik|analityk)\w* wyjaśnia/iu.test(title)) s.analysis += 3;
  if (TEXT_ANALYSIS.test(text)) s.analysis += 2;
  if (TEXT_CONVERSATION.test(text)) s.analysis += 4;
  // First person in a summary is a voice, not a wire report.
  if (/(?:^|[.!?]\s+|\s)(?:I|My|my|We|we)\s/u.test(text.slice(0, 400)) && !/["“”]/u.test(text.slice(0, 400))) s.analysis += 1;
  if (TEXT_REPORT.test(text) || TEXT_REPORT.test(title)) s.report += 3;
  const dl = input.dateline;
  if (dl?.country && input.sourceCountry && dl.country.toUpperCase() !== input.sourceCountry.toUpperCase()) s.report += 3;
  // Background pieces walk through history: several dates years back.
  // A full text names many dates whatever its kind; there the body model
  // weighs past years per word instead.
  const hist = body ? 0 : (input.historicalEvents ?? 0);
  if (hist >= 3) s.analysis += 3;
  else if (hist === 2) s.analysis += 1;
  if (body) {
    const p = bodyProbability(defaultBodyModel(), bodyFeatureVector(bodyStyle(input.text, title)));
    if (p >= BODY_POINTS.strong) s.analysis += BODY_POINTS.strongPoints;
    else if (p >= BODY_POINTS.weak) s.analysis += BODY_POINTS.weakPoints;
    else if (p < BODY_POINTS.against) s.analysis += BODY_POINTS.againstPoints;
  }
  return s;
}

export function classifyKind(input: ClassifyKindInput): ArticleKind {
  const s = scoreKind(input);
  let best: ArticleKind = 'news';
  let bestScore = THRESHOLD - 1;
  // Order breaks ties: a live blog with opinion in it is still live.
  for (const k of ['live', 'analysis', 'report'] as const) {
    if (s[k] > bestScore) {
      best = k;
      bestScore = s[k];
    }
  }
  return best;
}
