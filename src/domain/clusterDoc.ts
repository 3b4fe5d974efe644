/**
 * What the story clusterer (stories/cluster/) reads and decides, as plain
 * data: storage loads articles as ClusterDocs and saves Placements and
 * Reassignments. They live here, not in the clusterer, so storage/ depends
 * on the domain only, never on a pipeline stage (issue 10, one door).
 */

/** What an article offers the clusterer's features (stories/cluster/features.ts). */
export interface FeatureInput {
  title: string;
  text?: string | null;
  language?: string | null;
  /** Entity keys of people and organisations (article_entities). */
  entities?: readonly string[] | null;
  /** Focus countries (article_countries, role "focus"). */
  countries?: readonly string[] | null;
}

export interface ClusterDoc extends FeatureInput {
  id: string;
  publishedMs: number;
  /** Near-duplicate of this earlier article (articles.duplicate_of): joins its story and counts once. */
  duplicateOf?: string | null;
  /** The outlet (source id or feed URL), for the recurring-feature rule. */
  source?: string | null;
}

export interface Placement {
  articleId: string;
  storyId: string;
  /** Similarity to the story when joining; 1 for the article that started it or a near-duplicate. */
  similarity: number;
  created: boolean;
  duplicate: boolean;
}

/**
 * A later correction: "merge" when the whole of `from` joined `into` (`from`
 * is gone and should record merged_into), "move" when refinement moved some
 * articles and `from` lives on.
 */
export interface Reassignment {
  kind: 'merge' | 'move';
  from: string;
  into: string;
  articleIds: string[];
  similarity: number;
}
