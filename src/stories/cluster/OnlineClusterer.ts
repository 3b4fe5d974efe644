/**
 * The online story clusterer: single-pass assignment to story centroids over
 * an inverted index of the recent window, with a periodic merge pass.
 *
 * Lineage: single-pass clustering with TF-IDF centroids is the TDT baseline
 * (Allan et al., "Topic Detection and Tracking Pilot Study", 1998); combining
 * word TF-IDF with entity features and a time term and working over a bounded
 * window follows Miranda et al., "Multilingual Clustering of Streaming News",
 * EMNLP 2018. The "lower threshold when two distinctive terms are shared" rule
 * and the centroid-merge pass are ours, measured in docs/clustering.md.
 *
 * Everything is deterministic: Maps and the centroids' and counts' tables
 * (weightTable.ts) iterate in insertion order, ties break on story creation
 * order, and time comes from the articles, never the clock.
 */
import { keyHash, WeightTable } from './weightTable.js';
import { ANCHOR_LEN, attributedNames, emptyEvidence, extractFeatures, isAnchor, isDigestTitle, EDITION, frameRecurs, maskSlots, skeletonOf, slotFrame, slotTitle, titleTermCase, titleTerms, type SlotTitle, type TextEvidence } from './features.js';
import { CROSS_WORD_INPUTS, pairProbability, recalibratedProbability, type PairModel } from './pairModel.js';
import { enPlLexicon, translatedStems } from './bilingual.js';
import { storyProbability } from './storyModel.js';
import { mergeProbability } from './mergeModel.js';
import { withParams, type ClusterParams } from './params.js';
import { storyIdFor } from './storyId.js';
import { conceptAgreement, eventConcepts } from './eventConcepts.js';
import { fold, primaryLanguage } from './tokenize.js';
import type { ClusterDoc, Placement, Reassignment } from '../../domain/clusterDoc.js';
import { addSlot, articleCosine, centroidCosine, instancesConflict, leaveOneOutCosine, mainLanguage, NONE, otherInstance, sameOutletOnly, seqBefore, type DocExtras, type DocInfo, type Signature, type Story, type WindowDoc } from './story.js';
import { centroidDot, dot, pack, packed, packedDot, type Packed } from './vectors.js';
import { addCounts, countIn, countOut, keepBest, keyBefore } from './counting.js';
import { DayCounts } from './dayCounts.js';
import { crossAgrees, crossKeys, crossSignature, isPersonKey, namesOrganisation, withClusterEntities } from './crossKeys.js';

// The clusterer's input and output types are the domain's (storage reads and writes them too); re-exported so its API is unchanged.
export type { ClusterDoc, Placement, Reassignment } from '../../domain/clusterDoc.js';

/** A pair of stories the learned story merge scores (probeMerges): the members of each at that moment (live arrays: copy to keep) and MERGE_FEATURES. */
export interface MergeCandidate {
  young: readonly string[];
  old: readonly string[];
  features: number[];
}

/** A candidate story as a teacher sees it (training the story model: scripts/train-cluster-stories.ts). */
export interface StoryCandidate {
  storyId: string;
  articleIds: readonly string[];
  features: number[];
}

/**
 * Training only: given the candidate stories of an article and their
 * features, the story it must join (an id, even of a story not among the
 * candidates), null for a new story, or undefined to let the model decide.
 */
export type Teacher = (candidates: readonly StoryCandidate[]) => string | null | undefined;

/** The least summed weight (idf above 2 times share) of shared lexicon words that makes a story of the other language a candidate (crossWordStories). */
const CROSS_WORD_MIN = 4;
/** How many members holding a word make it count in full (crossWordStories), whatever the story's size. */
const CROSS_WORD_HOLDERS = 3;
/** How many earlier titles of the outlet must hold a slot's frame for two titles to be two instances of a series (slotConflict). */
const FRAME_RECURS = 2;
/** What bestPair's early stop leaves for rounding: it stops only when the members left fall short of its floor by more than this. */
const FLOOR_SLACK = 1e-9;

export interface ClustererStats {
  windowDocs: number;
  liveStories: number;
  indexKeys: number;
}

export class OnlineClusterer {
  readonly params: ClusterParams;
  private readonly stories = new Map<string, Story>();
  private readonly postings = new Map<string, Set<Story>>();
  /** Per English stem, the stories whose Polish members translate to it (Story.transKeys): where an English report finds a Polish story. */
  private readonly transPostings = new Map<string, Set<Story>>();
  /** Per person's cross key (`p:`), the stories with a member naming them (Story.personKeys): the merge pass's person route. */
  private readonly personPostings = new Map<string, Set<Story>>();
  /**
   * The stories of crossWordMinMembers members or more, by their title keys
   * and by their English words (Story.titleKeys, Story.transKeys): the only
   * stories crossWordStories takes, so the only ones it walks. Most stories
   * are one or two reports; walking the whole postings to skip them was most
   * of the look-up's cost. The full postings still say how common a word is.
   */
  private readonly bigTitle = new Map<string, Set<Story>>();
  private readonly bigTrans = new Map<string, Set<Story>>();
  private candEpoch = 0;
  private readonly df = new WeightTable();
  /** Per outlet, its window documents and their key counts: what tells an outlet's templates from news. */
  private readonly outletDf = new Map<string, { docs: number; df: WeightTable }>();
  private windowDocs: WindowDoc[] = [];
  /** Per outlet, its window titles as the slot rule reads them, oldest first from head (params.seriesSlotGuard: does a frame recur?). */
  private readonly outletTitles = new Map<string, { list: SlotTitle[]; head: number }>();
  private windowHead = 0;
  private readonly articleStory = new Map<string, string>();
  /**
   * Each member's place in its story's articleIds, as a number that grows
   * with every append (placing, a merge, a move): the order the pair model
   * reads (recentMembers, a young story's first three). The desk stores it
   * (story_articles.member_rank) so a restart restores members in this
   * order, not in published order, which a merge does not keep.
   */
  private readonly memberRank = new Map<string, number>();
  private nextRank = 1;
  /** Unit vector, time and language of each window article, for the refinement pass. */
  private readonly docInfo = new Map<string, DocInfo>();
  /** Per outlet, title skeletons of its window articles: count, last title and article (the series guard). */
  private readonly outletSeries = new Map<string, Map<string, { n: number; title: string; articleId: string }>>();
  private sinceRefine = 0;
  private touched = new Set<string>();
  private refineTouched = new Set<string>();
  /** Articles that started a story, with how many orphan passes have looked at them (bounded by orphanPasses). */
  private orphans = new Map<string, number>();
  private pendingMerges: Reassignment[] = [];
  private nowMs = -Infinity;
  /**
   * The restored members not yet settled (settleRestore): per member, its
   * story, time, rank and whether it is a near-duplicate (which touches no
   * story). Empty outside a restore.
   */
  private restoredLog: { storyId: string; ms: number; rank: number | null; duplicate: boolean }[] = [];
  private sinceMerge = 0;
  /** The interval of mergeMinutes the newest article's time is in (the passes ran when it began). */
  private passInterval = -Infinity;
  private sweptHour = -Infinity;
  /** Window articles per title word (burst anchors only). */
  private readonly titleDf = new Map<string, number>();
  /** Articles of the last burstRecentHours per title word, from windowDocs[recentHead] on. */
  private readonly recentDf = new Map<string, number>();
  private recentHead = 0;
  /** Window articles that are headlines without text (isTextless). */
  private windowTextless = 0;
  /** The burst's background (burst anchors only): the titles of the last backgroundDays by day. */
  private readonly background: DayCounts;

  /** Training only (scripts/train-cluster-merges.ts): told of each pair of stories the learned story merge scores. */
  private mergeProbe: ((r: MergeCandidate) => void) | null = null;

  constructor(params?: Partial<ClusterParams>) {
    this.params = withParams(params);
    this.background = new DayCounts(this.params.backgroundDays);
  }

  /** Place one article: join the best story that passes the rules, or start one. */
  place(doc: ClusterDoc, teacher?: Teacher): Placement {
    doc = withClusterEntities(doc, this.params.personSurnames);
    this.settleRestore();
    this.tick(doc.publishedMs, true);
    if (doc.duplicateOf) {
      const sid = this.articleStory.get(doc.duplicateOf);
      const s = sid === undefined ? undefined : this.stories.get(sid);
      if (s) {
        this.fileDuplicate(s, doc.id);
        s.lastMs = Math.max(s.lastMs, doc.publishedMs);
        return { articleId: doc.id, storyId: s.id, similarity: 1, created: false, duplicate: true };
      }
    }
    const keys = this.addToWindow(doc);
    const x = this.extrasOf(doc, keys.ev, keys.skeleton, keys.slot);
    const vec = this.vectorOf(keys.bag, keys.hashes, doc.source ?? null);
    const lang = primaryLanguage(doc.language);
    const top = this.topKeys(vec, this.params.candidateTerms);
    let best: Story | null = null;
    let bestSim = -1;
    if (this.params.pairModel && this.params.pairRescue) {
      // The hand rules first; the learned similarity only for an article they leave alone.
      for (const s of this.candidates(vec, top)) {
        if (!this.open(s, doc.publishedMs)) continue;
        const sim = this.similarity(vec, s, doc.publishedMs, lang);
        if (sim <= bestSim || !this.accepts(vec, top, s, sim, lang, doc.source ?? null, doc.publishedMs, x)) continue;
        best = s;
        bestSim = sim;
      }
    }
    if (this.params.pairModel && best === null) {
      const me: DocInfo = { vec, ms: doc.publishedMs, lang, source: doc.source ?? null, x };
      bestSim = -1;
      // The candidates closest by centroid are looked at member by member (the dearer part).
      const pv = packed(vec);
      const near: { s: Story; cent: number }[] = [];
      for (const s of this.candidates(vec, top)) {
        if (!this.open(s, doc.publishedMs) || s.normSq <= 0) continue;
        const same = lang === mainLanguage(s);
        const cent = articleCosine(pv, s, same);
        // Across languages only names, entities and countries are shared,
        // so the centroid cosine is small even for one event: its own floor.
        if (cent >= (same ? this.params.centroidFloor : this.params.crossFloor)) near.push({ s, cent });
      }
      near.sort((a, b) => b.cent - a.cent || a.s.seq - b.s.seq);
      const looked = near.slice(0, this.params.pairStories);
      if (this.params.crossWordStories > 0) {
        // Across English and Polish the centroids share names and countries
        // only, and the closest by them are often other stories of the same
        // country: the stories the lexicon says tell the same words are
        // looked at too, past the floor (their pair scores decide).
        // Their centroid cosine is read by the story model's features alone
        // (anchorStory takes stories of the article's own language, and these
        // are of the other): not computed for the defaults.
        for (const s of this.crossWordStories(x, lang, doc.publishedMs)) if (!looked.some((l) => l.s === s)) looked.push({ s, cent: this.params.storyModel ? articleCosine(pv, s, false) : 0 });
      }
      const model = this.params.storyModel;
      // Story features only when something reads them: in rescue mode most
      // articles are placed by the pair model and never need them.
      let feats: number[][] | null = null;
      const featsOf = (): number[][] => (feats ??= looked.map(({ s, cent }) => this.storyFeatures(me, s, cent)));
      const forced = model && teacher ? teacher(looked.map(({ s }, i) => ({ storyId: s.id, articleIds: s.articleIds, features: featsOf()[i]! }))) : undefined;
      if (forced !== undefined) {
        best = forced === null ? null : (this.stories.get(forced) ?? null);
        bestSim = 1;
      } else {
        if (!model || this.params.storyRescue) {
          for (const { s } of looked) {
            const cross = lang !== mainLanguage(s);
            if (cross && !this.crossAgrees(me.x.xkeys, this.crossSignature(s))) continue;
            // Across languages the pair features are fewer (no words, no title
            // cosine): such a pair has its own threshold.
            const threshold = cross ? this.params.crossPairThreshold : this.params.pairThreshold;
            // Scored only as far as it could still be taken: at the threshold, and past the best so far.
            const sim = this.learnedScore(me, s, best === null ? threshold : Math.max(threshold, bestSim));
            if (sim < threshold) continue;
            if (sim < bestSim || (sim === bestSim && best !== null)) continue;
            best = s;
            bestSim = sim;
          }
        }
        if (model && best === null) {
          const f = featsOf();
          for (let i = 0; i < looked.length; i++) {
            const s = looked[i]!.s;
            if (this.storyBlocked(me, s)) continue;
            // Across languages the story model has little to go on (no
            // shared words, so no signature): the pair model's cross-language
            // keys decide there, as before, at their own threshold.
            const cross = lang !== mainLanguage(s);
            if (cross && (this.params.storyRescue || !this.crossAgrees(me.x.xkeys, this.crossSignature(s)))) continue;
            const sim = cross ? this.learnedScore(me, s) : storyProbability(model, f[i]!);
            if (sim < (cross ? this.params.crossPairThreshold : this.params.storyThreshold) || sim <= bestSim) continue;
            best = s;
            bestSim = sim;
          }
        }
      }
      if (best === null && forced === undefined && this.params.anchorBurst > 0) {
        const a = this.anchorStory(me, looked) ?? this.namedSaga(me, doc) ?? this.countrySaga(me);
        if (a) {
          best = a.s;
          bestSim = a.sim;
        }
      }
    } else if (!this.params.pairModel) {
      for (const s of this.candidates(vec, top)) {
        if (!this.open(s, doc.publishedMs)) continue;
        const sim = this.similarity(vec, s, doc.publishedMs, lang);
        if (sim <= bestSim || !this.accepts(vec, top, s, sim, lang, doc.source ?? null, doc.publishedMs, x)) continue;
        best = s;
        bestSim = sim;
      }
    }
    let created = false;
    if (!best) {
      best = this.newStory(storyIdFor(doc.id), doc.publishedMs);
      created = true;
      bestSim = 1;
    }
    this.addToStory(best, doc.id, vec, doc.publishedMs, lang, doc.source ?? null, x);
    if (created && this.params.orphanPasses > 0) this.orphans.set(doc.id, 0);
    this.maybeMerge();
    return { articleId: doc.id, storyId: best.id, similarity: round(bestSim), created, duplicate: false };
  }

