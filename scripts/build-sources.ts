/**
 * Regenerates data/sources.json, the outlets a fresh desk starts with.
 *
 *   node --import tsx scripts/build-sources.ts [--shared DIR] [--out FILE] [--check]
 *
 * Inputs (read-only, ../shared by default, see its README.md):
 * - corpus/world-news-2023-12.sources.json: the 64 feeds of the December 2023
 *   replay corpus (rumca-js/RSS-Link-Database-2023, GPL-3.0). Every one is kept,
 *   with its feed URL unchanged, so a replayed article lands on the same source
 *   as a live fetch would.
 * - reference/kite_feeds.json: ~10,000 feed URLs (kagisearch/kite-public, MIT).
 *   The outlets picked below must use a feed URL from this file; the build fails
 *   when one is missing, so a typo cannot slip into the list.
 * - reference/kite_media_data.json: outlet, country, owner and typology (same
 *   source). It supplies owner and, where the table below does not say, kind.
 *
 * The hand-curated part is the tables in this file: which outlets, their
 * display name, country (ISO 3166-1 alpha-2), language (ISO 639-1) and kind
 * where kite's typology does not fit the desk's kinds (docs/sources.md).
 * A handful of feeds that are not in either shared file (BBC World, DW English,
 * France 24 English, RFI English, TASS) are listed in HAND_FEEDS and marked as such.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import countries from 'i18n-iso-countries';
import { getDomain } from 'tldts';
import { REGIONS, type SourceInput, type SourceKind } from '../src/domain/index.js';
// The desk's own country → region mapping (docs/places.md), so the count below
// is the one the desk's region pages will show.
import { regionOf } from '../src/understand/places/regions.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** [feed URL, name, language, country, kind?, owner?] */
type Pick = [string, string, string, string, SourceKind?, string?];

/**
 * Corpus feeds: display name (the corpus titles are feed titles such as "Npr"
 * or "TNV24 Najważniejsze"), country, kind, owner. Keyed by the corpus feed URL.
 */
