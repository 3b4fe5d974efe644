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
  // RT, and other "read the rest on our site" links. (Buenos Aires Times' "Leer más", 185 items
  // of the December corpus, which the tagger takes for a person, was measured cut and left: its
  // Argentine stories split on the desk without it; docs/clustering-journal.md, round 39.)
  /\s*(?:Read (?:the )?(?:full|complete) (?:article|story)(?: (?:at|on) [\w.-]+)?|Read more(?: (?:at|on) [\w.-]+)?|Continue reading(?: (?:at|on) [\w.-]+)?)\s*(?:\.{3}|…|→|»)?\s*$/i,
  // A photo credit after the last sentence: The Epoch Times sends the lead photo's caption as
  // the description, and 1,335 of its 1,351 items in the December corpus end "… 2023. (The
  // Canadian Press/Sean Kilpatrick)" or "(Photo by X/AFP via Getty Images)". Left in, the
  // photographer and the agency read as a person and an organisation of the report, shared by
  // unrelated reports. A credit is the bracket that closes the text right after a sentence's
  // end and names a photo agency ("via AP", "Getty Images", "Courtesy of …") or reads
  // "Somebody/Agency"; "(PAP)" or "(1/2)" is left.
  /(?<=[.!?"”’)])\s*\((?=[^()]*(?:\p{L}[^()/]*\/\s*\p{L}|\b(?:Photos?|Getty Images|Shutterstock|Handout|Screenshot|Illustration|Courtesy|via (?:AP|Reuters|AFP))\b))[^()\n]{2,160}\)\s*$/u,
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