  /**
   * Put back an article whose story is already known (rebuilding the window
   * from storage after a restart): no decision, no merge. `rank` is the
   * member's stored place in its story (memberRankOf): the article goes back
   * to that place, so a story merged before the stop reads its members in
   * the order the run that never stopped reads them. Without one (rows
   * stored before ranks were), it goes before the ranked members, in
   * published order.
   */
  restore(doc: ClusterDoc, storyId: string, storyFirstMs: number, rank?: number | null): void {
    doc = withClusterEntities(doc, this.params.personSurnames);
    // A near-duplicate of an original that had left the window was filed
    // beside the clusterer, in its original's stored story, and never
    // placed (clusterArticles: no rank): the run that never stopped neither
    // indexed it nor moved its clock by it.
    if (doc.duplicateOf && (rank === null || rank === undefined) && !this.articleStory.has(doc.duplicateOf)) return;
    this.tick(doc.publishedMs, false);
    let s = this.stories.get(storyId);
    if (!s) s = this.newStory(storyId, storyFirstMs);
    // The member takes its stored rank; only rows without one (stored
    // before ranks were) take the counter's next.
    const stored = rank ?? undefined;
    const duplicate = !!doc.duplicateOf && this.articleStory.has(doc.duplicateOf);
    if (duplicate) {
      this.fileDuplicate(s, doc.id, stored);
    } else {
      const keys = this.addToWindow(doc);
      const x = this.extrasOf(doc, keys.ev, keys.skeleton, keys.slot);
      this.addToStory(s, doc.id, this.vectorOf(keys.bag, keys.hashes, doc.source ?? null), doc.publishedMs, primaryLanguage(doc.language), doc.source ?? null, x, stored);
      // With a cadence in stream time, what the run that never stopped had
      // touched since its last pass is rebuilt once the restore is done
      // (settleRestore); with a count cadence, nothing.
      if (this.params.mergeMinutes <= 0) this.touched.delete(s.id);
    }
    this.placeRestored(s, doc.id, rank ?? null);
    if (this.params.mergeMinutes > 0) this.restoredLog.push({ storyId: s.id, ms: doc.publishedMs, rank: rank ?? null, duplicate });
  }

  /**
   * After the last restore, before anything else: the stories the run that
   * never stopped had touched since its last pass. That pass ran just
   * before the current interval's first article was placed, so those are
   * the stories of the members placed since, which are the members ranked
   * at or above that article's rank: the current interval's articles and
   * any placed late among them (published in an earlier interval, placed
   * after the pass). Near-duplicates touch no story. Without ranks (rows
   * stored before them), the stories of the current interval's articles.
   */
  private settleRestore(): void {
    const log = this.restoredLog;
    if (log.length === 0) return;
    this.restoredLog = [];
    const every = this.params.mergeMinutes * 60_000;
    const current = Math.floor(this.nowMs / every);
    let first = Infinity;
    for (const r of log) if (r.rank !== null && Math.floor(r.ms / every) === current && r.rank < first) first = r.rank;
    this.touched.clear();
    this.refineTouched.clear();
    for (const r of log) {
      if (r.duplicate || !this.stories.has(r.storyId)) continue;
      if (r.rank !== null ? r.rank >= first : Math.floor(r.ms / every) === current) {
        this.touched.add(r.storyId);
        this.refineTouched.add(r.storyId);
      }
    }
  }

  /**
   * Move a restored member (just appended) back to its stored place among
   * its story's members, and keep new ranks above every stored one.
   * Restored in published order, a story's members are mostly in rank
   * order already: the walk back from the end is short.
   */
  private placeRestored(s: Story, articleId: string, stored: number | null): void {
    const rank = stored ?? 0;
    const ids = s.articleIds;
    let i = ids.length - 1;
    while (i > 0 && (this.memberRank.get(ids[i - 1]!) ?? 0) > rank) {
      ids[i] = ids[i - 1]!;
      i--;
    }
    ids[i] = articleId;
    this.memberRank.set(articleId, rank);
    if (rank >= this.nextRank) this.nextRank = rank + 1;
    // The story's seq is its first member's rank (newStory): a story begun
    // by a late article is younger than stories published after it.
    if (stored !== null && (ids.length === 1 || stored < s.seq)) s.seq = stored;
  }

  /**
   * Training only: `fn` is told of every pair of stories the learned story
   * merge would score in the merge passes (the pair merge having left them
   * apart), with their members then and their features, whether or not a
   * merge model is set.
   */
  probeMerges(fn: ((r: MergeCandidate) => void) | null): void {
    this.mergeProbe = fn;
  }

  /** A live story's members in the clusterer's order (the order the pair model reads them in). */
  membersOf(storyId: string): readonly string[] | undefined {
    return this.stories.get(storyId)?.articleIds;
  }

  /** The member's place in its story (see memberRank): what the desk stores for a restart. */
  memberRankOf(articleId: string): number | undefined {
    return this.memberRank.get(articleId);
  }

  /**
   * File a near-duplicate beside its original, in the original's story: a
   * member without a vector of its own, which still counts toward the
   * story's size (the look-up's indexes take a story by its size).
   */
  private fileDuplicate(s: Story, articleId: string, rank?: number): void {
    this.pushMember(s, articleId, rank);
    this.syncBig(s);
    this.articleStory.set(articleId, s.id);
  }

  /** Append an article to a story's members, with the next rank (or its stored one, when restored). */
  private pushMember(s: Story, articleId: string, rank: number = this.nextRank++): void {
    s.articleIds.push(articleId);
    this.memberRank.set(articleId, rank);
  }

  /**
   * The end of a batch of input; returns (and clears) the merges so far.
   * With a cadence in stream time (mergeMinutes) the passes run at its
   * boundaries only, whatever the batches; without, they run now.
   */
  flush(): Reassignment[] {
    this.settleRestore();
    return this.params.mergeMinutes > 0 ? this.takeMerges() : this.finish();
  }

  /** The end of a stream (a file, an eval's set): run the passes over what is touched now; returns (and clears) the merges so far. */
  finish(): Reassignment[] {
    this.settleRestore();
    this.runPasses();
    return this.takeMerges();
  }

  private runPasses(): void {
    if (this.params.refineEvery > 0) this.refinePass();
    this.mergePass();
    this.orphanPass();
    this.strayPass();
  }

  /** Merges done by passes that ran during place() calls, not yet taken. */
  takeMerges(): Reassignment[] {
    const m = this.pendingMerges;
    this.pendingMerges = [];
    return m;
  }

  storyOf(articleId: string): string | undefined {
    return this.articleStory.get(articleId);
  }

  /**
   * The pair features (pairModel.ts) of two articles still in the window,
   * as the clusterer would compute them now; null when either has left.
   * For training the pair model (scripts/train-cluster-pairs.ts).
   */
  pairFeaturesOf(aId: string, bId: string): number[] | null {
    const a = this.docInfo.get(aId);
    const b = this.docInfo.get(bId);
    if (!a || !b) return null;
    return this.pairFeatures(a, b, packedDot(packed(a.vec), b.vec, a.lang === b.lang));
  }

  stats(): ClustererStats {
    return { windowDocs: this.windowDocs.length - this.windowHead, liveStories: this.stories.size, indexKeys: this.postings.size };
  }

  // --- window and index -------------------------------------------------

  private tick(ms: number, placing: boolean): void {
    if (ms > this.nowMs) this.nowMs = ms;
    const every = this.params.mergeMinutes * 60_000;
    if (every > 0) {
      const interval = Math.floor(this.nowMs / every);
      if (interval > this.passInterval) {
        this.passInterval = interval;
        // The article that enters a new interval is placed after the passes
        // over what the last one touched. A restore only moves the interval
        // (settleRestore rebuilds what is touched).
        if (placing) this.runPasses();
      }
    }
    // The window moves by the articles' own time, once an hour of it (not
    // every so many articles): a restart that restores the same window then
    // holds the same articles, counts and stories as the run that never
    // stopped, whenever it started.
    const hour = Math.floor(this.nowMs / 3_600_000);
    if (hour > this.sweptHour) {
      this.sweptHour = hour;
      this.sweep();
    }
  }

  /** Drop documents and stories that left the window, so cost follows the window, not the archive. */
  private sweep(): void {
    // From the start of the hour: the same cutoff for a run and its restart.
    const cutoff = this.sweptHour * 3_600_000 - this.params.windowHours * 3_600_000;
    // The recent span first: its cutoff is later, so it has counted out
    // every article the window's loop below lets go.
    if (this.params.burstRecentHours > 0) {
      const recentCutoff = this.sweptHour * 3_600_000 - this.params.burstRecentHours * 3_600_000;
      while (this.recentHead < this.windowDocs.length && this.windowDocs[this.recentHead]!.ms < recentCutoff) {
        for (const k of this.windowDocs[this.recentHead]!.title ?? []) countOut(this.recentDf, k);
        this.recentHead++;
      }
    }
    // Articles come in (nearly) published order, so the oldest are at the head.
    while (this.windowHead < this.windowDocs.length && this.windowDocs[this.windowHead]!.ms < cutoff) {
      const w = this.windowDocs[this.windowHead]!;
      if (w.textless) this.windowTextless--;
      if (w.title) {
        for (const k of w.title) countOut(this.titleDf, k);
      }
      const o = w.source === null ? undefined : this.outletDf.get(w.source);
      for (let i = 0; i < w.keys.length; i++) {
        const k = w.keys[i]!;
        this.df.countOut(k, w.hashes[i]!);
        if (o) o.df.countOut(k, w.hashes[i]!);
      }
      if (o && --o.docs <= 0) this.outletDf.delete(w.source!);
      if (w.skeleton !== null && w.source !== null) {
        const ser = this.outletSeries.get(w.source);
        const e = ser?.get(w.skeleton);
        if (ser && e && --e.n <= 0) {
          ser.delete(w.skeleton);
          if (ser.size === 0) this.outletSeries.delete(w.source);
        }
      }
      if (w.slot !== null && w.source !== null) {
        const t = this.outletTitles.get(w.source);
        if (t && ++t.head >= t.list.length) this.outletTitles.delete(w.source);
        else if (t && t.head > 256 && t.head * 2 > t.list.length) {
          t.list = t.list.slice(t.head);
          t.head = 0;
        }
      }
      this.windowHead++;
    }
    if (this.windowHead > 4096 && this.windowHead * 2 > this.windowDocs.length) {
      this.windowDocs = this.windowDocs.slice(this.windowHead);
      this.recentHead = Math.max(0, this.recentHead - this.windowHead);
      this.windowHead = 0;
    }
    for (const s of [...this.stories.values()]) {
      if (s.lastMs < cutoff || !this.open(s, this.nowMs)) this.closeStory(s);
    }
  }

  private closeStory(s: Story): void {
    for (const k of s.keyDocs.keys()) this.unpost(k, s);
    for (const k of s.transKeys.keys()) this.unpost(k, s, this.transPostings);
    if (s.personKeys) for (const k of s.personKeys.keys()) this.unpost(k, s, this.personPostings);
    if (s.big) this.setBig(s, false);
    for (const a of s.articleIds) {
      if (this.articleStory.get(a) === s.id) {
        this.articleStory.delete(a);
        this.memberRank.delete(a);
      }
      this.docInfo.delete(a);
    }
    this.stories.delete(s.id);
    this.touched.delete(s.id);
  }

  /** Take story `s` out of key `k`'s postings in `index` (the vectors' postings, or transPostings). */
  private unpost(k: string, s: Story, index: Map<string, Set<Story>> = this.postings): void {
    const p = index.get(k);
    if (!p) return;
    p.delete(s);
    if (p.size === 0) index.delete(k);
  }

  /** Put story `s` in key `k`'s postings in `index` (the inverse of unpost). */
  private post(k: string, s: Story, index: Map<string, Set<Story>>): void {
    let p = index.get(k);
    if (!p) index.set(k, (p = new Set()));
    p.add(s);
  }

  /** Put story `s` in the look-up's indexes or take it out as its member count crosses crossWordMinMembers. */
  private syncBig(s: Story): void {
    if (this.params.crossWordStories <= 0) return;
    const big = s.articleIds.length >= this.params.crossWordMinMembers;
    if (big !== s.big) this.setBig(s, big);
  }

  /**
   * Story `s` has grown by members holding these title keys and English
   * words: a story already in the look-up's indexes is posted under them, one
   * that has just reached the size goes in under all of its keys. `oneMember`:
   * the keys are one article's, already counted in, so a key the story held
   * before (a count above 1) is already posted and is skipped.
   */
  private growBig(s: Story, title: Iterable<string>, trans: Iterable<string>, oneMember: boolean): void {
    if (!s.big) {
      this.syncBig(s);
      return;
    }
    for (const k of title) if (!oneMember || s.titleKeys.get(k) === 1) this.post(k, s, this.bigTitle);
    for (const k of trans) if (!oneMember || s.transKeys.get(k) === 1) this.post(k, s, this.bigTrans);
  }

  private setBig(s: Story, big: boolean): void {
    s.big = big;
    for (const [keys, index] of [
      [s.titleKeys, this.bigTitle],
      [s.transKeys, this.bigTrans],
    ] as const) {
      for (const k of keys.keys()) {
        if (big) this.post(k, s, index);
        else this.unpost(k, s, index);
      }
    }
  }

  private addToWindow(doc: ClusterDoc): { bag: Map<string, number>; hashes: number[]; ev: TextEvidence; skeleton: string | null; slot: SlotTitle | null } {
    const ev = emptyEvidence();
    const bag = extractFeatures(doc, this.params.weights, ev);
    const keys = [...bag.keys()];
    const hashes: number[] = [];
    for (const k of keys) {
      const h = keyHash(k);
      hashes.push(h);
      this.df.add(k, h, 1);
    }
    const source = doc.source ?? null;
    if (source !== null && this.params.templateWeight < 1) {
      let o = this.outletDf.get(source);
      if (!o) this.outletDf.set(source, (o = { docs: 0, df: new WeightTable() }));
      o.docs++;
      for (let i = 0; i < keys.length; i++) o.df.add(keys[i]!, hashes[i]!, 1);
    }
    // One masking of the title's numbers and dates serves both series rules.
    const lower = source !== null && (this.params.seriesGuard || this.params.seriesSlotGuard) ? doc.title.toLowerCase() : '';
    const masked = lower ? maskSlots(lower) : '';
    const skeleton = lower && this.params.seriesGuard ? skeletonOf(lower, masked) : null;
    let title: string[] | null = null;
    if (this.params.anchorBurst > 0) {
      title = [...ev.title];
      const recent = this.params.burstRecentHours > 0;
      for (const k of title) {
        countIn(this.titleDf, k);
        if (recent) countIn(this.recentDf, k);
      }
      this.background.add(title, doc.publishedMs);
    }
    const textless = isTextless(doc.text);
    if (textless) this.windowTextless++;
    let slot: SlotTitle | null = null;
    if (source !== null && this.params.seriesSlotGuard) {
      slot = slotTitle(doc.title, doc.publishedMs, masked);
      const t = this.outletTitles.get(source);
      if (t) t.list.push(slot);
      else this.outletTitles.set(source, { list: [slot], head: 0 });
    }
    this.windowDocs.push({ ms: doc.publishedMs, slot, keys, hashes, source, skeleton, title, textless });
    return { bag, hashes, ev, skeleton, slot };
  }

