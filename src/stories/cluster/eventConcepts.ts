/**
 * What kind of happening a report tells, in English and Polish: a small
 * hand-made bilingual lexicon of event words ("shooting" / "strzelanina",
 * "earthquake" / "trzęsienie ziemi", "veto" / "weto").
 *
 * Why: across languages the pair model reads only what the recognisers name
 * in both (crossKeys: people, organisations, focus countries), so a Czech
 * courier takeover and the Polish reports of the Prague shooting look alike
 * to it (both name Czechia and nothing else shared), and the Polish reports
 * of the shooting meet the English story on "Czechia" alone
 * (docs/clustering-journal.md, rounds 17 and 20). A lexicon learned from the
 * stream's co-occurrences was too noisy (journal, round 11); this is the
 * "seed bilingual dictionary of event words" docs/clustering.md named next.
 *
 * Entries are folded (lower case, diacritics and "ł" stripped, as
 * tokenize.fold), so "strzelanina" matches "Strzelanina" and "zginęło" is
 * written "zginel*". A trailing "*" makes a prefix of at least four letters
 * (the Polish case forms: "trzęsienia", "trzęsieniu"); a word without it
 * matches exactly. A two-word entry ("shot dead") matches two adjacent
 * words of the clusterer's evidence, which leaves stop words and numbers
 * out: so "zyje" stands for "nie żyje" (in a headline, nearly always "is
 * dead"), and "steps down" cannot be written. Only words that name a kind of
 * happening are here: not places, people or the verbs of reporting ("says",
 * "powiedział").
 */
import { evidenceOf } from './features.js';
import { fold, primaryLanguage } from './tokenize.js';

