/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1): version URL, title,
 * home_page_url, feed_url (the feed's own URL), items with id, url, title,
 * content_text, date_published / date_modified in RFC 3339, authors.
 */
import { selfUrl, type OutFeed } from './feed.js';

export function toJsonFeed(f: OutFeed): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: f.title,
    description: f.description,
    home_page_url: f.homeUrl,
    feed_url: selfUrl(f, 'json'),
    language: 'en',
    items: f.items.map((i) => ({
      id: i.id,
      url: i.url,
      title: i.title,
      content_text: i.summary || i.title,
      date_published: new Date(i.published).toISOString(),
      date_modified: new Date(i.updated).toISOString(),
      ...(i.author ? { authors: [{ name: i.author }] } : {}),
      ...(i.categories?.length ? { tags: i.categories } : {}),
    })),
  });
}