  /**
   * An article older than the window, for the burst's background only (a
   * restart rebuilding the last backgroundDays from storage): no story, no
   * window. A no-op with burst anchors off.
   */
  remember(doc: Pick<ClusterDoc, 'title' | 'language' | 'publishedMs'>): void {
    if (this.params.anchorBurst <= 0) return;
    this.background.add(titleTerms(doc.title, doc.language), doc.publishedMs);
  }

  /**
   * The centroid cosine a burst anchor needs (params.anchorFloor,
   * anchorFloorTitles): from anchorFloor in a window of articles to
   * anchorFloorTitles in a window of headlines without text, by their share.
   * Vectors of headlines have a handful of keys each, so cosines among them
   * run lower for the same event. The floor moves only once headlines are
   * most of the window (from half to all of it): a desk window, where most
   * feeds carry text (92 % of the December corpus), keeps the article floor
   * and its centroids stay text centroids; a headline set gets the headline
   * floor throughout. By the window, not by the article: the desk's own
   * title-only items given the lower floor glued events (dev mixing 0.188
   * -> 0.198, docs/clustering-journal.md round 13).
   */
  private anchorFloor(): number {
    const p = this.params;
    return p.anchorFloor + (p.anchorFloorTitles - p.anchorFloor) * Math.max(0, 2 * this.textlessShare() - 1);
  }

  /** The share of the window's articles that are headlines without text. */
  private textlessShare(): number {
    const n = this.windowDocs.length - this.windowHead;
    return n > 0 ? this.windowTextless / n : 0;
  }

  /**
   * Whether the pair model vouches for an anchor merge of two stories: one
   * pair of them at anchorPairFloor when both hold anchorMinSize articles or
   * more; anchorLoneFloor when the smaller holds fewer, in a window of
   * articles with text, where the pair model reads the text and can refuse
   * a report that shares the bursting word and nothing else. Once
   * headlines without text are half the window or more (the share at which
   * anchorFloor starts to move), a small story is not asked: the pair
   * model has a title to go on there and refused true members. By the
   * window, as anchorFloor: a desk's few title-only items keep the desk's rule.
   * A vouch under anchorCastFloor counts only for two stories about one
   * person or organisation (shareCast): a place word that bursts with its
   * event is in the place's other news too.
   */
  private anchorVouched(young: Story, old: Story, model: PairModel): boolean {
    const p = this.params;
    let floor = p.anchorPairFloor;
    if (Math.min(young.articleIds.length, old.articleIds.length) < p.anchorMinSize) floor = this.textlessShare() >= 0.5 ? 0 : p.anchorLoneFloor;
    if (floor <= 0) return true;
    // Above `floor` the score is exact (bestPair stops early only below it).
    const score = this.youngPairScore(young, old, model, floor);
    if (score < floor) return false;
    return score >= p.anchorCastFloor || this.shareCast(young, old);
  }

  /** Whether two stories are about one person or organisation: a key of both cross signatures that is not a country (params.anchorCastFloor). */
  private shareCast(young: Story, old: Story): boolean {
    const a = this.crossSignature(young);
    const b = this.crossSignature(old);
    // Nothing recognised in either (`globedesk cluster --no-analysis`): nothing to judge by, as crossAgrees.
    if (a.size === 0 && b.size === 0) return true;
    for (const k of a.keys()) if (!k.startsWith('c:') && b.has(k)) return true;
    return false;
  }

  /** How much more often the window's titles hold `k` than those of the last backgroundDays: the greater of the window's burst and the recent span's. */
  private burst(k: string): number {
    const w = this.shareOver(k, false);
    const share = this.params.burstRecentHours > 0 ? Math.max(w, this.shareOver(k, true)) : w;
    return share > 0 ? share / this.backgroundShare(k) : 0;
  }

  /** A title word's burst over the window and over the recent span (burstRecentHours), as the anchors read them: for diagnostics and tests. */
  titleBurst(word: string): { window: number; recent: number } {
    const bg = this.backgroundShare(word);
    return { window: this.shareOver(word, false) / bg, recent: this.params.burstRecentHours > 0 ? this.shareOver(word, true) / bg : 0 };
  }

  /**
   * The share of the window's titles (0 below anchorMinDocs of them) or of
   * the last burstRecentHours' (0 below burstRecentMinDocs) that hold `k`;
   * over backgroundShare, its burst. An event of a day (a parliament's
   * vote, a court's ruling) fills a day's titles and is a quarter of the
   * 96 h window's: "Morawiecki" in 79 of 7,811 window titles on 11 December
   * 2023 bursts at 2.3, under the 2.5 an anchor needs, while the day of the
   * confidence vote held most of them.
   */
  private shareOver(k: string, recent: boolean): number {
    const c = (recent ? this.recentDf : this.titleDf).get(k) ?? 0;
    if (c < (recent ? this.params.burstRecentMinDocs : this.params.anchorMinDocs)) return 0;
    const span = this.windowDocs.length - (recent ? this.recentHead : this.windowHead);
    return span > 0 ? c / span : 0;
  }

  /**
   * The share of the background's titles that hold `k` (the last
   * backgroundDays, window included). The prior stands in for the archive
   * the clusterer has not seen: it weighs as backgroundPriorTitles headlines
   * less those the background holds from before the window, so a desk with
   * its weeks of archive decides by its own news alone and a headline set by
   * the prior. Its counts are pooled with the background's, so a word the
   * stream has shown only in its window still has the prior's rate to burst
   * against.
   */
  private backgroundShare(k: string): number {
    const p = this.params;
    const n = this.windowDocs.length - this.windowHead;
    const prior = p.titleBackground;
    const weight = prior === null ? 0 : Math.max(0, p.backgroundPriorTitles - (this.background.n - n));
    const fromPrior = prior !== null && weight > 0 ? (weight / prior.n) * (prior.df.get(k) ?? 0) : 0;
    return (this.background.count(k) + fromPrior + 1) / Math.max(1, this.background.n + weight);
  }

  /**
   * Title words, and whether the article continues a series of its outlet:
   * an earlier window article of the same outlet has the same title skeleton
   * (numbers and dates masked) but a different title. The story of that
   * earlier article becomes a series story too (it was the first of the run).
   * `skeleton` is addToWindow's (null without seriesGuard or an outlet).
   */
  private extrasOf(doc: ClusterDoc, ev: TextEvidence, skeleton: string | null, slot: SlotTitle | null): DocExtras {
    const own = ev.title;
    const title = new Set(own);
    for (const t of ev.terms) title.add(t);
    const titleVec = new Map<string, number>();
    let norm = 0;
    for (const t of own) {
      const w = this.idf(t);
      if (w <= 0) continue;
      titleVec.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [t, w] of titleVec) titleVec.set(t, w / norm);
    const tags = [...(doc.entities ?? []).map((e) => `e:${e}`), ...(doc.countries ?? []).map((c) => `c:${c.toUpperCase()}`)];
    // Rare title names (idf >= nameIdf), fixed at placement as the other extras.
    const rareNames = this.params.nameIdf > 0 ? [...new Set(ev.names)].filter((k) => this.idf(k) >= this.params.nameIdf) : [];
    // Rare words of title and lead (idf >= evidenceIdf at placement): what the pair model's "rare" feature intersects.
    const rareTerms = new Set<string>();
    for (const t of title) if (this.idf(t) >= this.params.evidenceIdf) rareTerms.add(t);
    const lang = primaryLanguage(doc.language);
    const concepts = this.params.crossConcepts ? new Set(eventConcepts(ev.words, lang)) : NONE;
    // Always for a Polish report (a few dozen look-ups): the recalibration's trainer reads them through a clusterer without it.
    const tr = lang === 'pl' ? translatedStems(enPlLexicon(), ev.terms, ev.titleTerms) : null;
    const base = { title, ev, titleVec, digest: isDigestTitle(doc.title), tags, rareNames, rareTerms, xkeys: this.crossKeyIdf(doc), concepts, trans: tr?.all ?? NONE, transTitle: tr?.title ?? NONE, titleText: doc.title, instance: null, slot };
    const source = doc.source ?? null;
    if (source === null || skeleton === null) return { ...base, series: false };
    const instance = this.params.seriesInstanceGuard ? `${source}\u0001${skeleton}` : null;
    let ser = this.outletSeries.get(source);
    if (!ser) this.outletSeries.set(source, (ser = new Map()));
    const e = ser.get(skeleton);
    let series = false;
    if (e && e.title !== doc.title) {
      series = true;
      const sid = this.articleStory.get(e.articleId);
      const first = sid === undefined ? undefined : this.stories.get(sid);
      if (first) first.series = true;
    }
    if (e) {
      e.n++;
      e.title = doc.title;
      e.articleId = doc.id;
    } else ser.set(skeleton, { n: 1, title: doc.title, articleId: doc.id });
    return { ...base, series, instance };
  }

  /**
   * A key of the window that many unrelated stories hold: its articles are
   * spread over about as many live stories as there are of them. Such a key
   * is a phrase of the language or of news-writing ("fall to lowest level
   * since"), not a mark of one event.
   */
  private isStopPhrase(k: string): boolean {
    const p = this.params;
    if (p.phraseSpread <= 0) return false;
    const df = this.df.get(k) ?? 0;
    if (df < p.phraseMinDocs) return false;
    return (this.postings.get(k)?.size ?? 0) >= p.phraseSpread * df;
  }

  /**
   * Evidence beyond common words: a rare title word the story's titles share
   * (not a stop-phrase), or a person/organisation from analysis, or (with
   * countryEvidence) a focus country.
   */
  private hasEvidence(x: DocExtras, s: Story, ms: number): boolean {
    const p = this.params;
    if (p.evidenceIdf <= 0) return true;
    // Count independent pieces: a group (one word, or the words of one name)
    // with a shared rare term not counted yet.
    let pieces = 0;
    let maxIdf = 0;
    const used = new Set<string>();
    const usedWords = new Set<string>();
    const { terms, words, group } = x.ev;
    for (let i = 0; i < terms.length; ) {
      let j = i;
      let fresh = false;
      let hit = false;
      for (; j < terms.length && group[j] === group[i]; j++) {
        const t = terms[j]!;
        if (!s.titleKeys.has(t)) continue;
        const w = this.idf(t);
        if (w < p.evidenceIdf || this.isStopPhrase(t)) continue;
        hit = true;
        if (!used.has(t)) fresh = true;
        used.add(t);
        if (w > maxIdf) maxIdf = w;
      }
      if (hit) {
        for (let k = i; k < j; k++) usedWords.add(words[k]!);
        if (fresh) pieces++;
      }
      i = j;
    }
    if (pieces >= p.evidenceMin) return true;
    let country = false;
    for (const k of x.tags) {
      if (!s.keyDocs.has(k)) continue;
      if (k.startsWith('e:')) {
        // "person:julian assange" adds nothing when "Assange" was counted as a word.
        const words = fold(k.slice(k.indexOf(':', 2) + 1)).split(' ');
        if (words.some((w) => usedWords.has(w))) continue;
        for (const w of words) usedWords.add(w);
        if (++pieces >= p.evidenceMin) return true;
      } else if (k.startsWith('c:') && p.countryEvidence) country = true;
    }
    if (country && pieces + 1 >= p.evidenceMin) return true;
    // A short title and a very rare word, hours apart: one piece may do.
    return pieces === 1 && p.evidenceStrongIdf > 0 && maxIdf >= p.evidenceStrongIdf && x.ev.title.size <= p.evidenceShortTitle && ms - s.lastMs <= p.evidenceStrongGapHours * 3_600_000;
  }

  /**
   * Title to title: the article's title must be close to the title of one of
   * the story's recent members of its language, not only to the centroid.
   */
  private nearTitle(x: DocExtras, recent: readonly DocInfo[], lang: string): boolean {
    const p = this.params;
    if (p.titlePairThreshold <= 0) return true;
    let seen = false;
    for (const m of recent) {
      if (m.lang !== lang) continue;
      seen = true;
      if (dot(x.titleVec, m.x.titleVec) >= p.titlePairThreshold) return true;
    }
    return !seen;
  }

  /**
   * The story's last memberCheck members still in the window, newest first:
   * what the member-level checks (nearTitle, nearMember, namesDisjoint,
   * hasEventWord) compare an article with. Near-duplicates hold a place in
   * the count but have no window entry.
   */
  private recentMembers(s: Story): DocInfo[] {
    const ids = s.articleIds;
    const out: DocInfo[] = [];
    for (let i = ids.length - 1, from = Math.max(0, ids.length - this.params.memberCheck); i >= from; i--) {
      const m = this.docInfo.get(ids[i]!);
      if (m) out.push(m);
    }
    return out;
  }

  /** The article's crossKeys, each with its idf now (the rarest entity key behind a person's surname). */
  private crossKeyIdf(doc: ClusterDoc): Map<string, number> {
    const out = new Map<string, number>();
    for (const e of doc.entities ?? []) {
      const k = crossKeys([e], null, this.params.crossSurnames)[0];
      if (k === undefined) continue;
      const w = this.idf(`e:${e}`);
      if (w > (out.get(k) ?? -Infinity)) out.set(k, w);
    }
    for (const c of doc.countries ?? []) out.set(`c:${c.toUpperCase()}`, this.idf(`c:${c.toUpperCase()}`));
    return out;
  }

  /**
   * Smoothed idf over the documents now in the window (learned
   * incrementally). idfPrior pseudo-documents without the term stand in for
   * a cold start: with an empty window every word is taken as rare until the
   * stream shows otherwise, instead of every shared word counting for nothing.
   */
  private idf(k: string, h: number = keyHash(k)): number {
    const n = this.windowDocs.length - this.windowHead;
    return Math.log((n + this.params.idfPrior + 1) / ((this.df.get(k, h) ?? 0) + 0.5));
  }

  /**
   * An outlet's template terms: a key in at least templateShare of the
   * outlet's window documents and templateRatio times commoner there than in
   * the whole window ("Market Talk", "na żywo", "exchange rates in Pakistan
   * today"). They say which column an item is, not which event.
   */
  private templateKeys(source: string | null): ((k: string, h: number) => boolean) | null {
    const p = this.params;
    if (source === null || p.templateWeight >= 1) return null;
    const o = this.outletDf.get(source);
    if (!o || o.docs < p.templateMinDocs) return null;
    const n = this.windowDocs.length - this.windowHead;
    return (k, h) => {
      const mine = (o.df.get(k, h) ?? 0) / o.docs;
      return mine >= p.templateShare && mine >= p.templateRatio * ((this.df.get(k, h) ?? 0) / n);
    };
  }