/** concept -> English and Polish words (folded). */
const CONCEPTS: Record<string, string> = {
  shooting: 'shooting* shooter* gunman gunmen gunfire shot dead | strzelanin* strzelec* strzelca* strzelal* zastrzel* postrzel*',
  stabbing: 'stabbing* stabbed knife attack* | dzgn* nozem ugodzon* zasztylet*',
  bombing: 'bombing* bomb blast* explosion* exploded suicide bomber* | wybuch* eksplozj* zamach* bomba bomby bombe',
  earthquake: 'earthquake* quake* tremor* aftershock* | trzesieni* wstrzas*',
  eruption: 'eruption* erupt* volcano* volcanic lava | erupcj* wulkan* lawa lawy',
  flood: 'flood* inundat* | powodz* zalan* podtop* wylal* wylew*',
  storm: 'storm* hurricane* typhoon* cyclone* tornado* gale gales | burza burzy burze burzach huragan* tajfun* cyklon* tornad* wichur* orkan*',
  // Not "fire" or "ogień": "opened fire", "otworzył ogień" tell a shooting.
  fire: 'wildfire* bushfire* blaze* firefighter* | pozar* plonie plonal*',
  crash: 'crash* collision* collided derail* | katastrof* zderzen* wypadek wypadku wypadkow* rozbil* rozbicie',
  plane: 'plane planes aircraft airliner* flight* jet | samolot* lot lotu locie',
  ship: 'ship ships vessel* tanker* cargo shipping | statek statk* tankowiec tankowc* zeglug* kontenerowc*',
  // A death and a killing are one concept: "14 killed" and "nie żyje 14 osób" tell one toll.
  death: 'dies died dead death* obituary passed away killed killing* kills casualt* victims | zmarl* zyje smierc* zgon* odszedl odeszla zabit* zabil* ofiar* zgine* zginal* zginela zginelo',
  injured: 'injured injuries wounded hurt | rann* poszkodowan* obrazen*',
  missing: 'missing disappear* search* rescue* rescued | zagin* poszukiw* akcja ratownicza ratownic* uratowan*',
  kidnap: 'kidnap* abduct* hostage* captive* | porwan* uprowadz* zakladni*',
  arrest: 'arrest* detain* detention custody | aresztowan* zatrzyma* areszt aresztu',
  charge: 'charged charges indict* prosecut* | zarzut* oskarz* prokurat*',
  trial: 'trial trials court* judge* hearing* lawsuit* sued sues | proces procesu sad sadu sadzie sady sadow sedzi* rozpraw* pozew pozwu pozwal*',
  verdict: 'verdict* ruling* ruled sentence* convicted acquitted | wyrok* orzecz* orzekl* skazan* uniewinn*',
  prison: 'prison* jail* imprison* | wiezien* odsiadk*',
  election: 'election* elect elected ballot* vote* voting poll polls polling runoff | wybory wyborow wyborach wyborcz* glosowa* referend* kandydat*',
  veto: 'veto vetoed vetoes | weto weta wetem wetuje zawetowa*',
  resign: 'resign* quits ousted sacked dismiss* | dymisj* rezygnacj* rezygnuj* zdymis* ustapi*',
  appoint: 'appoint* nominat* sworn | powola* mianowa* nominacj* zaprzysi*',
  bill: 'bill legislation act | ustaw* nowelizacj*',
  budget: 'budget* spending | budzet* okolobudzetow*',
  sanction: 'sanction* embargo* | sankcj* embarg*',
  summit: 'summit* talks meeting* visit* | szczyt* rozmow* spotkan* wizyt*',
  ceasefire: 'ceasefire* truce* | zawieszeni* rozejm*',
  strike: 'airstrike* strike strikes struck missile* rocket* drone* shelling shelled attack* | atak* ostrzal* rakiet* pocisk* dron* nalot* uderzen*',
  offensive: 'offensive* invasion invade* incursion* troops | ofensyw* inwazj* natarci*',
  protest: 'protest* demonstrat* rally rallies marchers riot* | protest* demonstrac* manifestac* zamieszki zamieszek zamieszkach wiec wiecu',
  walkout: 'strike strikes striking walkout* | strajk*',
  blockade: 'blockade* blocked border crossing* | blokad* blokuj* granicz*',
  takeover: 'takeover* liquidat* seize* | przejeci* likwidac* likwidator*',
  media: 'broadcaster* television channel* news agency | telewizj* media publiczn* nadawc* kanal*',
  rates: 'interest rate* rate cut* rate hike* | procentow* obnizk* podwyzk*',
  inflation: 'inflation* prices | inflacj* ceny cenach',
  deal: 'deal deals agreement* accord accords pact* | porozumien* umow* uklad*',
  aid: 'aid funding package* | pomoc* pakiet* wsparci* finansowani*',
  migration: 'migrant* migration asylum refugee* | migrant* migrac* azyl* uchodzc*',
  pardon: 'pardon* clemency | ulaskawi*',
  match: 'match* beat beats defeat* draw | mecz* pokonal* wygral* przegral* remis*',
  transfer: 'transfer* signing* | transfer*',
  award: 'award* prize* | nagrod* wyrozni*',
  recall: 'recall* | wycofa*',
  outage: 'outage* blackout* power cut* | awari* przerw* blackout* prad pradu',
  cyberattack: 'hack* cyberattack* cyber attack* ransomware | cyberatak* hakersk* haker*',
  epidemic: 'outbreak* epidemic* virus* variant* covid* flu | epidemi* wirus* wariant* covid* grypa grypy',
  space: 'satellite* spacecraft* rocket launch* | satelit* wystrzel* kosmiczn*',
  copyright: 'copyright* | prawa autorski* praw autorskich',
  mourning: 'mourning vigil* tribute* funeral* condolence* | zalob* czuwani* hold* pogrzeb* kondolencj*',
  christmas: 'christmas | swieta swiateczn* wigili* boze narodzeni*',
  investigation: 'investigat* probe* inquiry | sledztw* dochodzen* sledcz*',
};