const CORPUS: Record<string, [string, string, SourceKind, string?]> = {
  'http://feeds.abcnews.com/abcnews/topstories': ['ABC News', 'US', 'broadcaster', 'The Walt Disney Company'],
  'https://allafrica.com/tools/headlines/rdf/africa/headlines.rdf': ['AllAfrica', 'ZA', 'newspaper', 'AllAfrica Global Media'],
  'https://brazilian.report/feed/': ['The Brazilian Report', 'BR', 'newspaper'],
  'https://businessinsider.com.pl/.feed': ['Business Insider Polska', 'PL', 'magazine', 'Ringier Axel Springer Polska'],
  'https://colombiareports.com/feed/': ['Colombia Reports', 'CO', 'newspaper'],
  'https://epoznan.pl/rss': ['epoznan.pl', 'PL', 'newspaper'],
  'https://feed.theepochtimes.com/world/feed': ['The Epoch Times: World', 'US', 'newspaper', 'Epoch Media Group'],
  'https://feeds.a.dj.com/rss/RSSWorldNews.xml': ['The Wall Street Journal: World', 'US', 'newspaper', 'News Corp'],
  'https://feeds.bbci.co.uk/news/rss.xml': ['BBC News', 'GB', 'public-broadcaster', 'BBC'],
  // The corpus recorded three feeds under both http and https URLs; the http
  // twins are kept (replayed items name them) but disabled for live polling.
  'http://feeds.bbci.co.uk/news/rss.xml': ['BBC News (http)', 'GB', 'public-broadcaster', 'BBC'],
  'http://feeds.skynews.com/feeds/rss/world.xml': ['Sky News: World (http)', 'GB', 'broadcaster', 'Comcast'],
  'http://timesofindia.indiatimes.com/rssfeedstopstories.cms': ['The Times of India (http)', 'IN', 'newspaper', 'The Times Group'],
  'https://www.arabnews.com/rss.xml': ['Arab News', 'SA', 'newspaper', 'Saudi Research and Media Group'],
  'https://feeds.feedburner.com/dcexaminer/Politics': ['Washington Examiner: Politics', 'US', 'newspaper', 'Clarity Media Group'],
  'https://feeds.feedburner.com/dcexaminer/WorldNews': ['Washington Examiner: World', 'US', 'newspaper', 'Clarity Media Group'],
  'https://feeds.nbcnews.com/nbcnews/public/world': ['NBC News: World', 'US', 'broadcaster', 'Comcast'],
  'https://feeds.npr.org/1001/rss.xml': ['NPR', 'US', 'public-broadcaster', 'NPR'],
  'https://feeds.skynews.com/feeds/rss/world.xml': ['Sky News: World', 'GB', 'broadcaster', 'Comcast'],
  'https://feeds.washingtonpost.com/rss/world?itid=lk_inline_manual_36': ['The Washington Post: World', 'US', 'newspaper', 'Nash Holdings'],
  'https://forsal.pl/.feed': ['Forsal.pl', 'PL', 'newspaper', 'Infor PL'],
  'https://insightnews.media/feed/': ['Insight News', 'UA', 'newspaper'],
  'https://japantoday.com/feed': ['Japan Today', 'JP', 'newspaper', 'GPlusMedia'],
  'https://moxie.foxnews.com/google-publisher/latest.xml': ['Fox News', 'US', 'broadcaster', 'Fox Corporation'],
  'https://pakobserver.net/feed/': ['Pakistan Observer', 'PK', 'newspaper'],
  'https://rss.nytimes.com/services/xml/rss/nyt/HomePage.xml': ['The New York Times: Top Stories', 'US', 'newspaper', 'The New York Times Company'],
  'https://rss.nytimes.com/services/xml/rss/nyt/World.xml': ['The New York Times: World', 'US', 'newspaper', 'The New York Times Company'],
  'https://rss.politico.com/politics-news.xml': ['Politico', 'US', 'newspaper', 'Axel Springer'],
  'https://thehill.com/news/feed': ['The Hill', 'US', 'newspaper', 'Nexstar Media Group'],
  'https://theintercept.com/feed/?lang=en': ['The Intercept', 'US', 'newspaper', 'First Look Institute'],
  'https://time.com/feed': ['TIME', 'US', 'magazine', 'TIME USA'],
  'https://timesofindia.indiatimes.com/rssfeedstopstories.cms': ['The Times of India', 'IN', 'newspaper', 'The Times Group'],
  'https://tvn24.pl/najwazniejsze.xml': ['TVN24: Najważniejsze', 'PL', 'broadcaster', 'TVN'],
  'https://tvn24.pl/wiadomosci-z-kraju,3.xml': ['TVN24: Z kraju', 'PL', 'broadcaster', 'TVN'],
  'https://tvn24.pl/wiadomosci-ze-swiata,2.xml': ['TVN24: Ze świata', 'PL', 'broadcaster', 'TVN'],
  'https://wiadomosci.gazeta.pl/pub/rss/wiadomosci.xml': ['Gazeta.pl: Wiadomości', 'PL', 'newspaper', 'Agora'],
  'https://www.aljazeera.com/xml/rss/all.xml': ['Al Jazeera English', 'QA', 'state-media', 'Al Jazeera Media Network'],
  'https://www.bankier.pl/rss/wiadomosci.xml': ['Bankier.pl', 'PL', 'newspaper'],
  'https://www.batimes.com.ar/feed': ['Buenos Aires Times', 'AR', 'newspaper', 'Editorial Perfil'],
  'https://www.bloomberg.com/politics/feeds/site.xml': ['Bloomberg: Politics', 'US', 'newspaper', 'Bloomberg L.P.'],
  'https://www.cbc.ca/webfeed/rss/rss-canada': ['CBC News: Canada', 'CA', 'public-broadcaster', 'CBC/Radio-Canada'],
  'https://www.cbc.ca/webfeed/rss/rss-topstories': ['CBC News: Top Stories', 'CA', 'public-broadcaster', 'CBC/Radio-Canada'],
  'https://www.channelnewsasia.com/api/v1/rss-outbound-feed?_format=xml': ['CNA', 'SG', 'broadcaster', 'Mediacorp'],
  'https://www.dailymail.co.uk/news/index.rss': ['Daily Mail', 'GB', 'newspaper', 'DMG Media'],
  'https://www.ft.com/world?format=rss': ['Financial Times: World', 'GB', 'newspaper', 'Nikkei'],
  'https://www.gulf-insider.com/feed': ['Gulf Insider', 'BH', 'newspaper'],
  'https://www.lemonde.fr/en/rss/une.xml': ['Le Monde in English', 'FR', 'newspaper', 'Groupe Le Monde'],
  'https://www.money.pl/rss/rss.xml': ['Money.pl', 'PL', 'newspaper', 'Wirtualna Polska'],
  // The corpus calls this feed "CNBC"; it is NBC News' own feed.
  'https://www.nbcnews.com/feed': ['NBC News', 'US', 'broadcaster', 'Comcast'],
  'https://www.politico.eu/feed': ['Politico Europe', 'BE', 'newspaper', 'Axel Springer'],
  'https://www.polsatnews.pl/rss/swiat.xml': ['Polsat News: Świat', 'PL', 'broadcaster', 'Polsat'],
  // Reuters closed its RSS feeds in 2020; this is the World page the corpus
  // recorded. Kept (the replay refers to it) but disabled for live polling.
  'https://www.reuters.com/world/': ['Reuters: World', 'GB', 'wire', 'Thomson Reuters'],
  'https://www.rmf24.pl/feed': ['RMF24', 'PL', 'broadcaster', 'Bauer Media'],
  'https://www.rp.pl/rss_main': ['Rzeczpospolita', 'PL', 'newspaper', 'Gremi Media'],
  'https://www.rt.com/rss/': ['RT', 'RU', 'state-media', 'TV-Novosti (Government of Russia)'],
  'https://www.scmp.com/rss/4/feed': ['South China Morning Post: China', 'HK', 'newspaper', 'Alibaba Group'],
  'https://www.telegraph.co.uk/news/rss.xml': ['The Telegraph: News', 'GB', 'newspaper', 'Telegraph Media Group'],
  'https://www.telegraph.co.uk/rss.xml': ['The Telegraph: Top Stories', 'GB', 'newspaper', 'Telegraph Media Group'],
  'https://www.theguardian.com/international/rss': ['The Guardian: International', 'GB', 'newspaper', 'Guardian Media Group'],
  'https://www.theguardian.com/rss': ['The Guardian', 'GB', 'newspaper', 'Guardian Media Group'],
  'https://www.theguardian.com/world/rss': ['The Guardian: World', 'GB', 'newspaper', 'Guardian Media Group'],
  // Published from Amsterdam since 2022 (Stichting 2 Oktober); it covers Russia.
  'https://www.themoscowtimes.com/rss/news': ['The Moscow Times', 'NL', 'newspaper'],
  'https://wydarzenia.interia.pl/feed': ['Interia: Wydarzenia', 'PL', 'newspaper', 'Grupa Polsat Plus'],
  'https://wydarzenia.interia.pl/polska/feed': ['Interia: Polska', 'PL', 'newspaper', 'Grupa Polsat Plus'],
  'https://wydarzenia.interia.pl/swiat/feed': ['Interia: Świat', 'PL', 'newspaper', 'Grupa Polsat Plus'],
};

