/**
 * Topic cue words in en, pl, fr, es and de, lowercased. A trailing "*" makes
 * a prefix ("elect*" covers election, elections, electoral), which is how the
 * Polish case forms are covered ("wybor*": wybory, wyborach, wyborczy).
 * Built by reading the December 2023 corpus headlines per URL section;
 * measured by eval/kind.ts (docs/analysis.md).
 */
import type { Topic } from '../../domain/analysis.js';

export const TOPIC_WORDS: Record<Topic, string> = {
  politics: `
    elect* vote voters voting ballot* parliament* lawmaker* senat* congress* president* presiden* prime minister premier* minister* cabinet government*
    opposition coalition* party parties republican* democrat* conservative* labour tory tories campaign* candidate* referendum* impeach* legislat* bill
    diplomat* summit* sanction* treaty treaties policy polic* ambassador* embassy foreign sovereignty regime* authoritarian* constitution*
    sejm* senat* rząd* rzad* wybor* głosowa* posł* posel poseł partia parti* koalicj* opozycj* prezydent* premier* ministr* ustaw* polity* kampani* marszał*
    élection* gouvernement* député* sénat* ministre* politique* partido* gobierno* elecciones* regierung* wahl* bundestag* kanzler* partei*
    trump biden tusk kaczyński morawiecki duda macron sunak starmer orbán orban milei modi erdogan erdoğan
  `,
  conflict: `
    war wars warfare military militar* army armies troops soldier* invasion invad* attack* airstrike* air strike* strike* bomb* shell* missile* rocket* drone*
    ceasefire cease-fire truce hostage* combat* fighting fighter* militant* insurg* rebel* terror* gunmen frontline front line offensive counteroffensive
    killed casualt* massacre* genocide* weapon* artillery tank tanks occupation occupied siege shooting* gunfire clash* battle* idf hamas hezbollah houthi*
    wojn* wojsk* żołnier* zolnier* armi* atak* ostrzał* ostrzal* rakiet* dron* zawieszeni* rozejm* zakładni* zakladni* bombard* ofensyw* okupac* terroryst* zamach*
    guerre* armée* soldats attaque* frappe* otage* guerra* ejército* ataque* rehén* krieg* armee* angriff* soldaten geisel*
  `,
  economy: `
    economy economic* econom* inflation interest rate* rates bank banks banking market* stock* shares investor* invest* trade tariff* export* import*
    gdp growth recession budget* deficit* debt* tax taxes taxation price* prices wage* salar* jobs unemployment employ* business* compan* corporat* profit*
    revenue* earnings oil gas energy crypto* bitcoin currency dollar euro yuan bond* fed imf opec merger* acquisition* ipo startup* retail* consumer*
    gospodar* ekonom* inflacj* stopy stóp procentowe procentowych bank* rynk* rynek giełd* gield* akcj* inwest* handl* eksport* import* pkb wzrost* budżet* budzet* deficyt* dług* dlug*
    podat* ceny cen cenach cenami płac* plac* wynagrodz* pracy praca pracown* bezroboc* firm* spółk* spolk* zysk* przychod* walut* złot* zlot* kredyt* hipote* emerytur* paliw*
    économie* inflation marché* entreprise* economía* empresa* mercado* precio* wirtschaft* unternehmen* preise* steuer*
  `,
  climate: `
    climate cop28 cop emission* carbon co2 greenhouse fossil renewabl* solar wind power net zero net-zero warming heatwave* heat wave* drought* flood*
    wildfire* glacier* sea level* deforestation biodivers* environment* pollut* weather storm* hurricane* typhoon* cyclone* snowstorm* blizzard* tornado*
    klimat* emisj* węgl* wegl* oze fotowolta* ekolog* środowisk* srodowisk* susz* powódź powodz* pożar* pozar* upał* upal* pogod* burz* wichur* śnieg* snieg* mróz mroz*
    climat* environnement* clima* medio ambiente umwelt* klima*
  `,
  health: `
    health* hospital* doctor* nurse* patient* disease* virus* covid* pandemic* epidemic* vaccin* cancer* medic* medicine* drug drugs surgery surger*
    outbreak* infection* flu influenza mental health obesity diabetes dementia alzheimer* nhs who pharmac* clinic* treatment* diagnos* overdose*
    zdrow* szpital* lekar* pacjent* chorob* wirus* szczepi* nowotwor* rak raka lek leki leków medyc* nfz apte* grypa grypy covid pielęgniar* pielegniar*
    santé hôpital* maladie* salud hospital enfermedad* gesundheit* krankenhaus* krankheit*
  `,
  science: `
    science scien* research* researcher* study studies scientist* space nasa rocket launch* satellite* moon mars astronaut* telescope* physics chemistr*
    biolog* genetic* genom* dna fossil* archaeolog* dinosaur* species ai artificial intelligence chatgpt openai technolog* tech software computer* chip* chips
    semiconductor* quantum robot* internet cyber* smartphone* iphone apple google microsoft
    nauk* naukow* badan* badacz* kosm* satelit* technolog* sztuczn* inteligencj* komputer* oprogramow* smartfon* internet*
    science* recherche* ciencia* investigación* wissenschaft* forschung*
  `,
  society: `
    school* education* teacher* student* universit* police crime* murder* court* trial* judge* prison* jail* arrest* charged sentenced lawsuit*
    migrant* migration immigra* refugee* asylum* protest* rights* abortion* gender lgbt* women children families family poverty homeless* housing
    accident* crash* fire* dead died death* funeral* religio* church* pope* muslim* jewish christian* social* welfare community wedding
    szkoł* szkol* edukac* nauczyciel* uczni* student* uczelni* policj* przestęp* przestep* zabój* zaboj* sąd sądu sądzie sądy sądów wyrok* więzien* wiezien* areszt* zatrzyma*
    migrant* uchodźc* uchodzc* protest* prawa aborcj* rodzin* dzieci kobiet* ubóstw* ubostw* bezdomn* mieszka* wypad* kościół koscio* kości* papież* papiez*
    société* école* police* sociedad* escuela* policía* gesellschaft* schule* polizei*
  `,
  sport: `
    sport* football* soccer premier league champions league fifa uefa world cup match* goal* striker* midfield* defender* goalkeeper* coach* manager*
    tennis golf cricket rugby nba nfl nhl mlb olympic* olympics athlet* tournament* championship* semifinal* semi-final* quarterfinal* final finals
    season* scored score* win wins won defeat* beat victory squad team* club* player* league* cup f1 formula grand prix boxing ufc marathon
    piłk* pilk* mecz* bramk* gol gola gole goli trener* drużyn* druzyn* reprezentac* ekstraklas* mistrzost* turniej* olimp* skok* skoczk* siatkar* siatków* tenis* kibic*
    liga ligi sezon* zawodni* puchar* wygra* przegra* pokonal* pokonał* remis*
    football* joueur* entraîneur* fútbol* jugador* equipo* fußball* spieler* mannschaft*
  `,
  culture: `
    film* movie* cinema* actor* actress* director* oscar* golden globe* netflix hollywood music* album* song* singer* band concert* tour festival* art artist*
    museum* exhibition* gallery book* novel* author* writer* poet* theatre* theater* broadway opera ballet dance fashion* celebrit* royal* tv television
    series show shows sitcom documentar* grammy* emmy* bafta* christmas recipe* food restaurant* chef* travel* game games gaming videogame* video game*
    kultur* kino* aktor* aktork* reżyser* rezyser* muzy* piosenk* piosenkar* zespół koncert* festiwal* sztuk* artyst* muze* wystaw* książk* ksiazk* pisarz* poet*
    teatr* serial* telewiz* gwiazd* celebryt* święt* swiet* wigili* przepis* kuchni* podróż* podroz*
    culture* cinéma* musique* livre* cultura* cine* música* libro* kultur* musik* buch*
  `,
};

