/**
 * A small, realistic desk in a real SQLite file: outlets on every continent,
 * stories in every desk region (one breaking: five outlets and a wire copy
 * within the last two hours, so it is breaking by the desk's own rule),
 * analysis and field reports with datelines, entities, and a topic
 * with a dated multi-year timeline. Built from December 2023 events in the
 * shared corpus (headlines paraphrased). Tests and the browser suite use it;
 * the lead can swap `buildDeskFixture` for the demo snapshot.
 */
import { openStore, type Store } from '../../storage/db.js';
import { indexArticle } from '../../storage/search/indexArticle.js';
import { bodyOf } from '../../ingest/normalize/normalizeItem.js';
import { regionOf } from '../../understand/places/regions.js';
import { entityKey } from '../../understand/entities/findEntities.js';
import { fileEntityNames } from '../../storage/analysis/saveAnalyses.js';

export const FIXTURE_NOW = new Date('2023-12-21T18:00:00.000Z');

const SOURCES = [
  ['BBC News', 'GB', 'public-broadcaster', 'https://www.bbc.co.uk'],
  ['The Guardian', 'GB', 'newspaper', 'https://www.theguardian.com'],
  ['Al Jazeera', 'QA', 'broadcaster', 'https://www.aljazeera.com'],
  ['Times of India', 'IN', 'newspaper', 'https://timesofindia.indiatimes.com'],
  ['Japan Today', 'JP', 'newspaper', 'https://japantoday.com'],
  ['All Africa', 'ZA', 'newspaper', 'https://allafrica.com'],
  ['Buenos Aires Times', 'AR', 'newspaper', 'https://batimes.com.ar'],
  ['CBC', 'CA', 'public-broadcaster', 'https://www.cbc.ca'],
  ['The New York Times', 'US', 'newspaper', 'https://www.nytimes.com'],
  ['ABC Australia', 'AU', 'public-broadcaster', 'https://www.abc.net.au'],
  ['Le Monde', 'FR', 'newspaper', 'https://www.lemonde.fr'],
  ['Arab News', 'SA', 'newspaper', 'https://www.arabnews.com'],
  ['Associated Press', 'US', 'wire', 'https://apnews.com'],
] as const;

type Src = (typeof SOURCES)[number][0];

interface A {
  id: string;
  src: Src;
  title: string;
  text: string;
  /** Hours before FIXTURE_NOW. */
  h: number;
  kind?: 'news' | 'analysis' | 'report' | 'live';
  focus: string;
  region: string;
  topic?: string;
  dateline?: [string, string];
  story?: string;
  dup?: string;
  ents?: [string, 'person' | 'organization' | 'place'][];
}

interface S {
  id: string;
  headline: string;
  summary: string;
  phase: string;
  region: string;
  focus: string;
  importance: number;
  topic: string;
}