/** Corpus feeds known not to be feeds any more: shipped disabled. */
const DISABLED = new Set([
  'https://www.reuters.com/world/',
  'http://feeds.bbci.co.uk/news/rss.xml',
  'http://feeds.skynews.com/feeds/rss/world.xml',
  'http://timesofindia.indiatimes.com/rssfeedstopstories.cms',
]);

/** Outlets picked from kite_feeds.json, grouped by the desk region they add to. */
const KITE_PICKS: Pick[] = [
  // Africa
  ['https://www.premiumtimesng.com/feed', 'Premium Times', 'en', 'NG'],
  ['https://punchng.com/feed/', 'The Punch', 'en', 'NG'],
  ['https://www.vanguardngr.com/feed', 'Vanguard', 'en', 'NG'],
  ['https://guardian.ng/feed/', 'The Guardian Nigeria', 'en', 'NG'],
  ['https://www.channelstv.com/feed/', 'Channels Television', 'en', 'NG', 'broadcaster'],
  ['https://saharareporters.com/rss.xml', 'Sahara Reporters', 'en', 'NG'],
  ['https://nation.africa/kenya/rss.xml', 'Daily Nation', 'en', 'KE', 'newspaper', 'Nation Media Group'],
  ['https://www.capitalfm.co.ke/news/feed/', 'Capital FM Kenya', 'en', 'KE', 'broadcaster'],
  ['https://www.theeastafrican.co.ke/rss.xml', 'The EastAfrican', 'en', 'KE', 'newspaper', 'Nation Media Group'],
  ['https://www.kbc.co.ke/feed/', 'Kenya Broadcasting Corporation', 'en', 'KE', 'state-media', 'Government of Kenya'],
  ['https://www.myjoyonline.com/news/feed', 'MyJoyOnline', 'en', 'GH', 'broadcaster', 'Multimedia Group'],
  ['https://www.gbcghanaonline.com/category/news/feed/', 'Ghana Broadcasting Corporation', 'en', 'GH', 'state-media', 'Government of Ghana'],
  ['https://www.dailymaverick.co.za/dmrss', 'Daily Maverick', 'en', 'ZA'],
  ['https://feeds.news24.com/articles/news24/SouthAfrica/rss', 'News24', 'en', 'ZA', 'newspaper', 'Naspers'],
  ['https://mg.co.za/feed', 'Mail & Guardian', 'en', 'ZA'],
  ['https://www.sabcnews.com/sabcnews/south-africa/feed', 'SABC News', 'en', 'ZA', 'public-broadcaster', 'SABC'],
  ['https://addisstandard.com/feed/', 'Addis Standard', 'en', 'ET'],
  ['https://www.thereporterethiopia.com/feed/', 'The Reporter Ethiopia', 'en', 'ET'],
  ['https://dailynews.co.tz/feed/', 'Daily News Tanzania', 'en', 'TZ', 'state-media', 'Tanzania Standard Newspapers'],
  ['https://www.moroccoworldnews.com/feed', 'Morocco World News', 'en', 'MA'],
  ['https://en.hespress.com/africa/feed', 'Hespress English: Africa', 'en', 'MA'],
  ['https://www.mapnews.ma/ar/actualites/general/rss', 'Maghreb Arabe Presse', 'ar', 'MA', 'wire', 'Government of Morocco'],
  ['https://www.egyptindependent.com/feed/', 'Egypt Independent', 'en', 'EG'],
  ['https://madamasr.com/en/feed', 'Mada Masr', 'en', 'EG'],
  // Africanews is headquartered in Pointe-Noire, Republic of the Congo.
  ['https://www.africanews.com/feed/', 'Africanews', 'en', 'CG', 'broadcaster', 'Euronews'],
  ['https://www.lusakatimes.com/search/africa/feed/rss2/', 'Lusaka Times', 'en', 'ZM'],
  ['https://www.newzimbabwe.com/category/news/africa/feed/', 'NewZimbabwe', 'en', 'ZW'],
  ['https://www.nyasatimes.com/search/africa/feed/rss2/', 'Nyasa Times', 'en', 'MW'],
  ['https://www.ktpress.rw/search/africa/feed/rss2/', 'KT Press', 'en', 'RW'],
  ['https://aps.sn/search/afri/feed/rss2/', 'Agence de Presse Sénégalaise', 'fr', 'SN', 'wire', 'Government of Senegal'],
  ['https://www.aip.ci/search/afri/feed/rss2/', "Agence Ivoirienne de Presse", 'fr', 'CI', 'wire', "Government of Côte d'Ivoire"],
  ['https://libyaherald.com/search/africa/feed/rss2/', 'Libya Herald', 'en', 'LY'],
  ['https://www.independent.co.ug/africa/feed/', 'The Independent Uganda', 'en', 'UG', 'magazine'],
  ['https://www.eyeradio.org/search/africa/feed/rss2/', 'Eye Radio', 'en', 'SS', 'broadcaster'],
  ['https://www.iwacu-burundi.org/search/afri/feed/rss2/', 'Iwacu', 'fr', 'BI'],
  ['https://frontpageafricaonline.com/search/africa/feed/rss2/', 'FrontPage Africa', 'en', 'LR'],
  ['https://www.jeuneafrique.com/feed', 'Jeune Afrique', 'fr', 'FR', 'magazine', 'Jeune Afrique Media Group'],
  ['https://www.theafricareport.com/feed/', 'The Africa Report', 'en', 'FR', 'magazine', 'Jeune Afrique Media Group'],
  // Asia
  ['https://www.dawn.com/feeds/home/', 'Dawn', 'en', 'PK', 'newspaper', 'Dawn Media Group'],
  ['https://tribune.com.pk/feed/pakistan', 'The Express Tribune', 'en', 'PK', 'newspaper', 'Lakson Group'],
  ['https://www.app.com.pk/national/feed/', 'Associated Press of Pakistan', 'en', 'PK', 'wire', 'Government of Pakistan'],
  ['https://www.thehindu.com/news/national/feeder/default.rss', 'The Hindu: National', 'en', 'IN', 'newspaper', 'The Hindu Group'],
  ['https://indianexpress.com/section/india/feed/', 'The Indian Express', 'en', 'IN', 'newspaper', 'Indian Express Group'],
  ['https://feeds.feedburner.com/ndtvnews-top-stories', 'NDTV', 'en', 'IN', 'broadcaster', 'Adani Group'],
  ['https://feeds.feedburner.com/ScrollinArticles.rss', 'Scroll.in', 'en', 'IN'],
  ['https://www.japantimes.co.jp/feed/', 'The Japan Times', 'en', 'JP', 'newspaper', 'News2u Holdings'],
  ['https://www3.nhk.or.jp/rss/news/cat0.xml', 'NHK News', 'ja', 'JP', 'public-broadcaster', 'NHK'],
  ['https://english.kyodonews.net/rss/kyodonews-fzone.xml', 'Kyodo News', 'en', 'JP', 'wire', 'Kyodo News'],
  ['https://mainichi.jp/rss/etc/flash.rss', 'Mainichi Shimbun', 'ja', 'JP', 'newspaper', 'Mainichi Shimbun'],
  ['https://en.yna.co.kr/RSS/news.xml', 'Yonhap News Agency', 'en', 'KR', 'wire', 'Yonhap News Agency'],
  ['https://www.koreaherald.com/rss/newsAll', 'The Korea Herald', 'en', 'KR', 'newspaper', 'Herald Corporation'],
  ['https://feed.koreatimes.co.kr/k/allnews.xml', 'The Korea Times', 'en', 'KR'],
  ['https://english.hani.co.kr/rss/english_edition', 'The Hankyoreh', 'en', 'KR'],
  ['https://www.cgtn.com/subscribe/rss/section/china.xml', 'CGTN', 'en', 'CN', 'state-media', 'China Media Group (Government of China)'],
  ['https://www.chinadaily.com.cn/rss/china_rss.xml', 'China Daily', 'en', 'CN', 'state-media', 'Chinese Communist Party Publicity Department'],
  ['https://www.taipeitimes.com/xml/index.rss', 'Taipei Times', 'en', 'TW', 'newspaper', 'Liberty Times Group'],
  ['https://www.straitstimes.com/news/asia/rss.xml', 'The Straits Times: Asia', 'en', 'SG', 'newspaper', 'SPH Media Trust'],
  ['https://www.bangkokpost.com/rss/data/topstories.xml', 'Bangkok Post', 'en', 'TH', 'newspaper', 'Post Publishing'],
  ['https://e.vnexpress.net/rss/news.rss', 'VnExpress International', 'en', 'VN', 'newspaper', 'FPT Group'],
  ['https://news.tuoitre.vn/home.rss', 'Tuoi Tre News', 'en', 'VN', 'state-media', 'Ho Chi Minh Communist Youth Union'],
  ['https://www.rappler.com/feed/', 'Rappler', 'en', 'PH'],
  ['https://www.inquirer.net/fullfeed', 'Philippine Daily Inquirer', 'en', 'PH', 'newspaper', 'Inquirer Group'],
  ['https://www.philstar.com/rss/nation', 'The Philippine Star', 'en', 'PH', 'newspaper', 'MediaQuest Holdings'],
  ['https://en.antaranews.com/rss/news.xml', 'Antara', 'en', 'ID', 'wire', 'Government of Indonesia'],
  ['https://www.malaymail.com/feed/rss/malaysia', 'Malay Mail', 'en', 'MY'],
  ['https://www.thestar.com.my/rss/News/Nation', 'The Star Malaysia', 'en', 'MY', 'newspaper', 'Star Media Group'],
  ['https://www.thedailystar.net/rss.xml', 'The Daily Star', 'en', 'BD', 'newspaper', 'Transcom Group'],
  ['https://www.dhakatribune.com/feed/', 'Dhaka Tribune', 'en', 'BD'],
  ['https://thediplomat.com/feed/', 'The Diplomat', 'en', 'US', 'magazine', 'Diplomat Media'],
  ['https://www.rfa.org/arc/outboundfeeds/burmese/rss/', 'Radio Free Asia: Burmese', 'my', 'US', 'public-broadcaster', 'U.S. Agency for Global Media'],
  // Middle East
  ['https://www.timesofisrael.com/feed/', 'The Times of Israel', 'en', 'IL'],
  ['https://www.haaretz.com/srv/haaretz-latest-headlines', 'Haaretz', 'en', 'IL', 'newspaper', 'Haaretz Group'],
  ['https://www.jpost.com//rss/rssfeedsfrontpage.aspx', 'The Jerusalem Post', 'en', 'IL'],
  ['https://www.tehrantimes.com/rss', 'Tehran Times', 'en', 'IR', 'state-media', 'Islamic Ideology Dissemination Organization'],
  ['https://www.presstv.ir/rss/rss-101.xml', 'Press TV', 'en', 'IR', 'state-media', 'IRIB (Government of Iran)'],
  ['https://en.irna.ir/rss', 'IRNA', 'en', 'IR', 'wire', 'Government of Iran'],
  ['https://www.tasnimnews.com/en/rss/feed/0/0/0/0/AllStories', 'Tasnim News Agency', 'en', 'IR', 'state-media'],
  ['https://english.alarabiya.net/feed/rss2/en.xml', 'Al Arabiya English', 'en', 'SA', 'state-media', 'MBC Group'],
  ['https://english.aawsat.com/feed', 'Asharq Al-Awsat', 'en', 'SA', 'newspaper', 'Saudi Research and Media Group'],
  ['https://www.thenationalnews.com/arc/outboundfeeds/rss/?outputType=xml', 'The National', 'en', 'AE', 'newspaper', 'International Media Investments'],
  ['https://prod-qt-images.s3.amazonaws.com/production/gulfnews/feed.xml', 'Gulf News', 'en', 'AE', 'newspaper', 'Al Nisr Publishing'],
  ['https://www.gulf-times.com/rssFeed/6', 'Gulf Times', 'en', 'QA'],
  ['https://dohanews.co/feed', 'Doha News', 'en', 'QA'],
  ['https://jordantimes.com/rss-feed/45', 'The Jordan Times', 'en', 'JO'],
  ['https://english.enabbaladi.net/feed/', 'Enab Baladi', 'en', 'SY'],
  ['https://www.middleeasteye.net/rss', 'Middle East Eye', 'en', 'GB'],
  ['https://www.al-monitor.com/rss', 'Al-Monitor', 'en', 'US'],
  ['https://www.dailysabah.com/rss/politics', 'Daily Sabah: Politics', 'en', 'TR', 'newspaper', 'Turkuvaz Media Group'],
  ['http://www.hurriyetdailynews.com/rss.aspx', 'Hürriyet Daily News', 'en', 'TR', 'newspaper', 'Demirören Group'],
  ['https://www.aa.com.tr/en/rss/default?cat=live', 'Anadolu Agency', 'en', 'TR', 'wire', 'Government of Turkey'],
  // Europe
  ['https://rss.dw.com/rdf/rss-en-eu', 'DW: Europe', 'en', 'DE', 'public-broadcaster', 'Deutsche Welle'],
  ['https://www.france24.com/en/europe/rss', 'France 24: Europe', 'en', 'FR', 'public-broadcaster', 'France Médias Monde'],
  ['https://www.afp.com/fr/actus/afp_actualite/792,31,9,7,33/feed', 'AFP', 'fr', 'FR', 'wire', 'Agence France-Presse'],
  ['https://www.euronews.com/rss?level=program&name=europe-news', 'Euronews: Europe', 'en', 'BE', 'broadcaster', 'Alpac Capital'],
  ['https://www.ansa.it/sito/notizie/politica/politica_rss.xml', 'ANSA: Politica', 'it', 'IT', 'wire', 'ANSA'],
  ['https://feeds.elpais.com/mrss-s/pages/ep/site/elpais.com/portada', 'El País', 'es', 'ES', 'newspaper', 'PRISA'],
  ['https://newsfeed.zeit.de/index', 'Die Zeit', 'de', 'DE'],
  ['https://www.faz.net/rss/aktuell', 'Frankfurter Allgemeine Zeitung', 'de', 'DE', 'newspaper', 'FAZIT Foundation'],
  ['https://www.tagesschau.de/infoservices/alle-meldungen-100~rss2.xml', 'tagesschau', 'de', 'DE', 'public-broadcaster', 'ARD'],
  ['https://www.repubblica.it/rss/homepage/rss2.0.xml', 'la Repubblica', 'it', 'IT', 'newspaper', 'GEDI'],
  ['https://www.rte.ie/feeds/rss/?index=%2Fnews%2F', 'RTÉ News', 'en', 'IE', 'public-broadcaster', 'RTÉ'],
  ['https://www.irishtimes.com/arc/outboundfeeds/feed-irish-news/?from=0&size=20', 'The Irish Times', 'en', 'IE', 'newspaper', 'The Irish Times Trust'],
  ['https://www.svt.se/rss.xml', 'SVT Nyheter', 'sv', 'SE', 'public-broadcaster', 'SVT'],
  ['https://www.nrk.no/toppsaker.rss', 'NRK', 'no', 'NO', 'public-broadcaster', 'NRK'],
  ['https://feeds.nos.nl/nosnieuwspolitiek', 'NOS: Politiek', 'nl', 'NL', 'public-broadcaster', 'NOS'],
  ['https://rss.orf.at/news.xml', 'ORF', 'de', 'AT', 'public-broadcaster', 'ORF'],
  ['https://www.swissinfo.ch/fre/latest/~rss', 'Swissinfo', 'fr', 'CH', 'public-broadcaster', 'SRG SSR'],
  ['https://kyivindependent.com/news-archive/rss/', 'The Kyiv Independent', 'en', 'UA'],
  ['https://www.pravda.com.ua/rss/', 'Ukrainska Pravda', 'uk', 'UA'],
  // Meduza is published from Riga; Novaya Gazeta Europe likewise from Riga.
  ['https://meduza.io/rss/en/all', 'Meduza', 'en', 'LV'],
  ['https://novayagazeta.eu/feed/rss', 'Novaya Gazeta Europe', 'ru', 'LV'],
  ['https://balkaninsight.com/feed/', 'Balkan Insight', 'en', 'RS', 'newspaper', 'BIRN'],
  ['https://www.euractiv.com/feed/', 'Euractiv', 'en', 'BE', 'newspaper', 'Médiahuis'],
  ['https://euobserver.com/rss', 'EUobserver', 'en', 'BE'],
  ['https://www.rferl.org/api/', 'Radio Free Europe/Radio Liberty', 'en', 'CZ', 'public-broadcaster', 'U.S. Agency for Global Media'],
  ['https://feeds.feedburner.com/kathimerini/DJpy', 'Kathimerini', 'el', 'GR'],
  ['https://russian.rt.com/rss/', 'RT на русском', 'ru', 'RU', 'state-media', 'TV-Novosti (Government of Russia)'],
  ['https://www.independent.co.uk/rss', 'The Independent', 'en', 'GB'],
  ['https://www.economist.com/europe/rss.xml', 'The Economist: Europe', 'en', 'GB', 'magazine', 'The Economist Group'],
  // North America
  ['https://www.theglobeandmail.com/arc/outboundfeeds/rss/category/canada/', 'The Globe and Mail', 'en', 'CA', 'newspaper', 'Woodbridge Company'],
  ['https://nationalpost.com/category/news/canada/feed.xml', 'National Post', 'en', 'CA', 'newspaper', 'Postmedia Network'],
  ['https://globalnews.ca/canada/feed/', 'Global News', 'en', 'CA', 'broadcaster', 'Corus Entertainment'],
  ['https://www.lapresse.ca/actualites/rss', 'La Presse', 'fr', 'CA'],
  ['https://www.ledevoir.com/rss/section/actualites.xml?id=10', 'Le Devoir', 'fr', 'CA'],
  ['https://foreignpolicy.com/tag/foreign-public-diplomacy/feed/', 'Foreign Policy: Diplomacy', 'en', 'US', 'magazine', 'Graham Holdings'],
  ['https://www.pbs.org/newshour/feeds/rss/economy', 'PBS NewsHour: Economy', 'en', 'US', 'public-broadcaster', 'PBS'],
  ['https://www.cbsnews.com/latest/rss/tag/asia', 'CBS News: Asia', 'en', 'US', 'broadcaster', 'Paramount Global'],
  ['https://amharic.voanews.com/api/', 'VOA Amharic', 'am', 'US', 'public-broadcaster', 'U.S. Agency for Global Media'],
  // Latin America
  ['https://g1.globo.com/dynamo/brasil/rss2.xml', 'g1', 'pt', 'BR', 'newspaper', 'Grupo Globo'],
  ['https://feeds.folha.uol.com.br/emcimadahora/rss091.xml', 'Folha de S.Paulo', 'pt', 'BR', 'newspaper', 'Grupo Folha'],
  ['https://www.estadao.com.br/arc/outboundfeeds/feeds/rss/sections/brasil/', 'O Estado de S. Paulo', 'pt', 'BR', 'newspaper', 'Grupo Estado'],
  ['http://agenciabrasil.ebc.com.br/rss/internacional/feed.xml', 'Agência Brasil', 'pt', 'BR', 'wire', 'EBC (Government of Brazil)'],
  ['https://www.lanacion.com.ar/arc/outboundfeeds/rss/?outputType=xml', 'La Nación', 'es', 'AR'],
  ['https://www.infobae.com/arc/outboundfeeds/rss/argentina/', 'Infobae', 'es', 'AR'],
  ['https://www.perfil.com/feed', 'Perfil', 'es', 'AR', 'newspaper', 'Editorial Perfil'],
  ['https://www.eltiempo.com/rss.xml', 'El Tiempo', 'es', 'CO', 'newspaper', 'Casa Editorial El Tiempo'],
  ['https://www.elespectador.com/rss/', 'El Espectador', 'es', 'CO'],
  ['https://www.semana.com/rss/', 'Semana', 'es', 'CO', 'magazine'],
  ['https://www.jornada.com.mx/rss/edicion.xml?v=1', 'La Jornada', 'es', 'MX'],
  ['https://www.milenio.com/rss', 'Milenio', 'es', 'MX', 'newspaper', 'Grupo Multimedios'],
  ['https://www.proceso.com.mx/rss/feed.html?r=1', 'Proceso', 'es', 'MX', 'magazine'],
  ['https://www.elfinanciero.com.mx/rss', 'El Financiero', 'es', 'MX'],
  ['https://www.cooperativa.cl/noticias/site/tax/port/all/rss____1.xml', 'Radio Cooperativa', 'es', 'CL', 'broadcaster'],
  ['https://www.ciperchile.cl/feed/', 'CIPER Chile', 'es', 'CL'],
  ['https://feeds.feedburner.com/radiobiobio/NNeJ', 'BioBioChile', 'es', 'CL', 'broadcaster'],
  ['https://elpitazo.net/feed/', 'El Pitazo', 'es', 'VE'],
  ['https://efectococuyo.com/feed/', 'Efecto Cocuyo', 'es', 'VE'],
  ['https://www.telesurtv.net/tag/venezuela/feed/', 'teleSUR', 'es', 'VE', 'state-media', 'Government of Venezuela'],
  ['https://ticotimes.net/feed', 'The Tico Times', 'en', 'CR'],
  ['https://www.nacion.com/arc/outboundfeeds/rss/?outputType=xml', 'La Nación (Costa Rica)', 'es', 'CR', 'newspaper', 'Grupo Nación'],
  ['https://www.diariolibre.com/rss/actualidad.xml', 'Diario Libre', 'es', 'DO'],
  ['https://www.jamaicaobserver.com/feed', 'Jamaica Observer', 'en', 'JM'],
  ['https://barbadostoday.bb/category/regional/feed/', 'Barbados Today', 'en', 'BB'],
  ['https://riotimesonline.com/feed/', 'The Rio Times', 'en', 'BR'],
  // Oceania
  ['https://www.abc.net.au/news/feed/1534/rss.xml', 'ABC News (Australia)', 'en', 'AU', 'public-broadcaster', 'Australian Broadcasting Corporation'],
  ['https://www.sbs.com.au/news/topic/australia/feed', 'SBS News', 'en', 'AU', 'public-broadcaster', 'Special Broadcasting Service'],
  ['https://www.smh.com.au/rss/feed.xml', 'The Sydney Morning Herald', 'en', 'AU', 'newspaper', 'Nine Entertainment'],
  ['https://www.theage.com.au/rss/national.xml', 'The Age', 'en', 'AU', 'newspaper', 'Nine Entertainment'],
  ['https://www.theguardian.com/australia-news/rss', 'Guardian Australia', 'en', 'AU', 'newspaper', 'Guardian Media Group'],
  ['https://www.news.com.au/content-feeds/latest-news-national/', 'news.com.au', 'en', 'AU', 'newspaper', 'News Corp'],
  ['https://thewest.com.au/feed', 'The West Australian', 'en', 'AU', 'newspaper', 'Seven West Media'],
  ['https://www.crikey.com.au/feed/', 'Crikey', 'en', 'AU', 'newspaper', 'Private Media'],
  ['https://www.canberratimes.com.au/rss.xml', 'The Canberra Times', 'en', 'AU', 'newspaper', 'Australian Community Media'],
  ['https://theconversation.com/au/articles.atom', 'The Conversation (Australia)', 'en', 'AU', 'magazine', 'The Conversation Media Group'],
  ['https://www.rnz.co.nz/rss/national.xml', 'RNZ: National', 'en', 'NZ', 'public-broadcaster', 'Radio New Zealand'],
  ['https://www.rnz.co.nz/rss/pacific.xml', 'RNZ Pacific', 'en', 'NZ', 'public-broadcaster', 'Radio New Zealand'],
  ['https://www.nzherald.co.nz/arc/outboundfeeds/rss/section/nz/?outputType=xml&_website=nzh', 'The New Zealand Herald', 'en', 'NZ', 'newspaper', 'NZME'],
  ['https://www.stuff.co.nz/rss', 'Stuff', 'en', 'NZ', 'newspaper', 'Stuff Ltd'],
  ['https://newsroom.co.nz/feed/', 'Newsroom', 'en', 'NZ'],
  ['https://www.odt.co.nz/news/feed', 'Otago Daily Times', 'en', 'NZ', 'newspaper', 'Allied Press'],
  ['https://www.teaonews.co.nz/arc/outboundfeeds/rss/', 'Te Ao Māori News', 'en', 'NZ', 'public-broadcaster', 'Whakaata Māori'],
];

