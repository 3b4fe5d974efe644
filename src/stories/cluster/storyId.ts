import { createHash } from 'node:crypto';

/** A story is named after its first article, so the same stream gives the same ids (STYLE.md habit 9). */
export function storyIdFor(firstArticleId: string): string {
  return 's' + createHash('sha1').update(firstArticleId).digest('hex').slice(0, 16);
}
