/**
 * The desk's one stylesheet, served from /assets with a content hash in its
 * name so it can be cached for a year. System fonts only: no request leaves
 * the machine (no web fonts, no CDN).
 */
export const DESK_CSS = String.raw`
:root{--paper:#fbfaf6;--ink:#1b1b1a;--muted:#5d5a53;--rule:#d9d5cb;--accent:#a3231a;--link:#1a3f6b;--panel:#f2efe7;--focus:#1565c0;
--sea:#e7edf1;--land0:#e3ded3;--c1:#f3d9b1;--c2:#eab07a;--c3:#d97b4a;--c4:#b84a2c;--c5:#7f2415;--ring:#0f4c81;
--r-africa:#b5651d;--r-asia:#b8860b;--r-europe:#3b6ea5;--r-middle-east:#8c3b3b;--r-north-america:#4a6b3a;--r-latin-america:#7b4f9e;--r-oceania:#2a8c8c;--r-antarctica:#777;
--serif:Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,"Times New Roman",serif;--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
@media (prefers-color-scheme:dark){:root{--paper:#141413;--ink:#ecebe6;--muted:#a9a59b;--rule:#34332f;--accent:#ff6b5e;--link:#9cc3f0;--panel:#1d1d1b;--focus:#90caf9;
--sea:#17212a;--land0:#2a2a27;--c1:#4a3a26;--c2:#7a5230;--c3:#a8653a;--c4:#d4803f;--c5:#f2a65a;--ring:#8fd0ff}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--paper);color:var(--ink);font:16px/1.5 var(--sans)}
a{color:var(--link);text-decoration-thickness:1px;text-underline-offset:2px}
a:hover{color:var(--accent)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--ink);color:var(--paper);padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem;top:.5rem}
.vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.wrap{max-width:1240px;margin:0 auto;padding:0 1rem}
header.site{border-bottom:3px double var(--rule)}
.mast{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.5rem 1rem;padding:1rem 0 .5rem}
.brand{font:700 2rem/1 var(--serif);letter-spacing:-.01em;color:var(--ink);text-decoration:none}
.brand span{color:var(--accent)}
.tagline{margin:0;color:var(--muted);font-size:.85rem}
.dateline{color:var(--muted);font-size:.85rem}
nav.sections{border-top:1px solid var(--rule);font-size:.9rem}
nav.sections ul{list-style:none;margin:0;padding:.25rem 0;display:flex;flex-wrap:wrap;gap:.1rem 1rem;align-items:center}
nav.sections a{color:var(--ink);text-decoration:none;padding:.35rem 0;display:inline-block}
nav.sections a[aria-current=page]{border-bottom:2px solid var(--accent);font-weight:600}
nav.sections a:hover{color:var(--accent)}
li.search-item{margin-left:auto}
form.search{display:flex;gap:.25rem}
form.search input{font:inherit;padding:.3rem .5rem;border:1px solid var(--rule);background:var(--paper);color:var(--ink);border-radius:3px;min-width:12rem}
button,.btn{font:600 .9rem var(--sans);padding:.35rem .8rem;border:1px solid var(--ink);background:var(--ink);color:var(--paper);border-radius:3px;cursor:pointer}
button.quiet{background:transparent;color:var(--ink)}
.travel{background:#fff4d6;color:#3d2c00;border-bottom:1px solid #e6cf8a;font-size:.9rem;padding:.4rem 0}
@media (prefers-color-scheme:dark){.travel{background:#3a2f10;color:#f5e2a8;border-color:#5c4a18}}
main{padding:1rem 0 2rem}
h1,h2,h3{font-family:var(--serif);line-height:1.2;margin:0 0 .5rem}
h1{font-size:clamp(1.6rem,4vw,2.4rem);letter-spacing:-.01em}
h2{font-size:1.3rem}
h3{font-size:1.05rem;font-weight:600}
.kicker{font:700 .72rem var(--sans);letter-spacing:.08em;text-transform:uppercase;color:var(--accent)}
.section-head{display:flex;align-items:baseline;justify-content:space-between;gap:1rem;border-top:2px solid var(--ink);padding-top:.4rem;margin:1.5rem 0 .75rem}
.section-head h2{margin:0}
.section-head a{font-size:.85rem}
.breaking{border:1px solid var(--rule);border-left:4px solid var(--accent);background:var(--panel);padding:.5rem .75rem;margin:.25rem 0 1rem;display:flex;gap:.75rem;align-items:baseline}
.breaking ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
.breaking a{font:600 .98rem var(--serif);color:var(--ink)}
.breaking .meta{margin-left:.35rem}
.glance{display:grid;grid-template-columns:minmax(0,2.2fr) minmax(0,1fr);gap:1.5rem;align-items:start}
figure.mapbox{margin:0}
svg.map{width:100%;height:auto;display:block}
svg.map .sea{fill:var(--sea)}
svg.map path{stroke:var(--paper);stroke-width:.5;vector-effect:non-scaling-stroke}
svg.map a:hover path,svg.map a:focus path{stroke:var(--ink);stroke-width:1.5}
svg.map a:focus{outline:none}
svg.map a:focus-visible path,svg.map a:focus-visible circle{stroke:var(--focus);stroke-width:3}
svg.map path.sel{stroke:var(--ink);stroke-width:2}
.c0{fill:var(--land0)}.c1{fill:var(--c1)}.c2{fill:var(--c2)}.c3{fill:var(--c3)}.c4{fill:var(--c4)}.c5{fill:var(--c5)}
svg.map .micro circle{stroke:var(--paper);stroke-width:1}
svg.map .report circle{fill:none;stroke:var(--ring);stroke-width:2}
figcaption,.legend{font-size:.8rem;color:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center;margin-top:.4rem}
.legend ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem .75rem;margin:0;padding:0}
.sw{display:inline-block;width:.85rem;height:.85rem;vertical-align:-2px;margin-right:.25rem;border:1px solid var(--rule)}
.sw.c0{background:var(--land0)}.sw.c1{background:var(--c1)}.sw.c2{background:var(--c2)}.sw.c3{background:var(--c3)}.sw.c4{background:var(--c4)}.sw.c5{background:var(--c5)}
.sw.ring{border:2px solid var(--ring);border-radius:50%}
.toplist{list-style:none;margin:0;padding:0;font-size:.9rem;columns:2;column-gap:1rem}
.toplist li{display:flex;justify-content:space-between;border-bottom:1px dotted var(--rule);padding:.15rem 0;break-inside:avoid}
.toplist .n{color:var(--muted);font-variant-numeric:tabular-nums}
.regions{display:grid;grid-template-columns:repeat(auto-fill,minmax(270px,1fr));gap:1.25rem 1.5rem}
.region{border-top:1px solid var(--ink);padding-top:.4rem}
.region h2{font-size:1.15rem}
.region h2 a{color:var(--ink);text-decoration:none}
.region h2 a:hover{color:var(--accent)}
.stories{list-style:none;margin:0;padding:0}
.stories>li{padding:.5rem 0;border-bottom:1px solid var(--rule)}
.stories>li:last-child{border-bottom:0}
.story h3 a{color:var(--ink);text-decoration:none}
.story h3 a:hover{text-decoration:underline;color:var(--accent)}
.story.lead h3{font-size:1.3rem}
.summary{margin:.1rem 0 .3rem;font-family:var(--serif);color:var(--ink);display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.meta{font-size:.8rem;color:var(--muted)}
.meta .phase{font-weight:700;text-transform:uppercase;letter-spacing:.05em;color:var(--accent)}
.cov{display:block;height:6px;width:100%;max-width:14rem;background:var(--rule);margin-top:.3rem;border-radius:3px}
.cov-legend{font-size:.75rem;color:var(--muted)}
.rg-africa{background:var(--r-africa);fill:var(--r-africa)}.rg-asia{background:var(--r-asia);fill:var(--r-asia)}.rg-europe{background:var(--r-europe);fill:var(--r-europe)}.rg-middle-east{background:var(--r-middle-east);fill:var(--r-middle-east)}.rg-north-america{background:var(--r-north-america);fill:var(--r-north-america)}.rg-latin-america{background:var(--r-latin-america);fill:var(--r-latin-america)}.rg-oceania{background:var(--r-oceania);fill:var(--r-oceania)}.rg-antarctica{background:var(--r-antarctica);fill:var(--r-antarctica)}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}
.pieces{list-style:none;margin:0;padding:0}
.pieces li{padding:.55rem 0;border-bottom:1px solid var(--rule)}
.pieces a{font:600 1rem/1.3 var(--serif);color:var(--ink);text-decoration:none}
.pieces a:hover{text-decoration:underline;color:var(--accent)}
.pieces .meta a{font:inherit;color:var(--link);text-decoration:underline}
.dl{font:700 .75rem var(--sans);letter-spacing:.06em;text-transform:uppercase;color:var(--muted)}
.empty{color:var(--muted);font-style:italic}
.timeline{list-style:none;margin:0;padding:0 0 0 1rem;border-left:2px solid var(--rule)}
.timeline li{position:relative;padding:.25rem 0 .6rem .5rem}
.timeline li::before{content:"";position:absolute;left:-1.42rem;top:.6rem;width:.7rem;height:.7rem;border-radius:50%;background:var(--paper);border:2px solid var(--accent)}
.timeline time{font:700 .85rem var(--sans);display:block;color:var(--muted)}
.cites{font-size:.85rem;margin:.2rem 0 0;padding-left:1rem}
.reports-group{margin-bottom:1rem}
.reports-group h3{font-size:1rem;border-bottom:1px solid var(--rule);padding-bottom:.2rem}
.reports-group h4{font:600 .85rem var(--sans);margin:.6rem 0 .2rem;color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--rule);vertical-align:top}
th{font-weight:600;background:var(--panel)}
.tablewrap{overflow-x:auto}
.ok{color:#2e7d32}.bad{color:var(--accent)}
@media (prefers-color-scheme:dark){.ok{color:#81c784}}
.chips{list-style:none;margin:0 0 .75rem;padding:0;display:flex;flex-wrap:wrap;gap:.35rem}
.chips li{background:var(--panel);border:1px solid var(--rule);border-radius:999px;padding:.05rem .6rem;font-size:.85rem}
.facets{display:grid;gap:1rem}
.facets h2{font-size:1rem}
.facets ul{list-style:none;margin:0;padding:0;font-size:.9rem}
.facets li{display:flex;justify-content:space-between;gap:.5rem}
mark{background:#ffe58a;color:#1b1b1a;padding:0 .1em}
.layout-side{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,1fr);gap:1.5rem;align-items:start}
form.stack{display:grid;gap:.5rem;max-width:28rem}
form.stack input,form.stack select,form.stack textarea{font:inherit;padding:.35rem .5rem;border:1px solid var(--muted);background:var(--paper);color:var(--ink);border-radius:3px}
label{font-weight:600;font-size:.9rem}
.notice{border:1px solid var(--rule);background:var(--panel);padding:.6rem .8rem;margin:.5rem 0 1rem}
.notice.error{border-color:var(--accent)}
footer.site{border-top:3px double var(--rule);padding:1rem 0 2rem;font-size:.85rem;color:var(--muted)}
footer.site ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
footer.site form{display:flex;flex-wrap:wrap;gap:.35rem;align-items:center;margin-top:.6rem}
footer.site input{font:inherit;padding:.25rem .4rem;border:1px solid var(--muted);background:var(--paper);color:var(--ink);border-radius:3px}
.live{display:none}
.live.show{display:block;margin:.25rem 0 .75rem}
@media (max-width:900px){.glance,.layout-side{grid-template-columns:1fr}.cols{grid-template-columns:1fr}}
@media (max-width:480px){.brand{font-size:1.6rem}li.search-item{margin-left:0;width:100%}form.search{width:100%}form.search input{min-width:0;flex:1}.toplist{columns:1}.breaking{display:block}}
`;