/**
 * Feeds in neither shared file: the main English feeds of international
 * broadcasters and a wire that kite only lists by section. These URLs are the
 * ones the outlets publish on their own RSS pages.
 */
const HAND_FEEDS: Pick[] = [
  ['https://feeds.bbci.co.uk/news/world/rss.xml', 'BBC News: World', 'en', 'GB', 'public-broadcaster', 'BBC'],
  ['https://rss.dw.com/rdf/rss-en-all', 'DW', 'en', 'DE', 'public-broadcaster', 'Deutsche Welle'],
  ['https://www.france24.com/en/rss', 'France 24', 'en', 'FR', 'public-broadcaster', 'France Médias Monde'],
  ['https://www.rfi.fr/en/rss', 'RFI English', 'en', 'FR', 'public-broadcaster', 'France Médias Monde'],
  ['https://tass.com/rss/v2.xml', 'TASS', 'en', 'RU', 'wire', 'Government of Russia'],
];

/** Site URLs where the feed's host is not the outlet's web site. */
const SITE_OVERRIDES: Record<string, string> = {
  'bbci.co.uk': 'https://www.bbc.co.uk/news',
  'dj.com': 'https://www.wsj.com/',
  'dw.com': 'https://www.dw.com/en/',
  'amazonaws.com': 'https://gulfnews.com/',
  'folha.uol.com.br': 'https://www.folha.uol.com.br/',
  'abcnews.com': 'https://abcnews.go.com/',
  'foxnews.com': 'https://www.foxnews.com/',
  'news24.com': 'https://www.news24.com/',
  'nos.nl': 'https://nos.nl/',
  'orf.at': 'https://orf.at/',
  'skynews.com': 'https://news.sky.com/',
  'elpais.com': 'https://elpais.com/',
};