  /** Sublinear tf times idf, L2-normalised (Salton & Buckley 1988); an outlet's template terms down-weighted. */
  private vectorOf(bag: Map<string, number>, bagHashes: readonly number[], source: string | null): Map<string, number> {
    const keys: string[] = [];
    const vals: number[] = [];
    const hs: number[] = [];
    let norm = 0;
    const template = this.templateKeys(source);
    let i = 0;
    for (const [k, tf] of bag) {
      const h = bagHashes[i++]!;
      let x = (tf >= 1 ? 1 + Math.log(tf) : tf) * this.idf(k, h);
      if (template?.(k, h)) x *= this.params.templateWeight;
      if (k.startsWith('b:') && this.isStopPhrase(k)) x *= this.params.phraseWeight;
      if (x <= 0) continue;
      keys.push(k);
      vals.push(x);
      hs.push(h);
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let j = 0; j < vals.length; j++) vals[j] = vals[j]! / norm;
    const v = new Map<string, number>();
    for (let j = 0; j < keys.length; j++) v.set(keys[j]!, vals[j]!);
    // Packed as it is built, its hashes those of the bag.
    pack(v, keys, vals, hs);
    return v;
  }

  private topKeys(vec: Map<string, number> | WeightTable, n: number): string[] {
    // The n heaviest keys, ties by key: what sorting every entry and taking
    // the first n gives, without the sort (a story's centroid holds hundreds
    // of keys, and the merge pass asks for ten).
    const keys: string[] = [];
    const ws: number[] = [];
    if (vec instanceof WeightTable) {
      for (let e = 0; e < vec.end; e++) {
        const k = vec.keyAt(e);
        if (k !== null) keepBest(keys, ws, k, vec.valAt(e), n, keyBefore);
      }
    } else for (const [k, w] of vec) keepBest(keys, ws, k, w, n, keyBefore);
    return keys;
  }

  /**
   * The other language's stories (English for a Polish report, Polish for an
   * English one) whose words of title and lead the lexicon says the
   * report's share most, at most params.crossWordStories of them. Each
   * shared English stem weighs its idf above 2 (crossWords' rule: a word of
   * every other report says nothing), in full when CROSS_WORD_HOLDERS of the
   * story's members hold it, in part when fewer do: a big story is not
   * weighed down by its size, and one member's stray word counts little. A
   * candidate needs CROSS_WORD_MIN of summed weight. The Polish stories'
   * words in English are indexed apart (transPostings); the English
   * stories' are their own keys (postings).
   */
  private crossWordStories(x: DocExtras, lang: string, ms: number): Story[] {
    const pl = lang === 'pl';
    if (!pl && lang !== 'en') return [];
    const words = pl ? x.trans : x.title;
    const index = pl ? this.postings : this.transPostings;
    const big = pl ? this.bigTitle : this.bigTrans;
    const want = pl ? 'en' : 'pl';
    // Heaviest words first: once the words left weigh less than
    // CROSS_WORD_MIN together, a story none of the heavier ones reached
    // cannot become a candidate, so the lighter words only add to the
    // stories already reached, read from their own counts rather than by
    // walking the words' postings (the same candidates, far fewer steps:
    // common English words are held by hundreds of Polish stories).
    const ws: { w: string; weight: number; p: Set<Story> }[] = [];
    let rest = 0;
    for (const w of words) {
      // Who holds it, by the stories big enough to take (most words: none);
      // how common it is, by every live story holding it.
      const p = big.get(w);
      if (!p) continue;
      const all = index.get(w);
      if (!all || all.size > this.params.maxPostings) continue;
      const weight = this.crossWordWeight(w);
      if (weight === 0) continue;
      ws.push({ w, weight, p });
      rest += weight;
    }
    if (rest < CROSS_WORD_MIN) return [];
    ws.sort((a, b) => b.weight - a.weight);
    const epoch = ++this.candEpoch;
    const hit: Story[] = [];
    for (const { w, weight, p } of ws) {
      if (rest >= CROSS_WORD_MIN) {
        for (const s of p) {
          const n = (pl ? s.titleKeys : s.transKeys).get(w) ?? 0;
          if (n === 0) continue;
          const share = Math.min(1, n / CROSS_WORD_HOLDERS);
          if (s.mark !== epoch) {
            s.mark = epoch;
            s.score = weight * share;
            hit.push(s);
          } else s.score += weight * share;
        }
      } else {
        for (const s of hit) {
          const n = (pl ? s.titleKeys : s.transKeys).get(w) ?? 0;
          if (n > 0) s.score += weight * Math.min(1, n / CROSS_WORD_HOLDERS);
        }
      }
      rest -= weight;
    }
    const best: Story[] = [];
    const scores: number[] = [];
    for (const s of hit) if (s.score >= CROSS_WORD_MIN && mainLanguage(s) === want && s.normSq > 0 && this.open(s, ms)) keepBest(best, scores, s, s.score, this.params.crossWordStories, seqBefore);
    return best;
  }

  /**
   * Stories sharing the article's most distinctive keys, best first by the
   * summed weight of the keys they share, at most maxCandidates of them. Keys
   * held by more than maxPostings live stories are skipped: they cannot tell
   * stories apart, and walking them would make the cost grow with the window.
   */
  private candidates(vec: Map<string, number> | WeightTable, keys: readonly string[]): Story[] {
    // Summed on the stories themselves (mark/score), not in a Map: this is
    // the innermost loop of placing an article.
    const epoch = ++this.candEpoch;
    const hit: Story[] = [];
    for (const k of keys) {
      const p = this.postings.get(k);
      if (!p || p.size > this.params.maxPostings) continue;
      const x = vec.get(k) ?? 0;
      for (const s of p) {
        if (s.mark !== epoch) {
          s.mark = epoch;
          s.score = x;
          hit.push(s);
        } else s.score += x;
      }
    }
    // The best maxCandidates by (score desc, seq asc), the order a full sort
    // would give, kept in a small sorted buffer: a popular key brings a few
    // hundred stories and only the top two dozen are scored.
    const best: Story[] = [];
    const scores: number[] = [];
    for (const s of hit) keepBest(best, scores, s, s.score, this.params.maxCandidates, seqBefore);
    return best;
  }

  // --- scoring ------------------------------------------------------------

  private similarity(vec: Map<string, number>, s: Story, ms: number, lang: string): number {
    if (s.normSq <= 0) return 0;
    // Within one language a name is already matched by its words; counting
    // its anchor too would let one shared name ("Abu Dhabi") carry a join.
    const skipAnchors = lang === mainLanguage(s);
    const cos = centroidDot(packed(vec), s.centroid, skipAnchors) / Math.sqrt(s.normSq);
    // Events are bursty (Kleinberg 2002): reports of one event come hours
    // apart, a recurring feature or a similar event a day or more. Halve the
    // similarity for every halfLifeHours since the story was last seen.
    const gapH = Math.max(0, ms - s.lastMs) / 3_600_000;
    return cos * Math.pow(0.5, gapH / this.params.halfLifeHours);
  }

  private accepts(vec: Map<string, number>, top: readonly string[], s: Story, sim: number, lang: string, source: string | null, ms: number, x: DocExtras): boolean {
    const p = this.params;
    if (this.seriesBlocked(x, source, s)) return false;
    // A digest or live page covers several events: it joins none of them on a loose match.
    if (x.digest && sim < p.digestJoinThreshold) return false;
    // Recurring features ("What's News", "Weather update for Islamabad",
    // "War in Ukraine, day 647") look alike every day. A story told by one
    // outlet alone takes that outlet's next piece only within a few hours.
    if (source !== null && s.outlets.size === 1 && s.outlets.has(source)) {
      if (ms - s.lastMs > p.sameOutletGapHours * 3_600_000) return false;
      // One outlet's items share its frame (a live blog, a roundup, one
      // beat); with no other outlet confirming, ask for a closer match.
      if (sim < p.sameOutletThreshold) return false;
    }
    const storyLang = mainLanguage(s);
    if (lang !== 'und' && storyLang !== 'und' && lang !== storyLang) {
      // Across languages only anchors (names, entities) and shared strings
      // can match; demand several anchors so one common name is not enough.
      // The words of one name ("Wall Street") are one anchor, not two.
      let anchors = 0;
      if (p.evidenceMin > 1) {
        const seen = new Set<string>();
        const { words, group } = x.ev;
        for (let i = 0; i < words.length; ) {
          let fresh = false;
          let j = i;
          for (; j < words.length && group[j] === group[i]; j++) {
            const k = `n:${words[j]!.slice(0, 5)}`;
            if (!s.keyDocs.has(k)) continue;
            if (!seen.has(k)) fresh = true;
            seen.add(k);
          }
          if (fresh) anchors++;
          i = j;
        }
        for (const k of x.tags) if (k.startsWith('e:') && s.keyDocs.has(k)) anchors++;
      } else for (const k of vec.keys()) if (isAnchor(k) && s.keyDocs.has(k)) anchors++;
      return anchors >= p.minSharedAnchors && sim >= p.crossLanguageThreshold;
    }
    if (sim < p.lowThreshold) return false;
    if (s.articleIds.length >= p.largeStorySize && sim < p.largeJoinThreshold) return false;
    if (sim < p.joinThreshold) {
      let shared = 0;
      for (const k of top) if (s.keyDocs.has(k)) shared++;
      if (shared < p.minSharedTop) return false;
    }
    if (ms - s.lastMs > p.staleHours * 3_600_000 && sim < p.staleJoinThreshold) return false;
    const recent = this.recentMembers(s);
    if (this.namesDisjoint(vec, s, recent, lang, x)) return false;
    return this.hasEvidence(x, s, ms) && this.nearTitle(x, recent, lang) && this.nearMember(vec, recent, lang) && this.hasEventWord(x, recent, lang, ms, s.firstMs);
  }

  /**
   * One name is not an event (params.eventWordHours): a story a day or more
   * old is often one actor's coverage ("Hunter Biden", "Elon Musk"), and a
   * new report on the actor shares the name and nothing else. Past that age
   * the article's title must share an event word with one of the story's
   * recent titles of its language: a rare word (idf >= evidenceIdf, not a
   * stop-phrase) that is no name (no capitalised name anchor of the article
   * or of those titles, no word of their people/organisations). "Hunter
   * Biden indicted on tax charges" shares only the name with "Comer, Jordan
   * threaten to hold Hunter Biden in contempt of Congress".
   */
  private hasEventWord(x: DocExtras, recent: readonly DocInfo[], lang: string, ms: number, firstMs: number): boolean {
    const p = this.params;
    if (p.eventWordHours <= 0 || p.evidenceIdf <= 0 || ms - firstMs <= p.eventWordHours * 3_600_000) return true;
    const members: DocExtras[] = [];
    const names = new Set(x.ev.names);
    const nameWords = new Set<string>();
    const addTags = (tags: readonly string[]): void => {
      for (const k of tags) if (k.startsWith('e:')) for (const w of fold(k.slice(k.indexOf(':', 2) + 1)).split(' ')) nameWords.add(w);
    };
    addTags(x.tags);
    for (const m of recent) {
      if (m.lang !== lang) continue;
      members.push(m.x);
      for (const k of m.x.ev.names) names.add(k);
      addTags(m.x.tags);
    }
    if (members.length === 0) return true;
    const { terms, words, titleTerms } = x.ev;
    for (let i = 0; i < titleTerms; i++) {
      const t = terms[i]!;
      const w = words[i]!;
      if (names.has(`n:${w.slice(0, ANCHOR_LEN)}`) || nameWords.has(w)) continue;
      if (this.idf(t) < p.evidenceIdf || this.isStopPhrase(t)) continue;
      for (const m of members) if (m.ev.title.has(t)) return true;
    }
    return false;
  }

  /**
   * Different names, different event: the article's title names rare names
   * (n: anchors of idf >= nameIdf) none of which the story holds, and the
   * story's recent titles name rare names none of which the article holds
   * ("Napoli ease into Champions League knockout stage with win over Braga"
   * and "PSG snatch knockout stage spot with 1-1 draw at Dortmund").
   */
  private namesDisjoint(vec: Map<string, number>, s: Story, recent: readonly DocInfo[], lang: string, x: DocExtras): boolean {
    const p = this.params;
    if (p.nameIdf <= 0) return false;
    let mine = false;
    for (const k of x.ev.names) {
      if (this.idf(k) < p.nameIdf) continue;
      if (s.keyDocs.has(k)) return false;
      mine = true;
    }
    if (!mine) return false;
    let theirs = false;
    for (const m of recent) {
      if (m.lang !== lang) continue;
      for (const k of m.x.ev.names) {
        if (this.idf(k) < p.nameIdf) continue;
        if (vec.has(k)) return false;
        theirs = true;
      }
    }
    return theirs;
  }

  /**
   * Centroids of big stories are broad: a report on a neighbouring event can
   * be close to the centroid while close to no member (topic drift, the
   * "chaining" of TDT). So an article must also resemble one of the story's
   * most recent members.
   */
  private nearMember(vec: Map<string, number>, recent: readonly DocInfo[], lang: string): boolean {
    const p = this.params;
    if (p.memberThreshold <= 0) return true;
    const pv = packed(vec);
    for (const m of recent) if (packedDot(pv, m.vec, m.lang === lang) >= p.memberThreshold) return true;
    return false;
  }

  // --- learned similarity (params.pairModel) -------------------------------