/** URL path sections to topics, as the outlets of the corpus name them. */
export const SECTION_TOPICS: Record<string, Topic> = {
  politics: 'politics', polityka: 'politics', policy: 'politics', election: 'politics', elections: 'politics', 'us-politics': 'politics', 'uk-politics': 'politics', wybory: 'politics', dyplomacja: 'politics', homenews: 'politics',
  'konflikty-zbrojne': 'conflict', 'raport-ukraina-rosja': 'conflict', war: 'conflict', 'israel-hamas-war': 'conflict', 'ukraine-war': 'conflict', 'russia-ukraine-war': 'conflict', defense: 'conflict', defence: 'conflict', military: 'conflict', wojna: 'conflict',
  business: 'economy', economy: 'economy', economics: 'economy', markets: 'economy', finance: 'economy', money: 'economy', biznes: 'economy', gospodarka: 'economy', finanse: 'economy', gielda: 'economy', pieniadze: 'economy', podatki: 'economy', nieruchomosci: 'economy', ekonomia: 'economy', 'poradnik-finansowy': 'economy', praca: 'economy', energia: 'economy', transport: 'economy', 'wsj-economy': 'economy', economie: 'economy',
  environment: 'climate', climate: 'climate', 'climate-crisis': 'climate', sustainability: 'climate', tvnmeteo: 'climate', pogoda: 'climate', weather: 'climate', klimat: 'climate', planete: 'climate',
  health: 'health', 'global-health': 'health', zdrowie: 'health', wellness: 'health', sante: 'health',
  science: 'science', technology: 'science', tech: 'science', technologie: 'science', 'gadgets-news': 'science', nauka: 'science', space: 'science', innovation: 'science', sciences: 'science',
  society: 'society', education: 'society', spoleczenstwo: 'society', 'us-news': 'society', 'uk-news': 'society', crime: 'society', 'prawo-karne': 'society', 'sady-i-trybunaly': 'society', 'global-development': 'society', 'nbc-out': 'society', 'prawo-dla-ciebie': 'society', prawo: 'society',
  sport: 'sport', sports: 'sport', football: 'sport', soccer: 'sport', cricket: 'sport', tennis: 'sport', rugby: 'sport', 'pilka-nozna': 'sport', 'skoki-narciarskie': 'sport', 'formula-1': 'sport', siatkowka: 'sport', tenis: 'sport', nfl: 'sport', nba: 'sport', mlb: 'sport', nhl: 'sport', golf: 'sport', boxing: 'sport',
  culture: 'culture', film: 'culture', music: 'culture', books: 'culture', 'tv-and-radio': 'culture', stage: 'culture', artanddesign: 'culture', entertainment: 'culture', 'pop-culture': 'culture', 'kultura-i-styl': 'culture', kultura: 'culture', fashion: 'culture', food: 'culture', travel: 'culture', lifeandstyle: 'culture', lifestyle: 'culture', tv: 'culture', movies: 'culture', arts: 'culture', celebrity: 'culture', recipes: 'culture', games: 'culture',
};

/**
 * Whole hosts that are one topic's outlet. Bankier files everything under
 * /wiadomosc/, which Polsat News also uses for all its news, so the section
 * alone says nothing.
 */
export const HOST_TOPICS: Record<string, Topic> = {
  'bankier.pl': 'economy',
  'eurosport.tvn24.pl': 'sport',
  'nbcsports.com': 'sport',
  'klimat.rp.pl': 'climate',
  'cyfrowa.rp.pl': 'science',
};