/** feedburner-hosted feeds: the outlet's own site. */
const FEEDBURNER_SITES: Record<string, string> = {
  'https://feeds.feedburner.com/dcexaminer/Politics': 'https://www.washingtonexaminer.com/',
  'https://feeds.feedburner.com/dcexaminer/WorldNews': 'https://www.washingtonexaminer.com/',
  'https://feeds.feedburner.com/ndtvnews-top-stories': 'https://www.ndtv.com/',
  'https://feeds.feedburner.com/ScrollinArticles.rss': 'https://scroll.in/',
  'https://feeds.feedburner.com/radiobiobio/NNeJ': 'https://www.biobiochile.cl/',
  'https://feeds.feedburner.com/kathimerini/DJpy': 'https://www.kathimerini.gr/',
};

/** Feed hosts that are platforms, not outlets: never matched against kite media data. */
const PLATFORM_DOMAINS = new Set(['feedburner.com', 'amazonaws.com', 'google.com']);

/** The fewest outlets the default list may have in each desk region (antarctica excepted). */
export const MIN_PER_REGION = 10;

interface KiteMedia {
  country: string;
  organization: string;
  domains: string[];
  owner: string;
  typology: string;
}

interface CorpusFeed {
  url: string;
  title: string;
  language: string;
}

/** Where kite's typology has a clear desk kind; "Private Media" and the like stay newspapers. */
function kindFromTypology(t: string): SourceKind | null {
  const s = t.toLowerCase();
  if (s.includes('state')) return 'state-media';
  if (s.includes('public')) return 'public-broadcaster';
  return null;
}

