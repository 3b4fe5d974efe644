/**
 * Word lists behind person detection. Curated by hand for the desk languages
 * (en, pl, fr, es, de) and the names that dominate world news; small on
 * purpose: a capitalised sequence needs positive evidence (a title, a known
 * first name, a speech verb, or a surname repeated alone) to become a person,
 * so these lists only have to cover the common cases.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The words of a whitespace-separated list, as a set. */
export const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

let englishNames: Set<string> | undefined;
/**
 * English given names (data/ner/first-names-en.txt: Moby Word II via
 * stdlib, PDDL/CC0, data/ner/README.md), lowercased; 8,422 of them. Loaded
 * once, on first use.
 */
export function englishGivenNames(): Set<string> {
  englishNames ??= new Set(
    readFileSync(fileURLToPath(new URL('../../../data/ner/first-names-en.txt', import.meta.url)), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
  return englishNames;
}

/** Given names, lowercased. Polish genitive/accusative forms of the commonest ones are listed too. */
export const FIRST_NAMES = words(`
aaron abdel abdul abdullah abdulaziz abu adam adama adrian agnieszka ahmad ahmed aisha akira alan alberto aleksander aleksandr aleksandra alex alexander alexandra alexei alexey ali alice alicia alina alison amanda amir amy ana anatoly anders andrea andreas andrei andrew andrés andrzej andrzeja andy angela angelina ann anna anne annalena anthony antonio antony anwar ariel arnold arthur ashraf asif ayman
barack barbara bartosz bashar beata ben benjamin benny bernard bernie beth bill bob boris borys brad brandon brian bruce bruno
carl carlos carmen caroline catherine cecilia charles charlie charlotte chris christian christina christine christopher chuck claire claudia colin craig cyril
dan daniel danuta dariusz david deborah denis dennis diana dmitri dmitry dmitrij dominik don donald donalda doug douglas dylan
ed eddie edward elena eli elizabeth elon elżbieta emily emma emmanuel emmanuela eric erik ewa ewy
fatima felipe fernando francesco francis françois frank franz friedrich fumio
gabriel gary gavin george gerald gilad giorgia gordon grant greg gregory grzegorz gustavo
hakan hamid hans harry hassan heather heinz helen henry hillary hoang hugh hunter hussein
ian ibrahim igor ilham imran ismail isaac ivan
jack jacob jacek jacinda jake james jan jana janet jarosław jarosława javier jean jeff jeffrey jennifer jens jeremy jerzy jesse jessica jill jim jimmy joachim joanna joe joel johann john johnny jonathan jorge josé joseph josh joshua juan julia julian julie justin justyna
kamala kamil karen karin karl karol katarzyna kate katherine kathy kay keir kemal ken kenneth kevin khalid kim krzysztof kristalina kristi kurt
lars laura lee leo leon leszek li lisa liz lloyd louis luis luiz lula lukas lyndsey
maciej magdalena mahmoud maia małgorzata marcin marco marek maria marie marine mario mark marta martin mary mateusz matt matthew mauricio max melania mette michael michał michel miguel mike mikhail mitch mohamed mohammad mohammed muhammad mustafa
nancy naftali narendra nasser natalia nathan neil nicholas nick nicolas nicolás nikki nikol nikolai nina norbert
olaf olena oleksandr oleksiy olga oliver omar
patrick paul paula paulina pedro peter petr petro phil philip piotr piotra
rachel rafael rafał rahul ralph ramzan ranil raul recep rex richard rishi rob robert roberto roger rob ron ronald rosa ruth ryan ryszard
sadiq sam samantha samuel sandra sara sarah scott sean sebastian sergei sergey sergio shehbaz sheikh shinzo simon sophie stanisław stefan stephen steve steven stuart sue susan sven szymon
tadeusz tamara tanja ted teresa thomas tim timothy tina todd tom tomasz tony tucker
ursula
valentina valery vanessa victor viktor vince vivek vladimir vladimira volodymyr
waldemar wang wes william wilson witold władysław wojciech
xi xavier
yair yasser yoav yevgeny yitzhak yolanda yoon yoshihide yulia yuri
zbigniew zhang zuzanna
`);

/**
 * Titles that announce a person ("President Joe Biden", "prezydent Andrzej
 * Duda"), lowercased; multiword titles are matched by their last word.
 */
export const TITLES = words(`
president prime minister chancellor secretary senator sen. rep. representative governor gov. mayor king queen prince princess pope
mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady general gen. gen lt. col. colonel admiral adm. captain capt. sgt. sergeant
judge justice ambassador spokesman spokeswoman spokesperson chairman chairwoman chair ceo director commissioner envoy leader
sheikh emir sultan ayatollah rabbi cardinal archbishop bishop coach striker midfielder defender goalkeeper manager
prezydent prezydenta premier premiera minister ministra marszałek marszałka poseł posłanka posła senator senatora wojewoda burmistrz prezes prezesa
rzecznik rzeczniczka szef szefowa szefa generał generała pan pani ksiądz papież papieża trener
président présidente ministre m. mme presidente ministro señor señora präsident präsidentin kanzler kanzlerin bundeskanzler
`);

/** Speech verbs next to a name ("said Smith", "Smith told"). */
export const SPEECH_VERBS = words(`
said says told added warned stated announced insisted argued wrote explained noted claimed urged according
powiedział powiedziała mówił mówiła stwierdził stwierdziła zaznaczył zaznaczyła dodał dodała podkreślił podkreśliła ocenił oceniła przekazał przekazała
déclaré dijo afirmó sagte
`);

/**
 * Capitalised words that are never part of a person's name: sentence-initial
 * function words, months, weekdays, titles and common headline words.
 * Lowercased.
 */
export const NOT_NAME = words(`
a an the this that these those there their they then than thus though however but and or nor so yet for if when while where why how what who which whom whose
in on at by of to from with without into onto after before during since until as about above below under over between among against through across
he she it we you i his her its our your my me him us them one two three four five six seven eight nine ten first second third last next new old
is are was were be been being has have had do does did will would can could should may might must not no yes all any some many most more much few
also just only even still already again now today tonight yesterday tomorrow here meanwhile despite although because unless whether following amid
january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
styczeń stycznia luty lutego marzec marca kwiecień kwietnia maj maja czerwiec czerwca lipiec lipca sierpień sierpnia wrzesień września październik października listopad listopada grudzień grudnia
poniedziałek wtorek środa środę czwartek piątek sobota sobotę niedziela niedzielę
w we z ze na do od po za przed przez dla o u i a ale oraz lub czy to ten ta te tego jak jest są był była było nie tak już jeszcze także też co kto gdzie kiedy dlaczego
le la les un une des du de et en au aux pour par sur dans avec el los las y del por con para der die das und ein eine mit von
breaking live watch video photos analysis opinion explainer update updates exclusive review editorial comment news report reports latest
north south east west northern southern eastern western central
government parliament ministry army police court party council committee commission union league university school hospital bank company group
war election elections summit ceremony award awards cup championship league club street road avenue square bridge river lake mountain island
christmas easter new year eve ramadan hanukkah covid covid-19 coronavirus internet online twitter facebook instagram tiktok youtube
republic kingdom states state federation empire democratic republican democrat republicans democrats conservative conservatives labour liberal
god allah jesus christ
`);

/** Polish case endings stripped when a surname is repeated inflected ("Tuska", "Tuskiem"). */
export const PL_SURNAME_SUFFIXES = ['iem', 'iego', 'iemu', 'a', 'owi', 'em', 'ie', 'u', 'ego', 'emu', 'ą', 'ej', 'y'];

/**
 * Religions and groups of people, which docs/entities.md does not annotate
 * ("Not annotated": religions and groups of people, Sunni, Black), written
 * with a capital in English and some of them in Polish: a mention made of
 * these words alone ("Sikh", "Shia Muslim", "Muslims and Jews", "Żydów")
 * names no one. Lowercased. Words that are also surnames or colours (Black,
 * White) are left out: a mention of them alone may be a person.
 */
export const PEOPLE_GROUPS = words(`
sunni sunnis shia shias shiite shiites shi'ite shi'ites muslim muslims islam christian christians jew jews catholic catholics
protestant protestants hindu hindus sikh sikhs buddhist buddhists evangelical evangelicals mormon mormons alawite alawites
druze yazidi yazidis rohingya rohingyas uyghur uyghurs uighur uighurs kurd kurds pashtun pashtuns hazara hazaras tutsi tutsis
hutu hutus latino latinos latina latinas hispanic hispanics arab arabs
żyd żydzi żydów żydom żydami kurdowie kurdów arabowie arabów ujgurzy ujgurów rohingja hindusi hindusów sikhowie sikhów
`);

/**
 * Acronyms of common nouns, measures and diseases, and the like, that news
 * writes with capitals ("AI on the job", "Biden's EV push", "an IPO", "HIV
 * prevention", "LNG", "CPI", "PKB", "Covid", "LGBTQ"): no names, by
 * docs/entities.md ("Not annotated": products, programmes, indices, groups
 * of people). A mention that is one of these alone, one word, is dropped
 * ("COVID-19" is two to dropNoNames, which splits on hyphens); over the
 * December corpus the tagger made "AI" an organisation 328 times.
 * Organisations written so are not here ("WHO", "EU", "UN").
 */
export const COMMON_ACRONYMS = words(`
ai ev evs ipo ipos hiv aids lng lpg cpi ppi pmi gdp gnp pkb vat esg ceo ceos cfo coo cto nft nfts ev's suv suvs atm atms
covid lgbt lgbtq lgbtq+ lgbtqia+
`);

/**
 * Holidays, whole ("New Year", "New Year's Eve", "Boxing Day", "Bożego
 * Narodzenia"): events and holidays are not
 * annotated (docs/entities.md); the tagger made "New Year" an organisation
 * 288 times over the December corpus. Lowercased, words joined by one space.
 */
export const HOLIDAYS = new Set(
  [
    "new year", "new year's", "new year's eve", "new year's day", 'christmas', 'christmas eve', 'christmas day', 'boxing day',
    'easter', 'thanksgiving', 'hanukkah', 'chanukah', 'ramadan', 'eid', 'diwali', 'black friday', 'cyber monday', 'halloween',
    'nowy rok', 'nowego roku', 'boże narodzenie', 'bożego narodzenia', 'wigilia', 'wigilii', 'sylwester', 'sylwestra', 'wielkanoc',
  ],
);
