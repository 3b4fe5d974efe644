/** Outlets and their health (/sources), with the admin forms when signed in. */
import type { Source } from '../../domain/source.js';
import { FULL_TEXT_POLICIES, SOURCE_KINDS, type FullTextPolicy } from '../../domain/source.js';
import { html } from '../html.js';
import { countryName } from '../../read/places.js';
import { layout, type PageCtx } from '../components/layout.js';
import { ago, time } from '../components/parts.js';
import { outlet } from '../components/outlet.js';
import { outletLabel } from '../../sources/outletName.js';
import type { PageHealth } from '../../storage/pages/pageHealth.js';

export interface SourcesView {
  sources: Source[];
  /** One line to show above the table (result of the last action). */
  notice?: { text: string; error?: boolean } | null;
  /** Feeds found when adding by site URL, to pick from. */
  candidates?: { feedUrl: string; title: string | null }[];
  /** Article pages of the last 24 hours by source id (full text). */
  pages?: Map<number, PageHealth>;
  /** Who is signed in: the admin password's session (name null) or a desk user, admin or not. */
  signedIn?: { name: string | null; admin: boolean } | null;
}

function health(ctx: PageCtx, s: Source) {
  const okNow = s.lastSuccessAt && (!s.lastErrorAt || s.lastSuccessAt >= s.lastErrorAt);
  return html`<td>${s.lastSuccessAt ? html`<span class="${okNow ? 'ok' : ''}">${ago(s.lastSuccessAt, ctx.at)}</span>` : html`<span class="meta">never</span>`}</td>
<td>${s.lastError ? html`<span class="bad">${s.lastError}</span>${s.lastErrorAt ? html`<br><span class="meta">${time(s.lastErrorAt)}${s.consecutiveFailures ? ` · ${s.consecutiveFailures} in a row` : ''}</span>` : null}` : html`<span class="meta">none</span>`}${s.lastWarning ? html`<br><span class="meta warn" title="${s.lastWarning}">warning: ${s.lastWarning.length > 120 ? s.lastWarning.slice(0, 119) + '…' : s.lastWarning}</span>` : null}</td>`;
}