  /**
   * The pair features of article a against member m (the order of
   * PAIR_FEATURES); `cos` is their vector cosine, computed by the caller
   * (it already has it to pick which members to look at).
   */
  private pairFeatures(a: DocInfo, m: DocInfo, cos: number): number[] {
    const cross = a.lang !== 'und' && m.lang !== 'und' && a.lang !== m.lang;
    const titleCos = cross ? 0 : dot(a.x.titleVec, m.x.titleVec);
    let rare = 0;
    const [ts, tl] = a.x.rareTerms.size <= m.x.rareTerms.size ? [a.x.rareTerms, m.x.rareTerms] : [m.x.rareTerms, a.x.rareTerms];
    let titleRare = 0;
    for (const t of ts) {
      if (!tl.has(t) || this.isStopPhrase(t)) continue;
      rare++;
      if (a.x.ev.title.has(t) && m.x.ev.title.has(t)) titleRare++;
    }
    let ents = 0;
    let cShared = false;
    let aC = false;
    let mC = false;
    for (const k of a.x.tags) {
      const isC = k.charCodeAt(0) === 99; // "c:"
      if (isC) aC = true;
      if (!m.x.tags.includes(k)) continue;
      if (isC) cShared = true;
      else ents++;
    }
    for (const k of m.x.tags) if (k.charCodeAt(0) === 99) mC = true;
    const country = cShared ? 1 : aC && mC ? -1 : 0;
    let nums = 0;
    const an = a.x.ev.nums;
    const mn = m.x.ev.nums;
    if (an && mn) for (const n of an) if (mn.has(n)) nums++;
    // Across languages words and five-letter prefixes mislead ("Prague",
    // "Praga", "Pradze" share none; "Polska" and "Polish" share one): only
    // what the recognisers name in both counts.
    let xshared = 0;
    if (cross) {
      for (const [k, w] of a.x.xkeys) {
        const v = m.x.xkeys.get(k);
        if (v !== undefined) xshared += Math.min(w, v);
      }
    }
    let clash = 0;
    if (a.x.rareNames.length > 0 && m.x.rareNames.length > 0) {
      clash = 1;
      for (const k of a.x.rareNames) if (m.x.rareNames.includes(k)) clash = 0;
    }
    return [
      cos,
      titleCos,
      Math.min(3, rare),
      Math.min(3, ents),
      country,
      Math.min(2, nums),
      Math.abs(a.ms - m.ms) / 86_400_000,
      a.source !== null && a.source === m.source ? 1 : 0,
      cross ? 1 : 0,
      Math.min(3, xshared / 5),
      a.x.digest || m.x.digest ? 1 : 0,
      clash,
      Math.min(3, titleRare),
      cos * titleCos,
      titleCos * titleCos,
    ];
  }

  /**
   * Does the story hold a title of this outlet that is another slot
   * instance of this one (features.slotFrame) whose frame recurs in the
   * outlet's earlier titles?
   */
  private slotConflict(slots: Map<string, SlotTitle[]> | null, source: string, t: SlotTitle): boolean {
    const list = slots?.get(source);
    if (!list) return false;
    for (const u of list) {
      const frame = slotFrame(t, u);
      if (frame === null) continue;
      // Two editions of a column (the whole title) need params.editionRecurs earlier copies, a slot's frame FRAME_RECURS.
      const edition = frame === EDITION;
      if (this.frameRecurs(source, edition ? t.tokens : frame, t, u, edition ? this.params.editionRecurs : FRAME_RECURS)) return true;
    }
    return false;
  }

  /** Two stories holding two slot instances of one outlet's series are not one event. */
  private slotsConflict(a: Story, b: Story): boolean {
    if (!a.slots || !b.slots) return false;
    const [small, large] = a.slots.size <= b.slots.size ? [a.slots, b.slots] : [b.slots, a.slots];
    for (const o of small.keys()) {
      if (!large.has(o)) continue;
      for (const t of small.get(o)!) if (this.slotConflict(large, o, t)) return true;
    }
    return false;
  }

  /**
   * A series' frame recurs, a rewritten headline's does not: `need` other
   * window titles of the outlet, published 12 h or more before the later of
   * the two, hold the frame ("… to PKR rate today – #" every morning;
   * "Prezydent pisze do Hołowni … TVP" once). features.frameRecurs.
   */
  private frameRecurs(source: string, frame: readonly string[], a: SlotTitle, b: SlotTitle, need: number): boolean {
    const t = this.outletTitles.get(source);
    return frameRecurs(t?.list ?? [], t?.head ?? 0, frame, a, b, need);
  }

  /** The guards of a placed article's join: the series guards (seriesBlocked) and the one-outlet gap (outletGap). */
  private storyBlocked(a: DocInfo, s: Story): boolean {
    return this.seriesBlocked(a.x, a.source, s) || this.outletGap(a, s);
  }

  /**
   * A story told by one outlet alone takes that outlet's next piece only
   * within sameOutletGapHours (params.sameOutletGapAll): its recurring
   * features ("Energy & Utilities Roundup: Market Talk" every morning, a
   * podcast's daily episode) look alike every day and are each their own.
   */
  private outletGap(a: DocInfo, s: Story): boolean {
    if (!this.params.sameOutletGapAll || a.source === null || s.outlets.size !== 1 || !s.outlets.has(a.source)) return false;
    return this.pastOutletGap(a.ms, a.ms, s);
  }

  /** The series guards: may an article of this outlet with these extras not join the story? One place for every join path. */
  private seriesBlocked(x: DocExtras, source: string | null, s: Story): boolean {
    // An outlet's series (daily roundups, "Currency rates today – December
    // 19") is not one event with other outlets' reports: it stays a story of
    // its own outlet, and such a story takes no other outlet.
    if ((x.series || s.series) && !(source !== null && s.outlets.size === 1 && s.outlets.has(source))) return true;
    // One story, one instance of a series: "Horoskop dzienny - sobota 30
    // grudnia" and "- niedziela 31 grudnia" of one outlet are two items.
    if (x.instance !== null && otherInstance(s.instances, x.instance, x.titleText)) return true;
    // The same for a series worded alike but for a slot: "Dirham to PKR rate today" and "Saudi Riyal to PKR rate today".
    return x.slot !== null && source !== null && this.slotConflict(s.slots, source, x.slot);
  }

  /**
   * The story's signature: the keys at least half of its members hold (all
   * of a one-member story's keys), each with its idf. Cached until the
   * story's membership or the window changes (both are the same after a
   * restart rebuilds the window, so the decision is too).
   */
  private signatureOf(s: Story): Signature {
    const n = s.articleIds.length;
    const old = s.sig;
    const w = this.windowDocs.length - this.windowHead;
    if (old && old.n === n && old.w === w) return old;
    const min = Math.max(1, Math.ceil(n / 2));
    const keys: string[] = [];
    const idfs: number[] = [];
    let total = 0;
    for (const [k, d] of s.keyDocs) {
      if (d < min || (k.charCodeAt(0) === 98 && k.charCodeAt(1) === 58 && this.isStopPhrase(k))) continue;
      const w = this.idf(k);
      if (w <= 0) continue;
      keys.push(k);
      idfs.push(w);
      total += w;
    }
    return (s.sig = { n, w, keys, idfs, total });
  }

  /** The story features (STORY_FEATURES in storyModel.ts) of article `a` against story `s`; `cent` is their centroid cosine. */
  private storyFeatures(a: DocInfo, s: Story, cent: number): number[] {
    const model = this.params.pairModel!;
    const recent = this.recentMembers(s);
    const pv = packed(a.vec);
    const mean = this.bestPair(a, pv, recent, model, 3);
    const max = this.bestPair(a, pv, recent, model, 0);
    const sig = this.signatureOf(s);
    let shared = 0;
    let ents = 0;
    let sigC = false;
    let sigHasC = false;
    for (let i = 0; i < sig.keys.length; i++) {
      const k = sig.keys[i]!;
      const isC = k.charCodeAt(0) === 99 && k.charCodeAt(1) === 58; // "c:"
      if (isC) sigHasC = true;
      if (!a.vec.has(k)) continue;
      shared += sig.idfs[i]!;
      if (isC) sigC = true;
      else if (k.charCodeAt(0) === 101 && k.charCodeAt(1) === 58) ents++; // "e:"
    }
    const cover = sig.total > 0 ? shared / sig.total : 0;
    let novelty = 0;
    for (const [k, x] of a.vec) if (!s.keyDocs.has(k)) novelty += x * x;
    let titleNovelty = 0;
    let titleRepeat = 0;
    const twice = Math.min(2, s.articleIds.length);
    for (const [k, x] of a.x.titleVec) {
      const d = s.keyDocs.get(k) ?? 0;
      if (d === 0) titleNovelty += x * x;
      else if (d >= twice) titleRepeat += x * x;
    }
    let aC = false;
    for (const k of a.x.tags) if (k.charCodeAt(0) === 99) aC = true;
    const lang = mainLanguage(s);
    const cross = a.lang !== 'und' && lang !== 'und' && a.lang !== lang;
    let xshared = 0;
    if (cross) {
      const seen = new Map<string, number>();
      for (const m of recent) for (const [k, w] of m.x.xkeys) if (a.x.xkeys.has(k)) seen.set(k, Math.min(w, a.x.xkeys.get(k)!));
      for (const w of seen.values()) xshared += w;
    }
    return [
      cent,
      Math.max(0, mean),
      Math.max(0, max),
      cover,
      Math.min(3, shared / 10),
      Math.min(3, ents),
      Math.log2(1 + s.articleIds.length),
      Math.abs(a.ms - s.lastMs) / 86_400_000,
      cross ? 1 : 0,
      Math.min(3, xshared / 5),
      a.source !== null && s.outlets.size === 1 && s.outlets.has(a.source) ? 1 : 0,
      a.x.digest ? 1 : 0,
      sigC ? 1 : aC && sigHasC ? -1 : 0,
      cover * cent,
      novelty,
      titleNovelty,
      titleRepeat,
    ];
  }

  /** The story-model probability that member-less article `a` reports story `s`'s event (-1: out of reach). */
  private storyScore(a: DocInfo, s: Story): number {
    if (s.normSq <= 0 || this.storyBlocked(a, s)) return -1;
    const same = a.lang === mainLanguage(s);
    const cent = centroidDot(packed(a.vec), s.centroid, same) / Math.sqrt(s.normSq);
    return storyProbability(this.params.storyModel!, this.storyFeatures(a, s, cent));
  }

  /**
   * How likely the article reports the story's event: the best pair
   * probability against the story's recent members (the two closest by
   * vector, the closest by title), or -1 when the story is out of reach (its
   * centroid too far: a chain of neighbours is not one event; a series guard).
   */
  private learnedScore(a: DocInfo, s: Story, floor = -Infinity): number {
    const p = this.params;
    const model = p.pairModel!;
    if (s.normSq <= 0 || this.storyBlocked(a, s)) return -1;
    return this.bestPair(a, packed(a.vec), this.recentMembers(s), model, undefined, floor);
  }

  /**
   * The pair model's probability that `a` and `m` report one event; across
   * languages recalibrated by the kinds of happening both tell, when
   * crossConcepts is set: among cross-language pairs the pair model puts
   * between 0.3 and 0.95 on the tuning halves, 69 % of those that share a
   * kind are one event and 17 % of those whose kinds clash
   * (docs/clustering-journal.md, round 21).
   */
  private pairProb(model: PairModel, a: DocInfo, m: DocInfo, cos: number): number {
    const p = pairProbability(model, this.pairFeatures(a, m, cos));
    const cc = this.params.crossConcepts;
    if (!cc || a.lang === 'und' || m.lang === 'und' || a.lang === m.lang) return p;
    const { share, clash } = conceptAgreement(a.x.concepts, m.x.concepts);
    return recalibratedProbability(cc, p, share, clash, cc.weights.length === CROSS_WORD_INPUTS ? this.crossWords(a, m) : undefined);
  }

  /**
   * How much an English and a Polish report say in the same words, by the
   * English-Polish lexicon (bilingual.ts): the idf above 2 of the English
   * words of one's title and lead that the other's words translate to,
   * summed, / 5 and capped at 3; the same of the two titles alone. Zero for
   * other pairs. An idf of 2 or less is a word of every other report
   * ("say", "new"), which the lexicon translates as readily as "shooting".
   */
  private crossWords(a: DocInfo, m: DocInfo): [number, number] {
    const en = a.lang === 'en' && m.lang === 'pl' ? a : m.lang === 'en' && a.lang === 'pl' ? m : null;
    if (!en) return [0, 0];
    const pl = en === a ? m : a;
    let all = 0;
    for (const s of pl.x.trans) if (en.x.title.has(s)) all += this.crossWordWeight(s);
    let title = 0;
    for (const s of pl.x.transTitle) if (en.x.ev.title.has(s)) title += this.crossWordWeight(s);
    return [Math.min(3, all / 5), Math.min(3, title / 5)];
  }

  /** What one English stem shared across languages weighs: its idf above 2, 0 for a word of every other report (crossWords, crossWordStories). */
  private crossWordWeight(stem: string): number {
    return Math.max(0, this.idf(stem) - 2);
  }

  /** The crossWords of two window articles (the recalibration's trainer), or null when either has left the window. */
  crossWordsOf(aId: string, bId: string): [number, number] | null {
    const a = this.docInfo.get(aId);
    const b = this.docInfo.get(bId);
    if (!a || !b) return null;
    return this.crossWords(a, b);
  }

  /**
   * The best pair probability of `a` against the given members (the two
   * closest by vector and the closest by title), or with avgK the average
   * over the k closest. Given a `floor`, an average that cannot reach it
   * comes back as -1 before all k are scored: for callers that only take a
   * score at or above the floor.
   */
  private bestPair(a: DocInfo, pv: Packed, members: readonly DocInfo[], model: NonNullable<ClusterParams['pairModel']>, avgK?: number, floor = -Infinity): number {
    const k = avgK ?? this.params.pairAvgK;
    if (k > 0) {
      // Average link over the k closest members: one close member among
      // strangers is not enough (a chain of neighbours is not one event).
      const cos: number[] = [];
      const idx: number[] = [];
      for (let i = 0; i < members.length; i++) {
        const m = members[i]!;
        const c = packedDot(pv, m.vec, m.lang === a.lang);
        // Keep the k best in a small sorted buffer (ties: the more recent member first, as listed).
        let j = cos.length;
        if (j === k && c <= cos[k - 1]!) continue;
        if (j < k) {
          cos.push(c);
          idx.push(i);
        } else j = k - 1;
        while (j > 0 && cos[j - 1]! < c) {
          cos[j] = cos[j - 1]!;
          idx[j] = idx[j - 1]!;
          j--;
        }
        cos[j] = c;
        idx[j] = i;
      }
      if (cos.length === 0) return -1;
      // A probability is at most 1: once the members left could not lift
      // the average to the caller's floor, the rest are not scored (the
      // average would be below it whatever they gave; most stories looked
      // at are not taken, and a pair probability is the dear part).
      const n = cos.length;
      const need = floor * n - FLOOR_SLACK;
      let sum = 0;
      for (let j = 0; j < n; j++) {
        if (sum + (n - j) < need) return -1;
        sum += this.pairProb(model, a, members[idx[j]!]!, cos[j]!);
      }
      return sum / n;
    }
    let b1 = -1;
    let b2 = -1;
    let c1 = -1;
    let c2 = -1;
    let bt = -1;
    let tBest = -1;
    const cosines: number[] = [];
    for (let i = 0; i < members.length; i++) {
      const m = members[i]!;
      const c = packedDot(pv, m.vec, m.lang === a.lang);
      cosines.push(c);
      if (c > c1) {
        c2 = c1;
        b2 = b1;
        c1 = c;
        b1 = i;
      } else if (c > c2) {
        c2 = c;
        b2 = i;
      }
      if (m.lang === a.lang) {
        const t = dot(a.x.titleVec, m.x.titleVec);
        if (t > tBest) {
          tBest = t;
          bt = i;
        }
      }
    }
    let best = -1;
    for (const i of [b1, b2, bt]) {
      if (i < 0) continue;
      const pr = this.pairProb(model, a, members[i]!, cosines[i]!);
      if (pr > best) best = pr;
    }
    return best;
  }