export const FIXTURE_STORIES: S[] = [
  { id: 'st-prague', headline: 'Gunman kills 14 at Prague university in Czech Republic’s worst mass shooting', summary: 'A student opened fire at Charles University’s Faculty of Arts; police say the attacker acted alone.', phase: 'breaking', region: 'europe', focus: 'CZ', importance: 9.5, topic: 'society' },
  { id: 'st-ukraine-aid', headline: 'EU leaders agree to open membership talks with Ukraine', summary: 'Hungary’s Viktor Orbán left the room as the other 26 leaders backed talks with Kyiv.', phase: 'sustained', region: 'europe', focus: 'UA', importance: 8.1, topic: 'politics' },
  { id: 'st-milei', headline: 'Milei devalues the peso by 50% in first economic shock measures', summary: 'Argentina’s new president announces spending cuts and a sharp devaluation.', phase: 'developing', region: 'latin-america', focus: 'AR', importance: 7.4, topic: 'economy' },
  { id: 'st-venezuela', headline: 'Venezuela and Guyana agree not to use force over Essequibo', summary: 'Leaders met in St Vincent to cool the border dispute.', phase: 'fading', region: 'latin-america', focus: 'VE', importance: 5.2, topic: 'politics' },
  { id: 'st-gaza', headline: 'UN Security Council delays vote on Gaza aid resolution again', summary: 'Negotiations continue over language on a pause in fighting.', phase: 'developing', region: 'middle-east', focus: 'PS', importance: 9.1, topic: 'conflict' },
  { id: 'st-redsea', headline: 'Shipping firms reroute around Africa after Red Sea attacks', summary: 'Houthi attacks push carriers to avoid the Suez Canal.', phase: 'developing', region: 'middle-east', focus: 'YE', importance: 7.9, topic: 'economy' },
  { id: 'st-drc', headline: 'DR Congo counts votes after chaotic general election', summary: 'Voting was extended after delays at polling stations across the country.', phase: 'developing', region: 'africa', focus: 'CD', importance: 6.3, topic: 'politics' },
  { id: 'st-sudan', headline: 'Sudan’s RSF takes Wad Madani as thousands flee', summary: 'Paramilitary forces entered the city south of Khartoum.', phase: 'developing', region: 'africa', focus: 'SD', importance: 6.8, topic: 'conflict' },
  { id: 'st-japan', headline: 'Japan eases arms export rules to allow Patriot missiles to US', summary: 'The change is the first major revision of export rules since 2014.', phase: 'developing', region: 'asia', focus: 'JP', importance: 6.1, topic: 'politics' },
  { id: 'st-india', headline: 'India’s parliament suspends more opposition MPs after security breach', summary: 'More than 140 MPs have now been suspended.', phase: 'developing', region: 'asia', focus: 'IN', importance: 5.9, topic: 'politics' },
  { id: 'st-us-border', headline: 'US and Mexico talks on border crossings as arrivals hit record', summary: 'Blinken is to travel to Mexico City next week.', phase: 'developing', region: 'north-america', focus: 'US', importance: 6.6, topic: 'politics' },
  { id: 'st-colorado', headline: 'Colorado court bars Trump from state’s primary ballot', summary: 'The ruling invokes the 14th Amendment’s insurrection clause.', phase: 'breaking', region: 'north-america', focus: 'US', importance: 8.7, topic: 'politics' },
  { id: 'st-australia', headline: 'Cyclone Jasper floods north Queensland towns', summary: 'Record rain cut off Cairns airport and forced rescues.', phase: 'developing', region: 'oceania', focus: 'AU', importance: 5.6, topic: 'climate' },
  { id: 'st-nz', headline: 'New Zealand government moves to repeal smoke-free generation law', summary: 'Health experts criticise the reversal.', phase: 'fading', region: 'oceania', focus: 'NZ', importance: 4.1, topic: 'health' },
];