function registrable(url: string): string {
  return getDomain(url) ?? new URL(url).hostname;
}

export interface BuildResult {
  sources: SourceInput[];
  warnings: string[];
  perRegion: Record<string, number>;
}

/** Builds the list from the shared files; throws with every problem listed (a build script, not a stage). */
export function buildSources(sharedDir: string): BuildResult {
  const read = <T>(p: string): T => JSON.parse(readFileSync(resolve(sharedDir, p), 'utf8')) as T;
  const corpus = read<CorpusFeed[]>('corpus/world-news-2023-12.sources.json');
  const kite = read<Record<string, { feeds: string[] }>>('reference/kite_feeds.json');
  const media = read<KiteMedia[]>('reference/kite_media_data.json');

  const kiteFeeds = new Set(Object.values(kite).flatMap((c) => c.feeds));
  const byDomain = new Map<string, KiteMedia>();
  for (const m of media) for (const d of m.domains) byDomain.set(d.toLowerCase().replace(/^www\./, ''), m);
  const mediaFor = (url: string): KiteMedia | null => {
    const d = registrable(url);
    if (PLATFORM_DOMAINS.has(d)) return null;
    const host = new URL(url).hostname.replace(/^www\./, '');
    return byDomain.get(host) ?? byDomain.get(d) ?? null;
  };

  const problems: string[] = [];
  const warnings: string[] = [];
  const out: SourceInput[] = [];

  const add = (p: Pick, origin: string): void => {
    const [feedUrl, name, language, country, kindOverride, ownerOverride] = p;
    const m = mediaFor(feedUrl);
    const kind = kindOverride ?? (m ? kindFromTypology(m.typology) : null) ?? 'newspaper';
    // kite's owner field is sometimes a paragraph; the organisation name is
    // then the better "owner" for counting one owner's outlets once.
    const kiteOwner = m ? (m.owner && m.owner.length <= 60 ? m.owner : m.organization) : null;
    const owner = ownerOverride ?? kiteOwner ?? null;
    if (m && m.country) {
      const cc = countries.getAlpha2Code(m.country.replace(/^The /, ''), 'en');
      if (cc && cc !== country) warnings.push(`${name}: kite says ${m.country} (${cc}), table says ${country}`);
    }
    const d = registrable(feedUrl);
    // A feedburner feed missing from FEEDBURNER_SITES has no known site.
    const siteUrl =
      FEEDBURNER_SITES[feedUrl] ??
      SITE_OVERRIDES[d] ??
      (d === 'feedburner.com' ? null : `https://${new URL(feedUrl).hostname.replace(/^(feeds?|rss|newsfeed|moxie)\d?\./, 'www.')}/`);
    if (!/^https?:\/\//.test(feedUrl)) problems.push(`${origin} ${feedUrl}: not an http(s) URL`);
    if (!countries.isValid(country)) problems.push(`${origin} ${feedUrl}: ${country} is not ISO 3166-1 alpha-2`);
    if (!/^[a-z]{2,3}$/.test(language)) problems.push(`${origin} ${feedUrl}: language ${language} is not ISO 639`);
    out.push({ name, feedUrl, siteUrl, country, language, kind, owner, enabled: !DISABLED.has(feedUrl) });
  };

  for (const c of corpus) {
    const row = CORPUS[c.url];
    if (!row) {
      problems.push(`corpus feed ${c.url} (${c.title}) has no row in CORPUS`);
      continue;
    }
    const lang = c.language.toLowerCase().split('-')[0]!;
    add([c.url, row[0], lang, row[1], row[2], row[3]], 'corpus');
  }
  for (const url of Object.keys(CORPUS)) if (!corpus.some((c) => c.url === url)) problems.push(`CORPUS row ${url} is not in the corpus`);
  for (const p of KITE_PICKS) {
    if (!kiteFeeds.has(p[0])) problems.push(`kite pick ${p[0]} is not in kite_feeds.json`);
    add(p, 'kite');
  }
  for (const p of HAND_FEEDS) {
    if (kiteFeeds.has(p[0])) warnings.push(`hand feed ${p[0]} is in kite_feeds.json; move it to KITE_PICKS`);
    add(p, 'hand');
  }

  const seen = new Set<string>();
  for (const s of out) {
    if (seen.has(s.feedUrl)) problems.push(`duplicate feed URL ${s.feedUrl}`);
    seen.add(s.feedUrl);
  }

  const perRegion: Record<string, number> = {};
  for (const s of out) {
    const r = s.country ? regionOf(s.country) : null;
    if (!r) problems.push(`${s.name}: no desk region for country ${s.country}`);
    else perRegion[r] = (perRegion[r] ?? 0) + 1;
  }
  for (const r of REGIONS.filter((x) => x !== 'antarctica')) {
    if ((perRegion[r] ?? 0) < MIN_PER_REGION) problems.push(`region ${r} has ${perRegion[r] ?? 0} outlets, fewer than ${MIN_PER_REGION}`);
  }
  if (problems.length > 0) throw new Error(`build-sources: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);

  // Stable order for reviewable diffs: by name, then feed URL.
  out.sort((a, b) => (a.name === b.name ? (a.feedUrl < b.feedUrl ? -1 : 1) : a.name.localeCompare(b.name, 'en')));
  return { sources: out, warnings, perRegion };
}

/** The exact text of data/sources.json for a list. */
export function renderSourcesJson(sources: SourceInput[]): string {
  const doc = {
    $comment:
      'Generated by scripts/build-sources.ts from ../shared (kite-public MIT; RSS-Link-Database-2023 GPL-3.0) and the tables in that script. Do not edit by hand; see docs/sources.md.',
    sources,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

function main(argv: string[]): number {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const shared = arg('shared') ?? process.env.GLOBEDESK_SHARED ?? resolve(ROOT, '..', 'shared');
  const outFile = arg('out') ?? resolve(ROOT, 'data', 'sources.json');
  const { sources, warnings, perRegion } = buildSources(shared);
  for (const w of warnings) process.stderr.write(`build-sources: warning: ${w}\n`);
  const text = renderSourcesJson(sources);
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(outFile, 'utf8');
    } catch {
      // missing file: reported as out of date below
    }
    if (current !== text) {
      process.stderr.write(`build-sources: ${outFile} is out of date; run node --import tsx scripts/build-sources.ts\n`);
      return 1;
    }
  } else writeFileSync(outFile, text);
  process.stdout.write(`${sources.length} sources; per region: ${JSON.stringify(perRegion)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