  /**
   * The learned merge pass: two stories are one event when their centroids
   * are close enough (mergeFloor) and one of the younger story's first
   * articles is, by the pair model, one event with one of the older story's
   * recent members (mergePairThreshold). Languages may meet here.
   */
  private mergePassLearned(): void {
    const p = this.params;
    const model = p.pairModel!;
    // The learned story merge (params.mergeModel, or a training probe) looks from its own floor, which may be below the pair merge's.
    const learned = p.mergeModel !== null || this.mergeProbe !== null;
    this.mergeTouched((s) => {
      let best: Story | null = null;
      let bestSim = -1;
      const top = this.topKeys(s.centroid, p.candidateTerms);
      // The story's anchors (a burst per title word) are read only once a candidate is near enough for them.
      let anchors: string[] | null = p.anchorBurst > 0 ? null : [];
      const found = this.candidates(s.centroid, top);
      const routed = p.personRouteThreshold > 0 ? this.personRoute(s, found) : null;
      for (const c of routed ? [...found, ...routed] : found) {
        if (c.id === s.id) continue;
        // Met only through a person (personRoute): no centroid floor for the pair model's merge, whose threshold is the route's own (the anchor route below is asked as of any candidate).
        const viaPerson = routed !== null && routed.has(c);
        if ((s.series || c.series) && !sameOutletOnly(s, c)) continue;
        if (instancesConflict(s, c)) continue;
        if (!this.openTogether(s, c)) continue;
        if (this.storiesOutletGap(s, c)) continue;
        const cos = centroidCosine(s, c);
        const sameLang = mainLanguage(s) === mainLanguage(c);
        const [young, old] = c.seq < s.seq ? [s, c] : [c, s];
        // Across languages the centroids share only names and tags, so the
        // floor is the cross-language one (crossFloor), and the two stories'
        // cross-language signatures must agree, for an anchor merge as for a
        // learned one. Asked at most once a pair, and only of a pair that
        // gets that far (a memo, not a closure: this loop runs for every
        // candidate of every touched story at every pass).
        let agree: boolean | undefined;
        if (
          cos >= (sameLang ? this.anchorFloor() : p.crossFloor) &&
          // Two big parts of one saga need no shared anchor (bigPair); the anchors are read only when they do.
          (this.bigPair(s, c, sameLang, cos) || ((anchors ??= this.storyAnchors(s)).length > 0 && this.anchorsMeet(anchors, s, c))) &&
          (agree ??= this.signaturesAgree(young, old, sameLang)) &&
          this.anchorVouched(young, old, model)
        ) {
          // One saga by its bursting name (params.anchorBurst): the pair model need only vouch weakly (anchorVouched), not reach the merge threshold.
          // The slot rule last: it compares titles pairwise, the dearest check (it only ever refuses).
          if (cos >= bestSim && !this.slotsConflict(s, c)) {
            best = c;
            bestSim = cos;
          }
          continue;
        }
        const floor = viaPerson ? -Infinity : sameLang ? p.mergeFloor : p.crossFloor;
        const modelFloor = sameLang ? p.mergeModelFloor : p.crossFloor;
        if (cos < (learned ? Math.min(floor, modelFloor) : floor)) continue;
        if (!(agree ??= this.signaturesAgree(young, old, sameLang))) continue;
        let sim = -1;
        let pass = false;
        let first: number | null = null;
        // The slot rule compares titles pairwise, the dearest check: asked once, and only of a pair that would otherwise be scored or merged.
        let parted: boolean | undefined;
        if (cos >= floor && (!p.storyModel || !sameLang || p.storyRescue)) {
          const threshold = viaPerson ? p.personRouteThreshold : sameLang ? p.mergePairThreshold : (p.crossMergePairThreshold ?? p.crossPairThreshold);
          // The learned merge reads the score whatever it is (mergeFeatures): without it, scored only as far as it could pass.
          sim = first = this.youngPairScore(young, old, model, learned ? -Infinity : threshold);
          pass = sim >= threshold;
        }
        // The slot rule before the model: a pair it parts is never merged, so it is neither scored nor shown to training.
        if (!pass && learned && cos >= modelFloor && !(parted ??= this.slotsConflict(s, c))) {
          const f = this.mergeFeatures(young, old, cos, first ?? this.youngPairScore(young, old, model), sameLang, model);
          this.mergeProbe?.({ young: young.articleIds, old: old.articleIds, features: f });
          if (p.mergeModel) {
            const q = mergeProbability(p.mergeModel, f);
            if (q >= p.mergeModelThreshold) {
              pass = true;
              sim = q;
            }
          }
        }
        if (!pass && cos >= floor && p.storyModel && sameLang) {
          sim = -1;
          for (const id of young.articleIds.slice(0, 3)) {
            const a = this.docInfo.get(id);
            if (a) sim = Math.max(sim, this.storyScore(a, old));
          }
          pass = sim >= p.storyMergeThreshold;
        }
        if (!pass || (parted ??= this.slotsConflict(s, c))) continue;
        if (sim >= bestSim) {
          best = c;
          bestSim = sim;
        }
      }
      return { best, sim: bestSim };
    });
  }

  /**
   * The stories of the other main language that a touched story meets
   * only through a person it is about (params.personRouteThreshold), or an
   * organisation (params.personRouteOrgs): those holding a member that
   * names a person or organisation of its cross signature, and not already
   * among the index's candidates (`found`). A person's key is spelled
   * alike in both languages only as a cross key (personPostings); an
   * organisation's entity key already is (the recogniser's aliases), so
   * its vector postings serve. A name in more stories than the index walks
   * (maxPostings) tells none apart and is skipped, as the index skips
   * such a key.
   */
  private personRoute(s: Story, found: readonly Story[]): Set<Story> | null {
    const min = this.params.personRouteMinSize;
    // Following people only, a story naming no one has no person in its signature: the signature is not built (this runs for every touched story at every pass).
    if (s.articleIds.length < min || (!s.personKeys && !this.params.personRouteOrgs)) return null;
    const lang = mainLanguage(s);
    let out: Story[] | null = null;
    for (const k of this.crossSignature(s).keys()) {
      const holders = isPersonKey(k) ? this.personPostings.get(k) : this.params.personRouteOrgs && k.startsWith('organization:') ? this.postings.get(`e:${k}`) : undefined;
      if (!holders || holders.size > this.params.maxPostings) continue;
      for (const c of holders) if (c !== s && c.articleIds.length >= min && mainLanguage(c) !== lang && !found.includes(c)) (out ??= []).push(c);
    }
    // The biggest few only (personRouteCap): an organisation in the news holds hundreds of stories, and each met is scored by the pair model.
    const cap = this.params.personRouteCap;
    if (out && cap > 0 && out.length > cap) out = out.sort((a, b) => b.articleIds.length - a.articleIds.length || a.seq - b.seq).slice(0, cap);
    // In creation order, not the postings' (a merge moves a story to the end of a key's postings; a restart posts in rank order).
    return out && new Set(out.sort((a, b) => a.seq - b.seq));
  }

  /**
   * Two parts of one saga (params.bigMergeFloor): stories of one language,
   * each of bigMergeSize articles or more, whose centroids are this close
   * take the anchor route without an anchor of both. The other checks of
   * that route still decide (signatures, the pair model's vouch and its
   * cast rule, the slot rule). A saga's parts are told in different words
   * as it moves on: "Niezidentyfikowany obiekt wleciał…" in the morning,
   * "Rosyjska rakieta wleciała…" once the army said what it was; each part
   * bursts with its own word and no word is in half the titles of both
   * (docs/clustering-journal.md, round 44).
   */
  private bigPair(s: Story, c: Story, sameLang: boolean, cos: number): boolean {
    const p = this.params;
    return p.bigMergeFloor > 0 && sameLang && cos >= p.bigMergeFloor && Math.min(s.articleIds.length, c.articleIds.length) >= p.bigMergeSize;
  }

  /** Two stories of one language, or of two whose cross-language signatures agree (crossAgrees): may they merge at all? */
  private signaturesAgree(young: Story, old: Story, sameLang: boolean): boolean {
    return sameLang || this.crossAgrees(this.crossSignature(young), this.crossSignature(old));
  }

  /**
   * The learned story merge's features (mergeModel.ts, MERGE_FEATURES) of a
   * younger and an older story, given their centroid cosine and the pair
   * merge's score of the younger's first reports.
   */
  private mergeFeatures(young: Story, old: Story, cos: number, firstPair: number, sameLang: boolean, model: PairModel): number[] {
    const p = this.params;
    const ids = young.articleIds;
    const late = ids.length > 3 ? this.pairScoreOf(ids.slice(-3), old, model) : firstPair;
    // Title profiles: a word's share of the members whose title or lead holds it, times its idf.
    const ny = young.articleIds.length;
    const no = old.articleIds.length;
    let dot = 0;
    let yy = 0;
    let cover = 0;
    let anchor = 0;
    const idfs = new Map<string, number>();
    for (const [k, c] of young.titleKeys) {
      const w = this.idf(k);
      if (w <= 0) continue;
      idfs.set(k, w);
      const wy = (c / ny) * w;
      yy += wy * wy;
      const co = old.titleKeys.get(k);
      if (co === undefined) continue;
      dot += wy * (co / no) * w;
      if (co * 3 >= no) {
        cover += wy * wy;
        if (anchor === 0 && c * 3 >= ny && p.anchorBurst > 0 && this.burst(k) >= p.anchorBurst) anchor = 1;
      }
    }
    let oo = 0;
    for (const [k, c] of old.titleKeys) {
      const w = idfs.get(k) ?? this.idf(k);
      if (w <= 0) continue;
      const wo = (c / no) * w;
      oo += wo * wo;
    }
    const titleCos = yy > 0 && oo > 0 ? dot / Math.sqrt(yy * oo) : 0;
    const gapH = Math.max(0, Math.max(young.firstMs, old.firstMs) - Math.min(young.lastMs, old.lastMs)) / 3_600_000;
    let shared = 0;
    for (const o of young.outlets.keys()) if (old.outlets.has(o)) shared++;
    // What the recognisers name (e:) and the focus countries (c:), as shares of members (keyDocs) times idf.
    const isTag = (k: string): boolean => k.startsWith('e:') || k.startsWith('c:');
    let tdot = 0;
    let tyy = 0;
    let too = 0;
    let cy = false;
    let co = false;
    let cshared = false;
    for (const [k, n] of young.keyDocs) {
      if (!isTag(k)) continue;
      const sh = n / ny;
      const idf = Math.max(0, this.idf(k));
      const w = sh * idf;
      tyy += w * w;
      const o = (old.keyDocs.get(k) ?? 0) / no;
      tdot += w * o * idf;
      if (k.startsWith('c:') && sh >= 0.5) {
        cy = true;
        if (o >= 0.5) cshared = true;
      }
    }
    for (const [k, n] of old.keyDocs) {
      if (!isTag(k)) continue;
      const sh = n / no;
      const w = sh * Math.max(0, this.idf(k));
      too += w * w;
      if (k.startsWith('c:') && sh >= 0.5) co = true;
    }
    const tagCos = tyy > 0 && too > 0 ? tdot / Math.sqrt(tyy * too) : 0;
    // A story of one or two reports is its reports: what they say pair by pair weighs otherwise than two stories' profiles.
    const small = Math.min(ny, no) <= 2 ? 1 : 0;
    return [
      cos,
      logit(firstPair),
      logit(late),
      titleCos,
      yy > 0 ? cover / yy : 0,
      anchor,
      Math.log2(1 + gapH),
      Math.log2(1 + ny),
      Math.log2(1 + no),
      sameLang ? 0 : 1,
      young.outlets.size > 0 ? shared / young.outlets.size : 0,
      cos * titleCos,
      tagCos,
      cy && co ? (cshared ? 1 : -1) : 0,
      Math.log2(young.outlets.size + old.outlets.size),
      small,
      small * logit(firstPair),
      small * titleCos,
    ];
  }

  /**
   * How likely two stories are one event by their reports: the best pair
   * probability of the younger story's first three articles against the
   * older one's recent members (the learned merge's test). Also what lets
   * two stories of some size merge by a shared bursting word
   * (params.anchorPairFloor): "American Airlines, JetBlue end partnership"
   * and "American Eagle's CEO search" share "American", and the pair model
   * gives their reports almost nothing.
   */
  private youngPairScore(young: Story, old: Story, model: PairModel, floor = -Infinity): number {
    return this.pairScoreOf(young.articleIds.slice(0, 3), old, model, floor);
  }

  /**
   * The best pair probability of these reports against the story's recent
   * members (-1 when none is in the window). Below `floor` it may be any
   * value below it (bestPair's early stop): for callers that only ask
   * whether it reaches the floor.
   */
  private pairScoreOf(ids: readonly string[], s: Story, model: PairModel, floor = -Infinity): number {
    const recent = this.recentMembers(s);
    let sim = -1;
    for (const id of ids) {
      const a = this.docInfo.get(id);
      if (a) sim = Math.max(sim, this.bestPair(a, packed(a.vec), recent, model, undefined, floor));
    }
    return sim;
  }

  /**
   * Burst anchors of a story (params.anchorBurst): title words that at least
   * anchorShare of its members' titles hold and that burst now.
   */
  private storyAnchors(s: Story): string[] {
    const p = this.params;
    const min = p.anchorShare * s.articleIds.length;
    const out: string[] = [];
    for (const [k, c] of s.titleKeys) if (c >= min && this.burst(k) >= p.anchorBurst) out.push(k);
    return out;
  }

  /**
   * Whether story `c` is one saga with `s` by one of `s`'s anchors (the
   * bigger big enough, `c`'s titles holding it). In any two languages: an
   * anchor is a title word, and the names that burst are mostly written
   * alike ("TVP", "Colorado", "Houthi"), where other words are not.
   */
  private anchorsMeet(anchors: readonly string[], s: Story, c: Story): boolean {
    const p = this.params;
    if (Math.max(s.articleIds.length, c.articleIds.length) < p.anchorMinSize) return false;
    const min = p.anchorShare * c.articleIds.length;
    return anchors.some((k) => (c.titleKeys.get(k) ?? 0) >= min);
  }

