import type { Store } from '../storage/db.js';
import type { Config } from '../config/config.js';
import { configureClustering } from '../stories/clusterArticles.js';

/** The settings that shape the pipeline's stages for one store (today: the clustering window). */
export function applyConfig(store: Store, config: Config): void {
  configureClustering(store, { windowHours: config.clusterWindowHours });
}