const ARTICLES: A[] = [
  { id: 'a-prague-1', src: 'Associated Press', title: 'Gunman opens fire at Prague university, killing at least 14', text: 'Police in Prague said a gunman opened fire at Charles University, killing at least 14 people in the worst mass shooting in Czech history.', h: 1.9, story: 'st-prague', focus: 'CZ', region: 'europe', kind: 'news', ents: [['Charles University', 'organization'], ['Prague', 'place'], ['Petr Fiala', 'person']] },
  { id: 'a-prague-1c', src: 'CBC', title: 'Gunman opens fire at Prague university, killing at least 14', text: 'Police in Prague said a gunman opened fire at Charles University, killing at least 14 people in the worst mass shooting in Czech history.', h: 1.8, story: 'st-prague', dup: 'a-prague-1', focus: 'CZ', region: 'europe' },
  { id: 'a-prague-2', src: 'BBC News', title: 'Prague shooting: What we know about the attack at Charles University', text: 'The gunman, a 24-year-old student, killed 14 people in the Faculty of Arts before he was found dead, Czech police said. Prime Minister Petr Fiala declared a day of mourning.', h: 1.6, story: 'st-prague', focus: 'CZ', region: 'europe', ents: [['Charles University', 'organization'], ['Petr Fiala', 'person'], ['Prague', 'place']] },
  { id: 'a-prague-3', src: 'The Guardian', title: 'Students barricaded doors as gunman roamed Prague faculty', text: 'PRAGUE — Students described barricading classroom doors with furniture as shots rang out in the Faculty of Arts.', h: 1.4, story: 'st-prague', focus: 'CZ', region: 'europe', kind: 'report', dateline: ['Prague', 'CZ'], ents: [['Charles University', 'organization'], ['Prague', 'place']] },
  { id: 'a-prague-4', src: 'Al Jazeera', title: 'Czech Republic mourns after deadliest shooting in its history', text: 'Czech President Petr Pavel expressed shock; Prime Minister Petr Fiala cancelled his schedule.', h: 1.1, story: 'st-prague', focus: 'CZ', region: 'europe', ents: [['Petr Pavel', 'person'], ['Petr Fiala', 'person'], ['Charles University', 'organization']] },
  { id: 'a-prague-5', src: 'Le Monde', title: 'Fusillade à Prague : au moins quatorze morts à l’université Charles', text: 'Un étudiant a ouvert le feu dans la faculté des lettres de l’université Charles à Prague.', h: 0.8, story: 'st-prague', focus: 'CZ', region: 'europe', ents: [['Charles University', 'organization']] },
  { id: 'a-prague-6', src: 'The New York Times', title: 'Prague gunman had posted plans online, police say', text: 'Czech police said the gunman had written about his plans on social media days before the attack at Charles University.', h: 0.5, story: 'st-prague', focus: 'CZ', region: 'europe', ents: [['Charles University', 'organization'], ['Petr Fiala', 'person']] },
  { id: 'a-ukr-1', src: 'BBC News', title: 'EU agrees to open membership talks with Ukraine as Orban leaves room', text: 'European Union leaders agreed to open accession negotiations with Ukraine and Moldova after Hungary’s Viktor Orbán left the room. NATO allies welcomed the step.', h: 30, story: 'st-ukraine-aid', focus: 'UA', region: 'europe', ents: [['Viktor Orbán', 'person'], ['European Union', 'organization'], ['NATO', 'organization'], ['Ukraine', 'place']] },
  { id: 'a-ukr-2', src: 'Le Monde', title: 'Ukraine: a decision that changes Europe’s map', text: 'Analysis: the decision to open talks with Kyiv reflects how the war has changed the European Union’s view of enlargement. Since 2008, when NATO promised Ukraine membership at Bucharest, the question has divided allies.', h: 20, story: 'st-ukraine-aid', kind: 'analysis', focus: 'UA', region: 'europe', ents: [['European Union', 'organization'], ['NATO', 'organization'], ['Ukraine', 'place']] },
  { id: 'a-ukr-3', src: 'The Guardian', title: 'Zelenskyy hails ‘victory for Ukraine’ after EU decision', text: 'KYIV — Volodymyr Zelenskyy called the decision a victory for Ukraine and for all of Europe.', h: 28, story: 'st-ukraine-aid', kind: 'report', dateline: ['Kyiv', 'UA'], focus: 'UA', region: 'europe', ents: [['Volodymyr Zelenskyy', 'person'], ['European Union', 'organization'], ['Ukraine', 'place']] },
  { id: 'a-ukr-4', src: 'Al Jazeera', title: 'What the EU decision on Ukraine means for NATO', text: 'Ukraine declared independence in 1991. In 2014 Russia annexed Crimea. In 2022 Russia launched its full-scale invasion. NATO and the European Union now face a long road.', h: 16, story: 'st-ukraine-aid', kind: 'analysis', focus: 'UA', region: 'europe', ents: [['NATO', 'organization'], ['European Union', 'organization'], ['Ukraine', 'place']] },
  { id: 'a-milei-1', src: 'Buenos Aires Times', title: 'Caputo announces 50% peso devaluation and spending cuts', text: 'Economy Minister Luis Caputo announced that the official exchange rate would move to 800 pesos per dollar.', h: 40, story: 'st-milei', focus: 'AR', region: 'latin-america', ents: [['Javier Milei', 'person'], ['Luis Caputo', 'person']] },
  { id: 'a-milei-2', src: 'The Guardian', title: 'Argentina’s Milei unveils shock therapy', text: 'BUENOS AIRES — Javier Milei’s government devalued the peso and cut subsidies in its first week.', h: 10, story: 'st-milei', kind: 'report', dateline: ['Buenos Aires', 'AR'], focus: 'AR', region: 'latin-america', ents: [['Javier Milei', 'person']] },
  { id: 'a-milei-3', src: 'BBC News', title: 'Thousands protest against Milei’s economic decree', text: 'Protesters banged pots in Buenos Aires against the emergency decree.', h: 6, story: 'st-milei', focus: 'AR', region: 'latin-america', ents: [['Javier Milei', 'person']] },
  { id: 'a-ven-1', src: 'Al Jazeera', title: 'Venezuela and Guyana pledge not to use force in border row', text: 'Nicolás Maduro and Irfaan Ali met in St Vincent and the Grenadines.', h: 40, story: 'st-venezuela', focus: 'VE', region: 'latin-america', ents: [['Nicolás Maduro', 'person']] },
  { id: 'a-ven-2', src: 'The New York Times', title: 'Essequibo dispute eases after leaders meet', text: 'The two leaders agreed to set up a joint commission.', h: 36, story: 'st-venezuela', focus: 'VE', region: 'latin-america' },
  { id: 'a-gaza-1', src: 'Al Jazeera', title: 'UNSC vote on Gaza aid delayed for third time', text: 'The United Nations Security Council postponed a vote on a resolution to boost aid to Gaza.', h: 8, story: 'st-gaza', focus: 'PS', region: 'middle-east', ents: [['United Nations', 'organization'], ['Gaza', 'place']] },
  { id: 'a-gaza-2', src: 'Arab News', title: 'Arab states press for Gaza ceasefire at UN', text: 'Arab diplomats urged the Security Council to act on Gaza.', h: 7, story: 'st-gaza', focus: 'PS', region: 'middle-east', ents: [['United Nations', 'organization']] },
  { id: 'a-gaza-3', src: 'BBC News', title: 'Inside Rafah: families shelter in tents as rain falls', text: 'RAFAH — Displaced families in southern Gaza told the BBC they have nowhere left to go.', h: 5, story: 'st-gaza', kind: 'report', dateline: ['Rafah', 'PS'], focus: 'PS', region: 'middle-east', ents: [['Gaza', 'place']] },
  { id: 'a-gaza-4', src: 'The New York Times', title: 'The diplomacy behind the delayed Gaza resolution', text: 'Analysis: Washington’s objections to the word ceasefire shaped the negotiations.', h: 4, story: 'st-gaza', kind: 'analysis', focus: 'PS', region: 'middle-east', ents: [['United Nations', 'organization']] },
  { id: 'a-red-1', src: 'Arab News', title: 'Maersk and others pause Red Sea transits after attacks', text: 'Shipping giants rerouted vessels around the Cape of Good Hope after Houthi attacks off Yemen.', h: 20, story: 'st-redsea', focus: 'YE', region: 'middle-east', ents: [['Maersk', 'organization'], ['Houthis', 'organization']] },
  { id: 'a-red-2', src: 'Times of India', title: 'Red Sea attacks raise freight costs for Indian exporters', text: 'Exporters face higher costs as carriers avoid the Suez Canal.', h: 12, story: 'st-redsea', focus: 'YE', region: 'middle-east', ents: [['Houthis', 'organization']] },
  { id: 'a-drc-1', src: 'All Africa', title: 'DR Congo: voting extended after delays', text: 'KINSHASA — Polling stations opened late across the country, election officials said.', h: 22, story: 'st-drc', kind: 'report', dateline: ['Kinshasa', 'CD'], focus: 'CD', region: 'africa', ents: [['Félix Tshisekedi', 'person']] },
  { id: 'a-drc-2', src: 'Al Jazeera', title: 'DRC election: counting begins amid fraud claims', text: 'Opposition candidates alleged irregularities.', h: 14, story: 'st-drc', focus: 'CD', region: 'africa', ents: [['Félix Tshisekedi', 'person']] },
  { id: 'a-sud-1', src: 'All Africa', title: 'Sudan: RSF enters Wad Madani', text: 'The Rapid Support Forces said they had taken control of Wad Madani.', h: 26, story: 'st-sudan', focus: 'SD', region: 'africa', ents: [['Rapid Support Forces', 'organization']] },
  { id: 'a-sud-2', src: 'BBC News', title: 'Sudan war: thousands flee Wad Madani', text: 'Aid agencies said thousands of people had fled.', h: 18, story: 'st-sudan', focus: 'SD', region: 'africa', ents: [['Rapid Support Forces', 'organization']] },
  { id: 'a-sud-3', src: 'The Guardian', title: 'Why Sudan’s war keeps spreading', text: 'Analysis: the fall of Wad Madani shows the army’s weakness.', h: 15, story: 'st-sudan', kind: 'analysis', focus: 'SD', region: 'africa' },
  { id: 'a-jp-1', src: 'Japan Today', title: 'Japan to allow export of Patriot missiles to U.S.', text: 'Japan revised its arms export guidelines.', h: 12, story: 'st-japan', focus: 'JP', region: 'asia', ents: [['Fumio Kishida', 'person']] },
  { id: 'a-jp-2', src: 'ABC Australia', title: 'Japan loosens arms exports in major defence shift', text: 'Tokyo approved the change on Friday.', h: 9, story: 'st-japan', focus: 'JP', region: 'asia' },
  { id: 'a-in-1', src: 'Times of India', title: 'Opposition MPs suspended: tally crosses 140', text: 'NEW DELHI — More opposition MPs were suspended from parliament.', h: 16, story: 'st-india', kind: 'report', dateline: ['New Delhi', 'IN'], focus: 'IN', region: 'asia' },
  { id: 'a-in-2', src: 'Al Jazeera', title: 'India suspends record number of opposition lawmakers', text: 'The suspensions followed a security breach in parliament.', h: 11, story: 'st-india', focus: 'IN', region: 'asia' },
  { id: 'a-us-1', src: 'The New York Times', title: 'Migrant crossings reach record as Blinken plans Mexico trip', text: 'US officials said border crossings had reached new highs.', h: 20, story: 'st-us-border', focus: 'US', region: 'north-america', ents: [['Antony Blinken', 'person']] },
  { id: 'a-us-2', src: 'CBC', title: 'U.S. and Mexico to hold border talks', text: 'Talks will focus on rail crossings.', h: 17, story: 'st-us-border', focus: 'US', region: 'north-america' },
  { id: 'a-co-1', src: 'The New York Times', title: 'Colorado Supreme Court disqualifies Trump from ballot', text: 'The court ruled 4-3 under the 14th Amendment. Donald Trump will appeal.', h: 5, story: 'st-colorado', focus: 'US', region: 'north-america', ents: [['Donald Trump', 'person']] },
  { id: 'a-co-2', src: 'CBC', title: 'What Colorado’s Trump ruling means', text: 'Legal experts say the US Supreme Court is likely to weigh in.', h: 4, story: 'st-colorado', kind: 'analysis', focus: 'US', region: 'north-america', ents: [['Donald Trump', 'person']] },
  { id: 'a-co-3', src: 'BBC News', title: 'Trump barred from Colorado ballot', text: 'Donald Trump’s campaign called the ruling flawed.', h: 4.5, story: 'st-colorado', focus: 'US', region: 'north-america', ents: [['Donald Trump', 'person']] },
  { id: 'a-au-1', src: 'ABC Australia', title: 'Cairns airport under water as Jasper floods north Queensland', text: 'CAIRNS — Record rainfall left the airport under water.', h: 30, story: 'st-australia', kind: 'report', dateline: ['Cairns', 'AU'], focus: 'AU', region: 'oceania' },
  { id: 'a-au-2', src: 'The Guardian', title: 'Queensland floods: residents rescued from rooftops', text: 'Emergency crews rescued residents.', h: 26, story: 'st-australia', focus: 'AU', region: 'oceania' },
  { id: 'a-nz-1', src: 'ABC Australia', title: 'NZ to scrap world-first smoking ban', text: 'The new coalition government will repeal the law.', h: 40, story: 'st-nz', focus: 'NZ', region: 'oceania' },
  { id: 'a-sg-1', src: 'Times of India', title: 'Singapore posts strong growth in exports', text: 'Singapore non-oil exports rose.', h: 10, focus: 'SG', region: 'asia' },
];

