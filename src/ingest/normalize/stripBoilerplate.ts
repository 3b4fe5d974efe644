/**
 * Feed descriptions often end in publisher boilerplate ("The post … appeared
 * first on …", "Read Full Article at RT.com", "Continue reading…", "[…]").
 * Left in the plain text, those words make one outlet's items look alike to
 * clustering and search, so they are cut from the text we analyse. The
 * sanitised HTML keeps them: that is what the publisher sent.
 *
 * Each pattern is anchored at the end of the text and must match a whole
 * trailing sentence, so nothing in the body of a report is touched.
 */
const TRAILERS: RegExp[] = [
  // WordPress's default feed footer (wp-includes/feed.php): "The post TITLE appeared first on SITE."
  /\s*The post .{1,300}? appeared first on .{1,120}?\.?$/s,
  // RT, and other "read the rest on our site" links.
  /\s*(?:Read (?:the )?(?:full|complete) (?:article|story)(?: (?:at|on) [\w.-]+)?|Read more(?: (?:at|on) [\w.-]+)?|Continue reading(?: (?:at|on) [\w.-]+)?)\s*(?:\.{3}|…|→|»)?\s*$/i,
  // Truncation markers: "[…]", "[...]", "[&#8230;]" already decoded.
  /\s*\[(?:…|\.{3})\]\s*$/,
  // A template's empty variable printed as text: Forsal.pl sends "<img …/>undefined" as the
  // whole description of 77 items in the December corpus (TVN24 once).
  /^\s*(?:undefined|null|\[object Object\])\s*$/,
];

export function stripBoilerplate(text: string): string {
  let out = text;
  // Trailers can stack ("… [...] Continue reading..."): strip until none is left.
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of TRAILERS) {
      const next = out.replace(re, '');
      if (next !== out) {
        out = next;
        changed = true;
      }
    }
  }
  return out.trimEnd();
}