  /**
   * The story an article the learned similarity left alone joins by a burst
   * anchor of its own title (params.anchorBurst), among the stories looked
   * at: the most anchor idf, then the closest centroid.
   */
  private anchorStory(a: DocInfo, looked: readonly { s: Story; cent: number }[]): { s: Story; sim: number } | null {
    const p = this.params;
    const anchors = [...a.x.ev.title].filter((k) => this.burst(k) >= p.anchorBurst);
    if (anchors.length === 0) return null;
    let best: Story | null = null;
    let bestScore = 0;
    let bestCent = 0;
    const floor = this.anchorFloor();
    const sagas = this.sagaStories(a, anchors, looked);
    for (const { s, cent } of sagas.length > 0 ? [...looked, ...sagas] : looked) {
      const n = s.articleIds.length;
      if (n < p.anchorMinSize || a.lang !== mainLanguage(s) || this.storyBlocked(a, s)) continue;
      if (cent < floor && !this.isSagaOf(s, anchors, a)) continue;
      let score = 0;
      for (const k of anchors) if ((s.titleKeys.get(k) ?? 0) >= p.anchorShare * n) score += this.idf(k);
      if (score > bestScore || (score > 0 && score === bestScore && cent > bestCent)) {
        best = s;
        bestScore = score;
        bestCent = cent;
      }
    }
    return best ? { s: best, sim: bestCent } : null;
  }

  /**
   * Saga stories of an article's anchors that are not among the stories
   * looked at (params.anchorSagaSize): through the postings of each anchor
   * that names one of the article's organisations, the stories of the span
   * whose titles hold it. A handful of stories pass; the walk is over the
   * anchor's postings, which maxPostings does not bound, so it is only taken
   * for an article the other rules left alone with such an anchor.
   */
  private sagaStories(a: DocInfo, anchors: readonly string[], looked: readonly { s: Story; cent: number }[]): { s: Story; cent: number }[] {
    const p = this.params;
    if (p.anchorSagaSize <= 0) return [];
    const out: { s: Story; cent: number }[] = [];
    let pv: Packed | null = null;
    for (const k of anchors) {
      if (!namesOrganisation(a.x.xkeys, k)) continue;
      for (const s of this.sagasOf(k, a.ms)) {
        if (s.normSq <= 0 || looked.some((l) => l.s === s) || out.some((o) => o.s === s)) continue;
        pv ??= packed(a.vec);
        out.push({ s, cent: articleCosine(pv, s, a.lang === mainLanguage(s)) });
      }
    }
    return out;
  }

  /**
   * The saga story (params.anchorSagaSize) of an organisation the article
   * names outside its title ("Wszystko się wydarzy zgodnie z prawem": a
   * minister on the takeover, TVP named in the text): a one-word name that
   * bursts in the window's titles is a saga's anchor wherever the article
   * names it. The biggest such story of the article's language. Not a name
   * the article gives only as the channel of a statement ("w odpowiedzi na
   * pytania PAP": features.attributedNames), read from its text here, for
   * the few names that would anchor, and only for an article the other
   * rules left alone.
   */
  private namedSaga(a: DocInfo, doc: Pick<ClusterDoc, 'title' | 'text'>): { s: Story; sim: number } | null {
    const p = this.params;
    if (p.anchorSagaSize <= 0 || !p.anchorSagaText) return null;
    let best: Story | null = null;
    for (const key of a.x.xkeys.keys()) {
      if (!key.startsWith('organization:')) continue;
      const name = key.slice(13);
      if (name.length < 3 || /\s/.test(name)) continue;
      // The name as a title word of the article's language ("hamas" is the title word "hama").
      const terms = titleTerms(name, a.lang);
      if (terms.size !== 1) continue;
      const k = terms.values().next().value as string;
      if (this.burst(k) < p.anchorBurst || attributedNames(doc.title, doc.text ?? '', [name]).size > 0) continue;
      for (const s of this.sagasOf(k, a.ms)) {
        if (s.articleIds.length <= (best?.articleIds.length ?? 0) || a.lang !== mainLanguage(s) || this.storyBlocked(a, s)) continue;
        best = s;
      }
    }
    return best ? { s: best, sim: articleCosine(packed(a.vec), best, true) } : null;
  }

  /**
   * The saga story of another language whose members name a focus country
   * of the article that is rare in the window (params.anchorSagaCountryIdf):
   * the biggest, with burst anchors of its own and a cross signature the
   * article agrees with.
   */
  private countrySaga(a: DocInfo): { s: Story; sim: number } | null {
    const p = this.params;
    if (p.anchorSagaCountryIdf <= 0 || p.anchorSagaSize <= 0) return null;
    let best: Story | null = null;
    for (const [key, idf] of a.x.xkeys) {
      if (!key.startsWith('c:') || idf < p.anchorSagaCountryIdf) continue;
      for (const s of this.holders(key, a.ms)) {
        const n = s.articleIds.length;
        if (n < p.anchorSagaSize || n <= (best?.articleIds.length ?? 0) || a.lang === mainLanguage(s)) continue;
        if ((s.keyDocs.get(key) ?? 0) < p.anchorSagaShare * n || this.storyBlocked(a, s)) continue;
        if (s.normSq <= 0 || this.storyAnchors(s).length === 0 || !this.crossAgrees(a.x.xkeys, this.crossSignature(s))) continue;
        best = s;
      }
    }
    return best ? { s: best, sim: articleCosine(packed(a.vec), best, false) } : null;
  }

  /** Whether `s` is a saga story (params.anchorSagaSize) of one of the article's anchors naming an organisation it names. */
  private isSagaOf(s: Story, anchors: readonly string[], a: DocInfo): boolean {
    return this.params.anchorSagaSize > 0 && anchors.some((k) => this.isSagaStory(s, k) && namesOrganisation(a.x.xkeys, k));
  }

  /** A saga story of anchor `k`: anchorSagaSize articles or more, anchorSagaShare of whose titles hold it. */
  private isSagaStory(s: Story, k: string): boolean {
    const n = s.articleIds.length;
    return n >= this.params.anchorSagaSize && (s.titleKeys.get(k) ?? 0) >= this.params.anchorSagaShare * n;
  }

  /**
   * Whether story `s` still takes articles at `ms`: its first article within
   * the span cap (params.maxSpanHours), or a saga story that outlives it
   * (params.sagaSpanHours).
   */
  private open(s: Story, ms: number): boolean {
    return ms - s.firstMs <= this.params.maxSpanHours * 3_600_000 || this.sagaRuns(s, ms);
  }

  /** Whether two stories may be one: together within the span cap, or the older a saga that runs. */
  private openTogether(s: Story, c: Story): boolean {
    if (Math.max(s.lastMs, c.lastMs) - Math.min(s.firstMs, c.firstMs) <= this.params.maxSpanHours * 3_600_000) return true;
    const old = c.firstMs < s.firstMs || (c.firstMs === s.firstMs && c.seq < s.seq) ? c : s;
    return this.sagaRuns(old, Math.max(s.lastMs, c.lastMs));
  }

  /**
   * A saga story past the span cap that still runs (params.sagaSpanHours):
   * anchorSagaSize articles or more, anchorSagaShare of whose titles hold a
   * word that still bursts, its first article within sagaSpanHours. The
   * public-media takeover ran for weeks under one name ("TVP"); the cap
   * against drift would cut it every three days into new stories that
   * gather it again from nothing.
   */
  private sagaRuns(s: Story, ms: number): boolean {
    const p = this.params;
    if (p.sagaSpanHours <= 0 || p.anchorSagaSize <= 0 || p.anchorBurst <= 0 || ms - s.firstMs > p.sagaSpanHours * 3_600_000) return false;
    for (const k of s.titleKeys.keys()) if (this.isSagaStory(s, k) && this.burst(k) >= p.anchorBurst) return true;
    return false;
  }

  /** The saga stories of anchor `k` an article published at `ms` may join. */
  private *sagasOf(k: string, ms: number): Generator<Story> {
    for (const s of this.holders(k, ms)) if (this.isSagaStory(s, k)) yield s;
  }

  /** The stories holding key `k` (its postings) that an article published at `ms` may join within the span cap. */
  private *holders(k: string, ms: number): Generator<Story> {
    for (const s of this.postings.get(k) ?? []) if (this.open(s, ms)) yield s;
  }

  /** The story's cross signature (crossSignature below) over its recent members. */
  private crossSignature(s: Story): Map<string, number> {
    return crossSignature(this.recentMembers(s).map((m) => m.x.xkeys));
  }

  private crossAgrees(keys: ReadonlyMap<string, number>, sig: ReadonlyMap<string, number>): boolean {
    return !this.params.crossSignatureGuard || crossAgrees(keys, sig, this.params.crossGuardCountries);
  }

  // --- stories ------------------------------------------------------------

  private newStory(id: string, firstMs: number): Story {
    // A story's seq is its first member's rank (the rank the next append
    // takes): creation order, as a counter would give, and what a restart
    // can rebuild from stored ranks (placeRestored).
    const s: Story = { id, seq: this.nextRank, firstMs, lastMs: firstMs, articleIds: [], centroid: new WeightTable(), normSq: 0, keyDocs: new Map(), langs: new Map(), main: null, outlets: new Map(), titleKeys: new Map(), titleWords: new Map(), transKeys: new Map(), personKeys: null, series: false, instances: null, slots: null, mark: 0, score: 0, sig: null, big: false };
    this.stories.set(id, s);
    return s;
  }