/** The topic: a multi-year timeline drawn from the Ukraine articles (cf. shared/seed). */
export const FIXTURE_TOPIC = {
  id: 'tp-ukraine-nato',
  name: 'Ukraine and NATO',
  keys: ['organization:nato', 'place:ukraine'],
  events: [
    ['1991', '1991-01-01', '1991-12-31', 'year', 'Ukraine declares independence', 'a-ukr-4'],
    ['2008-04', '2008-04-01', '2008-04-30', 'month', 'NATO summit in Bucharest promises Ukraine eventual membership', 'a-ukr-2'],
    ['2014', '2014-01-01', '2014-12-31', 'year', 'Russia annexes Crimea', 'a-ukr-4'],
    ['2022-02-24', '2022-02-24', '2022-02-24', 'day', 'Russia launches its full-scale invasion', 'a-ukr-4'],
    ['2023-12-14', '2023-12-14', '2023-12-14', 'day', 'EU leaders agree to open membership talks', 'a-ukr-1'],
  ] as const,
};

const key = (name: string) => name.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-');

const languageOf = (a: A): string => (a.src === 'Le Monde' && a.id === 'a-prague-5' ? 'fr' : 'en');

/** Opens (creating) a store at `file` and fills it with the fixture desk. */
export async function buildDeskFixture(file: string): Promise<{ store: Store; now: Date }> {
  return fillDeskFixture(await openStore({ file }));
}

