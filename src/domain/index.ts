export * from './result.js';
export * from './region.js';
export * from './source.js';
export * from './feed.js';
export * from './article.js';
export * from './analysis.js';
export * from './story.js';
export * from './clusterDoc.js';