/** Two-word entries (written without "*"): the pairs of words that together name a kind of happening. */
const TWO_WORD: ReadonlySet<string> = new Set([
  'shot dead',
  'knife attack',
  'suicide bomber',
  'passed away',
  'akcja ratownicza',
  'industrial action',
  'border crossing',
  'news agency',
  'media publiczn',
  'interest rate',
  'rate cut',
  'rate hike',
  'power cut',
  'cyber attack',
  'rocket launch',
  'prawa autorski',
  'praw autorskich',
  'boze narodzeni',
]);

interface Entry {
  concept: string;
  /** Folded words; a prefix when `prefix`. */
  words: string[];
  prefix: boolean[];
}

/** Entries by language, then by their first word's first two letters, for a quick look-up. */
const INDEX = new Map<string, Map<string, Entry[]>>([
  ['en', new Map()],
  ['pl', new Map()],
]);
for (const [concept, line] of Object.entries(CONCEPTS)) {
  const sides = line.split('|');
  for (const [i, lang] of (['en', 'pl'] as const).entries()) {
    const index = INDEX.get(lang)!;
    for (const raw of splitEntries(sides[i] ?? '')) {
      const parts = raw.split(' ');
      // A lone prefix shorter than four letters matches unrelated words ("sad*" and "sadness").
      if (parts.length === 1) for (const p of parts) if (p.endsWith('*') && p.length < 5) throw new Error(`eventConcepts: prefix "${p}" of ${concept} is under four letters`);
      const e: Entry = { concept, words: parts.map((w) => fold(w.replace(/\*$/, ''))), prefix: parts.map((w) => w.endsWith('*')) };
      const k = e.words[0]!.slice(0, 2);
      (index.get(k) ?? index.set(k, []).get(k)!).push(e);
    }
  }
}

/**
 * The lexicon's entries of one side, split at spaces; two adjacent words
 * that TWO_WORD lists are one entry ("shot dead", "nie zyje").
 */
function splitEntries(side: string): string[] {
  const words = side.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const two = `${words[i]} ${words[i + 1] ?? ''}`.trim();
    if (i + 1 < words.length && TWO_WORD.has(two.replace(/\*/g, ''))) {
      out.push(two);
      i++;
    } else out.push(words[i]!);
  }
  return out;
}

function matches(e: Entry, words: readonly string[], i: number): boolean {
  for (let j = 0; j < e.words.length; j++) {
    const w = words[i + j];
    if (w === undefined) return false;
    if (e.prefix[j] ? !w.startsWith(e.words[j]!) : w !== e.words[j]) return false;
  }
  return true;
}

/**
 * The concepts of a run of folded lower-case words (title and lead, as
 * TextEvidence.words holds them) in English or Polish, as "v:<concept>"
 * keys, sorted; none for other languages (no lexicon).
 */
export function eventConcepts(words: readonly string[], language: string): string[] {
  const index = INDEX.get(language);
  if (!index) return [];
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.length < 2) continue;
    for (const e of index.get(w.slice(0, 2)) ?? []) if (matches(e, words, i)) out.add(`v:${e.concept}`);
  }
  return [...out].sort();
}

/** Whether two reports tell one kind of happening (share) or each some and none in common (clash). */
export function conceptAgreement(a: ReadonlySet<string>, b: ReadonlySet<string>): { share: number; clash: number } {
  if (a.size === 0 || b.size === 0) return { share: 0, clash: 0 };
  for (const k of a) if (b.has(k)) return { share: 1, clash: 0 };
  return { share: 0, clash: 1 };
}

/**
 * The concepts of a report as the clusterer reads them (its evidence words
 * of title and lead), for callers that hold the text and not the
 * clusterer's evidence: the trainer and the tests.
 */
export function conceptsOfText(doc: { title: string; text?: string | null; language?: string | null }): string[] {
  return eventConcepts(evidenceOf(doc).words, primaryLanguage(doc.language));
}