/** Fills an empty, migrated store on either engine with the fixture desk. */
export async function fillDeskFixture(store: Store): Promise<{ store: Store; now: Date }> {
  const now = FIXTURE_NOW;
  const iso = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
  const srcId = new Map<string, number>();
  for (const [name, country, kind, site] of SOURCES) {
    const r = await store.db
      .insertInto('sources')
      .values({
        name,
        feed_url: `${site}/feed.xml`,
        site_url: site,
        country,
        language: name === 'Le Monde' ? 'fr' : 'en',
        kind,
        owner: null,
        enabled: 1,
        created_at: iso(24 * 30),
        last_fetch_at: iso(0.2),
        last_success_at: name === 'Arab News' ? iso(30) : iso(0.2),
        last_error: name === 'Arab News' ? 'fetch: http_503 (the server is unavailable; will retry)' : null,
        last_error_at: name === 'Arab News' ? iso(0.3) : null,
        consecutive_failures: name === 'Arab News' ? 4 : 0,
        items_seen: 120,
        fetch_count: 300,
        error_count: name === 'Arab News' ? 9 : 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    srcId.set(name, r.id);
  }
  for (const a of ARTICLES) {
    const published = iso(a.h);
    const url = `${SOURCES.find((s) => s[0] === a.src)![3]}/news/${a.id}`;
    // Stored as normalizeItem stores a feed item's text: its title, a blank line, the body.
    const text = `${a.title}\n\n${a.text}`;
    const row = await store.db
      .insertInto('articles')
      .values({
        id: a.id,
        source_id: srcId.get(a.src)!,
        guid: a.id,
        url,
        canonical_url: url,
        domain: new URL(url).hostname.replace(/^www\./, ''),
        title: a.title,
        summary_html: null,
        content_html: null,
        text,
        language: languageOf(a),
        author: null,
        published_at: published,
        published_estimated: 0,
        updated_at: null,
        fetched_at: published,
        image: null,
        categories: '[]',
        content_hash: a.id,
        duplicate_of: a.dup ?? null,
        analyzed: 1,
        clustered: 1,
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    await indexArticle(store, { seq: row.seq, language: languageOf(a), title: a.title, body: bodyOf(a.title, text) });
    const kind = a.kind ?? 'news';
    await store.db
      .insertInto('article_analysis')
      .values({
        article_id: a.id,
        language: 'en',
        focus_country: a.focus,
        region: a.region,
        subregion: null,
        kind,
        topic: a.topic ?? FIXTURE_STORIES.find((s) => s.id === a.story)?.topic ?? null,
        dateline_place: a.dateline?.[0] ?? null,
        dateline_country: a.dateline?.[1] ?? null,
        data: '{}',
        analyzed_at: published,
      })
      .execute();
    await store.db.insertInto('article_countries').values({ article_id: a.id, country: a.focus, role: 'focus', score: 1, mentions: 2 }).execute();
    // The key analysis writes (entityKey): the /entity pages and topics look rows up by it.
    for (const [name, type] of a.ents ?? []) await store.db.insertInto('article_entities').values({ article_id: a.id, entity_key: entityKey({ name, type }), name, type, count: 1 }).execute();
    await fileEntityNames(store.db, (a.ents ?? []).map(([name, type]) => entityKey({ name, type })));
    if (a.story) await store.db.insertInto('story_articles').values({ article_id: a.id, story_id: a.story, joined_at: published, similarity: 0.8 }).execute();
  }
  for (const s of FIXTURE_STORIES) {
    const members = ARTICLES.filter((a) => a.story === s.id);
    const hours = members.map((m) => m.h);
    const regions: Record<string, number> = {};
    for (const m of members) {
      const cc = SOURCES.find((x) => x[0] === m.src)![1];
      const r = regionOf(cc)!;
      regions[r] = (regions[r] ?? 0) + 1;
    }
    await store.db
      .insertInto('stories')
      .values({
        id: s.id,
        headline: s.headline,
        summary: s.summary,
        headline_article_id: members[0]?.id ?? null,
        first_seen_at: iso(Math.max(...hours)),
        last_seen_at: iso(Math.min(...hours)),
        article_count: members.length,
        publisher_count: new Set(members.map((m) => m.src)).size,
        region_count: Object.keys(regions).length,
        importance: s.importance,
        phase: s.phase,
        focus_country: s.focus,
        region: s.region,
        topic: s.topic,
        has_analysis: members.some((m) => m.kind === 'analysis') ? 1 : 0,
        has_report: members.some((m) => m.kind === 'report') ? 1 : 0,
        merged_into: null,
        coverage: JSON.stringify({ countries: { [s.focus]: members.length }, regions, blindSpots: ['oceania', 'africa'].filter((r) => !regions[r]) }),
        updated_at: iso(0),
      })
      .execute();
  }
  const t = FIXTURE_TOPIC;
  await store.db.insertInto('topics').values({ id: t.id, name: t.name, entity_keys: JSON.stringify(t.keys), article_count: 4, event_count: t.events.length, updated_at: iso(0) }).execute();
  for (const [date, start, end, precision, description, articleId] of t.events) {
    await store.db
      .insertInto('topic_events')
      .values({ topic_id: t.id, event_key: `${start}:${key(description)}`, date, start_date: start, end_date: end, precision, description, citations: JSON.stringify([{ articleId, sentence: description }]) })
      .execute();
  }
  return { store, now };
}