  private addToStory(s: Story, articleId: string, vec: Map<string, number>, ms: number, lang: string, source: string | null, x: DocExtras, rank?: number): void {
    for (const k of x.title) countIn(s.titleKeys, k);
    for (const k of x.ev.title) countIn(s.titleWords, k);
    // Indexed only for the look-up that reads them (crossWordStories): a clusterer without it pays nothing.
    if (this.params.crossWordStories > 0) {
      // Posted once, when the story first holds the word (a story is in a word's postings while it holds it).
      for (const k of x.trans) if (countIn(s.transKeys, k) === 1) this.post(k, s, this.transPostings);
    }
    if (this.params.personRouteThreshold > 0) for (const k of x.xkeys.keys()) if (isPersonKey(k) && countIn((s.personKeys ??= new Map()), k) === 1) this.post(k, s, this.personPostings);
    if (x.series) s.series = true;
    if (x.instance !== null && !s.instances?.has(x.instance)) (s.instances ??= new Map()).set(x.instance, x.titleText);
    if (x.slot !== null && source !== null) addSlot(s, source, x.slot);
    const { keys, vals, hashes } = packed(vec);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const old = s.centroid.add(k, hashes[i]!, vals[i]!);
      const nw = old + vals[i]!;
      s.normSq += nw * nw - old * old;
      if (countIn(s.keyDocs, k) === 1) this.post(k, s, this.postings);
    }
    this.pushMember(s, articleId, rank);
    this.growBig(s, x.title, x.trans, true);
    if (ms < s.firstMs) s.firstMs = ms;
    if (ms > s.lastMs) s.lastMs = ms;
    countIn(s.langs, lang);
    s.main = null;
    if (source !== null) countIn(s.outlets, source);
    this.articleStory.set(articleId, s.id);
    this.docInfo.set(articleId, { vec, ms, lang, source, x });
    this.touched.add(s.id);
    this.refineTouched.add(s.id);
  }

  /** Take one article's vector out of its story (the inverse of addToStory). */
  private removeFromStory(s: Story, articleId: string, vec: Map<string, number>, lang: string, source: string | null, x: DocExtras): void {
    for (const k of x.title) {
      countOut(s.titleKeys, k);
      if (s.big && !s.titleKeys.has(k)) this.unpost(k, s, this.bigTitle);
    }
    for (const k of x.ev.title) countOut(s.titleWords, k);
    if (s.transKeys.size > 0) {
      for (const k of x.trans) {
        countOut(s.transKeys, k);
        if (!s.transKeys.has(k)) {
          this.unpost(k, s, this.transPostings);
          if (s.big) this.unpost(k, s, this.bigTrans);
        }
      }
    }
    const people = s.personKeys;
    if (people) {
      for (const k of x.xkeys.keys()) {
        if (!isPersonKey(k)) continue;
        countOut(people, k);
        if (!people.has(k)) this.unpost(k, s, this.personPostings);
      }
      if (people.size === 0) s.personKeys = null;
    }
    const { keys, vals, hashes } = packed(vec);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const h = hashes[i]!;
      const old = s.centroid.get(k, h) ?? 0;
      const nw = old - vals[i]!;
      if (Math.abs(nw) < 1e-12) s.centroid.delete(k, h);
      else s.centroid.set(k, h, nw);
      s.normSq += nw * nw - old * old;
      const n = (s.keyDocs.get(k) ?? 1) - 1;
      if (n <= 0) {
        s.keyDocs.delete(k);
        this.unpost(k, s);
      } else s.keyDocs.set(k, n);
    }
    if (s.normSq < 1e-12) s.normSq = 0;
    const i = s.articleIds.indexOf(articleId);
    if (i >= 0) s.articleIds.splice(i, 1);
    this.syncBig(s);
    s.langs.set(lang, (s.langs.get(lang) ?? 1) - 1);
    s.main = null;
    if (source !== null) {
      countOut(s.outlets, source);
    }
  }

  private maybeMerge(): void {
    if (this.params.refineEvery > 0 && ++this.sinceRefine >= this.params.refineEvery) this.refinePass();
    if (this.params.mergeEvery > 0 && ++this.sinceMerge >= this.params.mergeEvery) {
      this.mergePass();
      this.orphanPass();
      this.strayPass();
    }
  }

  /**
   * Strays (params.strayBig): a small story whose titles hold a word that
   * one big story of its language owns (in strayShare of its titles,
   * strayOwn of the window's titles holding the word are in it, the word
   * bursts strayBurst-fold and, with strayNames, is written as a name)
   * folds into that story, when no other big story owns a word of its
   * titles. Every small story of the window may fold in each pass, since
   * the story that owns its word may have formed after it; they are found
   * through the owned words' postings, so a pass costs the big stories'
   * title words and those postings, not the window's stories.
   */
  private strayPass(): void {
    const p = this.params;
    if (p.strayBig <= 0) return;
    const owner = new Map<string, Story>();
    const shareOf = new Map<string, number>();
    // Title words only, on both sides: the window's title counts (titleDf)
    // hold titles, where a story's titleKeys also hold the lead's words.
    for (const s of this.stories.values()) {
      const n = s.articleIds.length;
      if (n < p.strayBig) continue;
      for (const [k, c] of s.titleWords) {
        if (c < p.strayShare * n || c < p.strayOwn * (this.titleDf.get(k) ?? 0)) continue;
        if (p.strayBurst > 0 && this.burst(k) < p.strayBurst) continue;
        if (p.strayNames && !this.writtenAsName(s, k)) continue;
        // Two stories cannot both hold strayOwn > 0.5 of one word's titles; the larger share wins under looser settings.
        if ((shareOf.get(k) ?? -1) < c / n) {
          owner.set(k, s);
          shareOf.set(k, c / n);
        }
      }
    }
    if (owner.size === 0) return;
    // A big story folded into an older stray lives on as that stray.
    const movedTo = new Map<Story, Story>();
    const live = (o: Story): Story => {
      let x = o;
      for (let y = movedTo.get(x); y; y = movedTo.get(x)) x = y;
      return x;
    };
    // The small stories that may hold an owned word in a title: through the
    // word's postings (a title word is a key of its article's vector), so a
    // pass costs what the owned words' postings hold, not the window's stories.
    const found = new Set<Story>();
    for (const k of owner.keys()) for (const c of this.postings.get(k) ?? []) if (c.articleIds.length <= p.straySmall) found.add(c);
    const small = [...found].sort((a, b) => a.seq - b.seq);
    for (const s of small) {
      let into: Story | null = null;
      let several = false;
      const words = new Set<string>();
      for (const id of s.articleIds) for (const k of this.docInfo.get(id)?.x.ev.title ?? []) words.add(k);
      for (const k of words) {
        const o0 = owner.get(k);
        const o = o0 ? live(o0) : undefined;
        if (!o || o === into) continue;
        if (into) several = true;
        into = o;
      }
      // Each small story is merged only at its own turn, and `live` follows a big one into the stray that took it.
      if (!into || several || mainLanguage(into) !== mainLanguage(s)) continue;
      if ((s.series || into.series) && !sameOutletOnly(s, into)) continue;
      if (this.storiesOutletGap(s, into)) continue;
      if (instancesConflict(s, into) || !this.openTogether(s, into) || this.slotsConflict(s, into)) continue;
      if (p.strayPairFloor > 0 && p.pairModel && this.pairScoreOf(s.articleIds, into, p.pairModel) < p.strayPairFloor) continue;
      const [a, b] = into.seq < s.seq ? [into, s] : [s, into];
      this.merge(a, b, centroidCosine(s, into));
      if (a === s) movedTo.set(into, s);
    }
  }

  /** Whether most of the story's titles that hold `k` after their first word write it with a capital (params.strayNames). */
  private writtenAsName(s: Story, k: string): boolean {
    let capital = 0;
    let small = 0;
    for (const id of s.articleIds) {
      const d = this.docInfo.get(id);
      if (!d || !d.x.ev.title.has(k)) continue;
      const c = titleTermCase(d.x.titleText, d.lang).get(k);
      if (c === 1) capital++;
      else if (c === 0) small++;
    }
    return capital > small;
  }

  /**
   * Orphan re-placement: an article that started a story was judged against
   * the stories of its moment. Once stories have grown (and the idf settled),
   * one still alone in a story of at most orphanMaxSize may fit a grown
   * story; it moves there when its cosine reaches orphanThreshold and the
   * story holds at least minSharedTop of its most distinctive keys. Each
   * orphan is looked at in orphanPasses passes at most, so the cost of a
   * pass follows the placements since the last ones, not the window.
   */
  private orphanPass(): void {
    const p = this.params;
    if (p.orphanPasses <= 0 || this.orphans.size === 0) return;
    const queue = [...this.orphans.entries()];
    for (const [a, n] of queue) {
      if (n + 1 >= p.orphanPasses) this.orphans.delete(a);
      else this.orphans.set(a, n + 1);
      const sid = this.articleStory.get(a);
      const s = sid === undefined ? undefined : this.stories.get(sid);
      const info = this.docInfo.get(a);
      if (!s || !info || s.articleIds.length > p.orphanMaxSize || s.articleIds[0] !== a) continue;
      const top = this.topKeys(info.vec, p.candidateTerms);
      let best: Story | null = null;
      let bestSim = p.orphanThreshold;
      for (const c of this.candidates(info.vec, top)) {
        if (c.id === s.id || c.articleIds.length <= s.articleIds.length || !this.open(c, info.ms)) continue;
        const sim = this.similarity(info.vec, c, info.ms, info.lang);
        if (sim < bestSim || !this.accepts(info.vec, top, c, Math.max(sim, p.joinThreshold), info.lang, info.source, info.ms, info.x)) continue;
        let shared = 0;
        for (const k of top) if (c.keyDocs.has(k)) shared++;
        if (shared < p.minSharedTop) continue;
        best = c;
        bestSim = sim;
      }
      if (!best) continue;
      this.orphans.delete(a);
      // The orphan's story (with any article that followed it) folds into the grown one.
      this.merge(best, s, bestSim);
    }
  }

  /**
   * One k-means style reassignment step (Lloyd 1982) over the members of the
   * stories touched since the last one: an article whose story changed after
   * it was placed moves to a story it now fits clearly better. This is what
   * repairs order effects of single-pass clustering (an early article that
   * started its own story before the idf and the story centroid had settled).
   */
  private refinePass(): void {
    this.sinceRefine = 0;
    const list = [...this.refineTouched].map((id) => this.stories.get(id)).filter((s): s is Story => !!s);
    this.refineTouched = new Set();
    list.sort((a, b) => a.seq - b.seq);
    const margin = this.params.refineMargin;
    for (const s of list) {
      for (const a of [...s.articleIds]) {
        if (!this.stories.has(s.id)) break;
        const info = this.docInfo.get(a);
        if (!info || this.articleStory.get(a) !== s.id) continue;
        const own = leaveOneOutCosine(info.vec, s);
        const top = this.topKeys(info.vec, this.params.candidateTerms);
        let best: Story | null = null;
        let bestSim = own + margin;
        for (const c of this.candidates(info.vec, top)) {
          if (c.id === s.id || !this.open(c, info.ms)) continue;
          const sim = this.similarity(info.vec, c, info.ms, info.lang);
          if (sim <= bestSim || !this.accepts(info.vec, top, c, sim, info.lang, info.source, info.ms, info.x)) continue;
          best = c;
          bestSim = sim;
        }
        if (!best) continue;
        this.removeFromStory(s, a, info.vec, info.lang, info.source, info.x);
        this.addToStory(best, a, info.vec, info.ms, info.lang, info.source, info.x);
        const emptied = s.articleIds.length === 0;
        if (emptied) {
          this.stories.delete(s.id);
          this.touched.delete(s.id);
        }
        this.pendingMerges.push({ kind: emptied ? 'merge' : 'move', from: s.id, into: best.id, articleIds: [a], similarity: round(bestSim) });
      }
    }
  }

  /**
   * Stories that turn out to be one event: compare each touched story's
   * centroid with the stories sharing its heaviest keys and fold the younger
   * into the older. This is the online stand-in for an agglomerative pass,
   * limited to what changed.
   */
  private mergePass(): void {
    if (this.params.pairModel && !this.params.pairRescue) {
      this.mergePassLearned();
      return;
    }
    this.mergeTouched((s) => {
      let best: Story | null = null;
      let bestSim = this.params.mergeThreshold;
      const top = this.topKeys(s.centroid, this.params.candidateTerms);
      for (const c of this.candidates(s.centroid, top)) {
        if (c.id === s.id || mainLanguage(c) !== mainLanguage(s) || this.sameOutletRecurrence(s, c)) continue;
        // One shared piece (cheap) is necessary for the full check, which runs only on a winning cosine.
        if (!this.storiesShareEvidence(s, c, false)) continue;
        if ((s.series || c.series) && !sameOutletOnly(s, c)) continue;
        if (instancesConflict(s, c)) continue;
        // The same burstiness discount as for articles, on the gap between the two stories.
        const gapH = Math.max(0, Math.max(s.firstMs, c.firstMs) - Math.min(s.lastMs, c.lastMs)) / 3_600_000;
        const sim = centroidCosine(s, c) * Math.pow(0.5, gapH / this.params.halfLifeHours);
        // Two stories of one and the same outlet are usually its column or
        // live blog cut into items ("... Roundup: Market Talk", "[RELACJA]"):
        // only near-identical ones merge without another outlet's word.
        if (sameOutletOnly(s, c) && sim < this.params.sameOutletMergeThreshold) continue;
        // The evidence check after the cosine: it is the dearer of the two.
        if (sim >= bestSim && this.storiesShareEvidence(s, c, true) && !this.slotsConflict(s, c)) {
          best = c;
          bestSim = sim;
        }
      }
      return { best, sim: bestSim };
    });
  }

  /**
   * The loop both merge passes share: each story touched since the last
   * pass, oldest first, absorbs (or is absorbed by) the story `pick` names
   * until `pick` names none; the younger of a pair folds into the older.
   */
  private mergeTouched(pick: (s: Story) => { best: Story | null; sim: number }): void {
    this.sinceMerge = 0;
    const touched = [...this.touched].map((id) => this.stories.get(id)).filter((s): s is Story => !!s);
    this.touched = new Set();
    touched.sort((a, b) => a.seq - b.seq);
    for (let s of touched) {
      if (!this.stories.has(s.id)) continue;
      for (;;) {
        const { best, sim } = pick(s);
        if (!best) break;
        const [into, from] = best.seq < s.seq ? [best, s] : [s, best];
        this.merge(into, from, sim);
        s = into;
      }
    }
  }

  /**
   * The evidence rule between two stories: a shared rare title word or a
   * shared person/organisation (or focus country); when full and
   * evidenceMin > 1, what a join would need from one of the smaller story's
   * first articles.
   */
  private storiesShareEvidence(a: Story, b: Story, full: boolean): boolean {
    const p = this.params;
    if (p.evidenceIdf <= 0) return true;
    if (full && p.evidenceMin > 1) {
      // One of the smaller story's first articles must have the evidence a
      // join would need (bounded: at most 3 articles looked at).
      const [small, large] = a.articleIds.length <= b.articleIds.length ? [a, b] : [b, a];
      const lang = mainLanguage(large);
      const recent = this.recentMembers(large);
      for (const id of small.articleIds.slice(0, 3)) {
        const m = this.docInfo.get(id);
        if (m && this.hasEvidence(m.x, large, large.lastMs) && (m.lang !== lang || (this.nearTitle(m.x, recent, m.lang) && this.hasEventWord(m.x, recent, m.lang, Math.max(a.lastMs, b.lastMs), Math.min(a.firstMs, b.firstMs))))) return true;
      }
      return false;
    }
    const [small, large] = a.titleKeys.size < b.titleKeys.size ? [a, b] : [b, a];
    for (const k of small.titleKeys.keys()) {
      if (large.titleKeys.has(k) && this.idf(k) >= p.evidenceIdf && !this.isStopPhrase(k)) return true;
    }
    const [sk, lk] = a.keyDocs.size < b.keyDocs.size ? [a.keyDocs, b.keyDocs] : [b.keyDocs, a.keyDocs];
    for (const k of sk.keys()) {
      if ((k.startsWith('e:') || (p.countryEvidence && k.startsWith('c:'))) && lk.has(k)) return true;
    }
    return false;
  }

  /** outletGap for two stories, on the learned clusterer's merge and stray passes (params.sameOutletGapAll). */
  private storiesOutletGap(a: Story, b: Story): boolean {
    return this.params.sameOutletGapAll && this.sameOutletRecurrence(a, b);
  }

  /** Two one-outlet stories of the same outlet more than sameOutletGapHours apart: a recurring feature, not one event. */
  private sameOutletRecurrence(a: Story, b: Story): boolean {
    return sameOutletOnly(a, b) && this.pastOutletGap(a.firstMs, a.lastMs, b);
  }

  /** Whether the time from firstMs to lastMs and story `s`'s span lie more than sameOutletGapHours apart (the one-outlet gap). */
  private pastOutletGap(firstMs: number, lastMs: number, s: Story): boolean {
    return Math.max(firstMs, s.firstMs) - Math.min(lastMs, s.lastMs) > this.params.sameOutletGapHours * 3_600_000;
  }

  /** On a merge, `from`'s counted keys added to `into`'s, and `into` in `from`'s place in each key's postings of `index` (the vectors', transPostings, personPostings). */
  private movePostings(from: Story, into: Story, fromCounts: ReadonlyMap<string, number>, intoCounts: Map<string, number>, index: Map<string, Set<Story>>): void {
    for (const [k, n] of fromCounts) {
      countIn(intoCounts, k, n);
      const p = index.get(k)!;
      p.delete(from);
      p.add(into);
    }
  }

  private merge(into: Story, from: Story, sim: number): void {
    const fc = from.centroid;
    for (let e = 0; e < fc.end; e++) {
      const k = fc.keyAt(e);
      if (k === null) continue;
      const x = fc.valAt(e);
      const old = into.centroid.add(k, fc.hashAt(e), x);
      const nw = old + x;
      into.normSq += nw * nw - old * old;
    }
    this.movePostings(from, into, from.keyDocs, into.keyDocs, this.postings);
    for (const a of from.articleIds) {
      this.pushMember(into, a);
      this.articleStory.set(a, into.id);
    }
    addCounts(into.langs, from.langs);
    into.main = null;
    addCounts(into.outlets, from.outlets);
    addCounts(into.titleKeys, from.titleKeys);
    addCounts(into.titleWords, from.titleWords);
    this.movePostings(from, into, from.transKeys, into.transKeys, this.transPostings);
    if (from.personKeys) this.movePostings(from, into, from.personKeys, (into.personKeys ??= new Map()), this.personPostings);
    if (from.big) this.setBig(from, false);
    this.growBig(into, from.titleKeys.keys(), from.transKeys.keys(), false);
    if (from.series) into.series = true;
    if (from.instances) for (const [k, t] of from.instances) if (!into.instances?.has(k)) (into.instances ??= new Map()).set(k, t);
    if (from.slots) for (const [o, list] of from.slots) for (const t of list) addSlot(into, o, t);
    into.firstMs = Math.min(into.firstMs, from.firstMs);
    into.lastMs = Math.max(into.lastMs, from.lastMs);
    this.stories.delete(from.id);
    this.touched.delete(from.id);
    this.pendingMerges.push({ kind: 'merge', from: from.id, into: into.id, articleIds: [...from.articleIds], similarity: round(sim) });
  }
}

/**
 * A headline with no text to speak of: fewer than five words of text (a
 * headline set, or a feed that gives titles only). A title-only
 * vector has a handful of keys, so its cosine to a centroid of many
 * headlines is lower than an article's for the same event.
 */
export function isTextless(text: string | null | undefined): boolean {
  if (!text) return true;
  let words = 0;
  for (const _ of text.matchAll(/\p{L}[\p{L}\p{N}'’-]*/gu)) if (++words >= 5) return false;
  return true;
}

/** log(p / (1 - p)), p held inside [1e-4, 1 - 1e-4] (a pair score of -1, no member found, is 1e-4). */
function logit(p: number): number {
  const q = Math.min(1 - 1e-4, Math.max(1e-4, p));
  return Math.log(q / (1 - q));
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