export function sourcesPage(ctx: PageCtx, v: SourcesView): string {
  const admin = ctx.csrf !== null;
  const csrf = ctx.csrf ? html`<input type="hidden" name="csrf" value="${ctx.csrf}">` : null;
  const enabled = v.sources.filter((s) => s.enabled).length;
  const body = html`
<h1>Sources</h1>
<p class="meta">${v.sources.length} outlets, ${enabled} enabled. <a href="/sources.opml">Export as OPML</a>.
${ctx.adminEnabled ? (admin ? html`Signed in as ${v.signedIn?.name ? html`<strong>${v.signedIn.name}</strong>, an admin` : 'admin'}. <form method="post" action="/logout" class="inline">${csrf}<button class="quiet" type="submit">Sign out</button></form>` : v.signedIn ? html`Signed in as <strong>${v.signedIn.name}</strong>, who is not an admin of this desk: only an admin can change sources.` : html`<a href="/login">Sign in to edit</a>.`) : 'Read-only: no admin password is configured and no user has the admin role.'}</p>
${v.notice ? html`<p class="notice${v.notice.error ? ' error' : ''}" role="status">${v.notice.text}</p>` : null}
${
  admin
    ? html`<div class="cols">
<section aria-labelledby="add-h"><h2 id="add-h">Add a source</h2>
<form class="stack" method="post" action="/sources/add">${csrf}
<label for="add-url">Site or feed URL</label><input id="add-url" name="url" type="url" required placeholder="https://example.com/">
${v.candidates?.length ? html`<fieldset><legend>Feeds found on that site</legend>${v.candidates.map((c, i) => html`<label><input type="radio" name="feed" value="${c.feedUrl}"${i === 0 ? html` checked` : null}> ${c.title ?? c.feedUrl} <span class="meta">${c.feedUrl}</span></label><br>`)}</fieldset>` : null}
<label for="add-name">Name (optional)</label><input id="add-name" name="name">
<label for="add-country">Country (ISO code, optional)</label><input id="add-country" name="country" maxlength="2" placeholder="UA">
<label for="add-kind">Kind</label><select id="add-kind" name="kind">${SOURCE_KINDS.map((k) => html`<option${k === 'newspaper' ? html` selected` : null}>${k}</option>`)}</select>
<label for="add-fulltext">Full text of articles</label>${fullTextSelect('add-fulltext', 'auto')}
<button type="submit">Add</button></form></section>
<section aria-labelledby="opml-h"><h2 id="opml-h">Import OPML</h2>
<form class="stack" method="post" action="/sources/import" enctype="multipart/form-data">${csrf}
<label for="opml-file">OPML file</label><input id="opml-file" name="file" type="file" accept=".opml,.xml,text/xml,application/xml">
<label for="opml-text">or paste it</label><textarea id="opml-text" name="opml" rows="4"></textarea>
<button type="submit">Import</button></form></section></div>`
    : null
}
<div class="section-head"><h2>Outlets and health</h2></div>
<div class="tablewrap"><table>
<caption class="vh">Every outlet with its last success, last error and items seen</caption>
<thead><tr><th scope="col">Outlet</th><th scope="col">Country</th><th scope="col">Kind</th><th scope="col">Last success</th><th scope="col">Last error</th><th scope="col">Items</th><th scope="col">Status</th>${admin ? html`<th scope="col">Actions</th>` : null}</tr></thead>
<tbody>${v.sources.map(
  (s) => html`<tr><th scope="row">${s.siteUrl ? html`<a href="${s.siteUrl}" rel="noopener">${outlet(outletLabel(s.name, s))}</a>` : outlet(outletLabel(s.name, s))}<br><span class="meta">${s.feedUrl}</span></th>
<td>${s.country ? countryName(s.country) : '—'}</td><td>${s.kind}</td>${health(ctx, s)}<td>${s.itemsSeen}</td><td>${s.enabled ? 'enabled' : 'disabled'}<br><span class="meta">full text: ${s.fullText}</span>${pageLine(v.pages?.get(s.id))}</td>
${admin ? html`<td><form method="post" action="/sources/${s.id}/enabled">${csrf}<input type="hidden" name="enabled" value="${s.enabled ? '0' : '1'}"><button class="quiet" type="submit">${s.enabled ? 'Disable' : 'Enable'}<span class="vh"> ${s.name}</span></button></form>
<form method="post" action="/sources/${s.id}/remove">${csrf}<button class="quiet" type="submit">Remove<span class="vh"> ${s.name}</span></button></form>
<form method="post" action="/sources/${s.id}/full-text" class="inline">${csrf}<label class="vh" for="ft-${s.id}">Full text of ${s.name}</label>${fullTextSelect(`ft-${s.id}`, s.fullText)}<button class="quiet" type="submit">Set<span class="vh"> full text of ${s.name}</span></button></form></td>` : null}</tr>`,
)}</tbody></table></div>`;
  return layout(ctx, { title: 'Sources | Globedesk', active: 'sources', body });
}

/** "3 pages in 24 h, 1 kept the feed text", the last warning on hover. */
function pageLine(h: PageHealth | undefined) {
  if (!h || h.extracted + h.warnings === 0) return null;
  const kept = h.warnings ? html`, <span class="warn"${h.lastWarning ? html` title="${h.lastWarning}"` : null}>${h.warnings} kept the feed text</span>` : null;
  return html`<br><span class="meta">${h.extracted} ${h.extracted === 1 ? 'page' : 'pages'} in 24 h${kept}</span>`;
}

/**
 * When the desk fetches an item's article page (ingest/extract): auto when
 * the feed's text is short, always, or never. The story page still shows
 * only a summary and links to the publisher.
 */
function fullTextSelect(id: string, current: FullTextPolicy) {
  return html`<select id="${id}" name="fullText" title="auto: fetch the article page when the feed's text is short">${FULL_TEXT_POLICIES.map((p) => html`<option${p === current ? html` selected` : null}>${p}</option>`)}</select>`;
}

/** The admin password form (csrf null: no password configured), and where desk users sign in. */
export function loginPage(ctx: PageCtx, opts: { csrf: string | null; error?: string | null; accounts?: boolean }): string {
  const body = html`<h1>Sign in</h1>
${opts.error ? html`<p class="notice error" role="alert">${opts.error}</p>` : null}
${opts.csrf !== null ? html`<form class="stack" method="post" action="/login"><input type="hidden" name="csrf" value="${opts.csrf}">
<label for="password">Admin password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form>` : null}
${opts.accounts ? html`<p>${opts.csrf !== null ? 'Or sign' : 'Sign'} in <a href="/account">with your desk account</a>; a user with the admin role can then edit the sources here.</p>` : null}`;
  return layout(ctx, { title: 'Sign in | Globedesk', body });
}

export function messagePage(ctx: PageCtx, title: string, text: string): string {
  return layout(ctx, { title: `${title} | Globedesk`, body: html`<h1>${title}</h1><p>${text}</p><p><a href="/">Back to the front page</a></p>` });
}
