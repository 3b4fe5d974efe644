/**
 * The curated table of organisations the desk recognises by name. Each entry
 * has one display name (the key in article_entities) and the spellings seen in
 * the desk languages (en, pl, fr, es, de), including the Polish case forms that
 * appear in the December 2023 corpus ("Unii Europejskiej", "Hamasu").
 *
 * Aliases are matched case-sensitively so that "WHO" is the organisation and
 * "who" is not. Anaphors ("the alliance") count for the organisation only when
 * it is already named in the article and no other named organisation claims
 * the same anaphor.
 */
export interface Organization {
  name: string;
  aliases: readonly string[];
  anaphors?: readonly string[];
}

export const ORGANIZATIONS: readonly Organization[] = [
  {
    name: 'NATO',
    aliases: [
      'NATO', 'OTAN', 'North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation', 'North Atlantic Alliance',
      'Sojusz Północnoatlantycki', 'Sojuszu Północnoatlantyckiego', 'Sojuszem Północnoatlantyckim', 'Sojuszowi Północnoatlantyckiemu',
      'Pakt Północnoatlantycki', 'Paktu Północnoatlantyckiego', "Organisation du traité de l'Atlantique nord", 'Alianza Atlántica',
    ],
    anaphors: ['the alliance', 'the Alliance', 'Sojusz', 'Sojuszu', "l'Alliance", 'la Alianza', 'das Bündnis'],
  },
  {
    name: 'European Union',
    aliases: [
      'EU', 'E.U.', 'UE', 'European Union', 'Unia Europejska', 'Unii Europejskiej', 'Unię Europejską', 'Unią Europejską',
      'Union européenne', "l'Union européenne", 'Unión Europea', 'Europäische Union', 'Europäischen Union',
    ],
    anaphors: ['the bloc', 'Unia', 'Unii'],
  },
  { name: 'European Commission', aliases: ['European Commission', 'Komisja Europejska', 'Komisji Europejskiej', 'Komisję Europejską', 'KE', 'Commission européenne', 'Comisión Europea', 'EU-Kommission'] },
  { name: 'European Parliament', aliases: ['European Parliament', 'Parlament Europejski', 'Parlamentu Europejskiego', 'Parlamencie Europejskim', 'Parlement européen', 'Parlamento Europeo', 'Europäisches Parlament'] },
  { name: 'European Council', aliases: ['European Council', 'Rada Europejska', 'Rady Europejskiej', 'Conseil européen'] },
  { name: 'European Central Bank', aliases: ['European Central Bank', 'ECB', 'EBC', 'Europejski Bank Centralny', 'Europejskiego Banku Centralnego', 'BCE', 'Banque centrale européenne', 'Europäische Zentralbank', 'EZB'] },
  {
    name: 'United Nations',
    aliases: [
      'UN', 'U.N.', 'United Nations', 'ONU', 'ONZ', 'OON', 'Nations unies', 'Organizacja Narodów Zjednoczonych', 'Organizacji Narodów Zjednoczonych',
      'Naciones Unidas', 'Vereinte Nationen', 'Vereinten Nationen',
    ],
  },
  { name: 'UN Security Council', aliases: ['UN Security Council', 'U.N. Security Council', 'United Nations Security Council', 'Security Council', 'UNSC', 'Rada Bezpieczeństwa ONZ', 'Rady Bezpieczeństwa ONZ', 'Conseil de sécurité', 'Consejo de Seguridad'] },
  { name: 'UN General Assembly', aliases: ['UN General Assembly', 'United Nations General Assembly', 'General Assembly', 'Zgromadzenie Ogólne ONZ', 'Zgromadzenia Ogólnego ONZ'] },
  { name: 'UNICEF', aliases: ['UNICEF', 'Unicef'] },
  { name: 'UNHCR', aliases: ['UNHCR', 'UN refugee agency'] },
  { name: 'UNRWA', aliases: ['UNRWA', 'Unrwa'] },
  { name: 'UNESCO', aliases: ['UNESCO', 'Unesco'] },
  { name: 'World Food Programme', aliases: ['World Food Programme', 'World Food Program', 'WFP'] },
  { name: 'International Atomic Energy Agency', aliases: ['International Atomic Energy Agency', 'IAEA', 'MAEA', 'AIEA'] },
  { name: 'World Health Organization', aliases: ['World Health Organization', 'World Health Organisation', 'WHO', 'Światowa Organizacja Zdrowia', 'Światowej Organizacji Zdrowia', 'OMS', 'Organisation mondiale de la santé', 'Organización Mundial de la Salud', 'Weltgesundheitsorganisation'] },
  { name: 'International Monetary Fund', aliases: ['International Monetary Fund', 'IMF', 'MFW', 'Międzynarodowy Fundusz Walutowy', 'Międzynarodowego Funduszu Walutowego', 'FMI', 'Fonds monétaire international', 'Fondo Monetario Internacional', 'Internationaler Währungsfonds', 'IWF'] },
  { name: 'World Bank', aliases: ['World Bank', 'Bank Światowy', 'Banku Światowego', 'Banque mondiale', 'Banco Mundial', 'Weltbank'] },
  { name: 'World Trade Organization', aliases: ['World Trade Organization', 'World Trade Organisation', 'WTO', 'Światowa Organizacja Handlu', 'OMC'] },
  { name: 'International Criminal Court', aliases: ['International Criminal Court', 'ICC', 'Międzynarodowy Trybunał Karny', 'Międzynarodowego Trybunału Karnego', 'MTK', 'Cour pénale internationale', 'Corte Penal Internacional', 'Internationaler Strafgerichtshof'] },
  { name: 'International Court of Justice', aliases: ['International Court of Justice', 'ICJ', 'Międzynarodowy Trybunał Sprawiedliwości', 'Międzynarodowego Trybunału Sprawiedliwości', 'Cour internationale de justice', 'Corte Internacional de Justicia'] },
  { name: 'African Union', aliases: ['African Union', 'AU', 'Unia Afrykańska', 'Unii Afrykańskiej', 'Union africaine', 'Unión Africana', 'Afrikanische Union'] },
  { name: 'ASEAN', aliases: ['ASEAN', 'Association of Southeast Asian Nations'] },
  { name: 'OPEC', aliases: ['OPEC', 'OPEC+', 'OPEP', 'Organization of the Petroleum Exporting Countries'] },
  { name: 'G7', aliases: ['G7', 'G-7', 'Group of Seven', 'Grupa Siedmiu'] },
  { name: 'G20', aliases: ['G20', 'G-20', 'Group of 20', 'Group of Twenty', 'Grupa G20'] },
  { name: 'BRICS', aliases: ['BRICS'] },
  { name: 'OSCE', aliases: ['OSCE', 'OBWE', 'Organization for Security and Co-operation in Europe', 'OSZE'] },
  { name: 'Council of Europe', aliases: ['Council of Europe', 'Rada Europy', 'Rady Europy', "Conseil de l'Europe"] },
  { name: 'Arab League', aliases: ['Arab League', 'League of Arab States', 'Liga Arabska', 'Ligi Arabskiej', 'Ligue arabe'] },
  { name: 'Gulf Cooperation Council', aliases: ['Gulf Cooperation Council', 'GCC'] },
  { name: 'ECOWAS', aliases: ['ECOWAS', 'Economic Community of West African States', 'CEDEAO'] },
  { name: 'Shanghai Cooperation Organisation', aliases: ['Shanghai Cooperation Organisation', 'Shanghai Cooperation Organization', 'SCO'] },
  { name: 'OECD', aliases: ['OECD', 'OCDE'] },
  { name: 'Hamas', aliases: ['Hamas', 'Hamasu', 'Hamasem', 'Hamasowi', 'Hamás', 'Hamase'] },
  { name: 'Hezbollah', aliases: ['Hezbollah', 'Hizbollah', 'Hizbullah', 'Hezbollahu', 'Hezbollahem', 'Hezbolá', 'Hisbollah'] },
  { name: 'Houthis', aliases: ['Houthis', 'Houthi', 'Huti', 'Hutich', 'Hutów', 'Huthi', 'Houthistes', 'hutíes', 'Ansar Allah'] },
  { name: 'Islamic Jihad', aliases: ['Islamic Jihad', 'Palestinian Islamic Jihad', 'Islamski Dżihad'] },
  { name: 'Taliban', aliases: ['Taliban', 'Talibowie', 'talibów', 'Talibów', 'talibans'] },
  { name: 'Islamic State', aliases: ['Islamic State', 'ISIS', 'ISIL', 'Państwo Islamskie', 'Państwa Islamskiego', 'État islamique', 'Estado Islámico', 'Daesh'] },
  { name: 'al-Qaeda', aliases: ['al-Qaeda', 'al-Qaida', 'Al-Qaeda', 'Al-Kaida', 'Al-Kaidy', 'Al Qaeda'] },
  { name: 'Wagner Group', aliases: ['Wagner Group', 'Grupa Wagnera', 'Grupy Wagnera', 'Wagnera'] },
  { name: 'Federal Reserve', aliases: ['Federal Reserve', 'Fed', 'Rezerwa Federalna', 'Rezerwy Federalnej'] },
  { name: 'Red Cross', aliases: ['Red Cross', 'ICRC', 'International Committee of the Red Cross', 'Czerwony Krzyż', 'Czerwonego Krzyża', 'Croix-Rouge', 'Cruz Roja'] },
  { name: 'Amnesty International', aliases: ['Amnesty International'] },
  { name: 'Human Rights Watch', aliases: ['Human Rights Watch', 'HRW'] },
  { name: 'Médecins Sans Frontières', aliases: ['Médecins Sans Frontières', 'Doctors Without Borders', 'MSF', 'Lekarze bez Granic'] },
  { name: 'Interpol', aliases: ['Interpol', 'INTERPOL'] },
  { name: 'Europol', aliases: ['Europol'] },
  { name: 'Frontex', aliases: ['Frontex'] },
  { name: 'FIFA', aliases: ['FIFA'] },
  { name: 'UEFA', aliases: ['UEFA'] },
  { name: 'International Olympic Committee', aliases: ['International Olympic Committee', 'IOC', 'MKOl'] },
  { name: 'Pentagon', aliases: ['Pentagon', 'Pentagonu'] },
  { name: 'Kremlin', aliases: ['Kremlin', 'Kremla', 'Kreml', 'Kremlu'] },
  { name: 'US Congress', aliases: ['Congress', 'Kongres', 'Kongresu', 'Congrès', 'Congreso'] },
  { name: 'Sejm', aliases: ['Sejm', 'Sejmu', 'Sejmie', 'Sejmowi'] },
  { name: 'Law and Justice', aliases: ['Law and Justice', 'PiS', 'Prawo i Sprawiedliwość', 'Prawa i Sprawiedliwości'] },
  { name: 'Civic Coalition', aliases: ['Civic Coalition', 'Koalicja Obywatelska', 'Koalicji Obywatelskiej', 'Civic Platform', 'Platforma Obywatelska', 'Platformy Obywatelskiej'] },
  { name: 'Israel Defense Forces', aliases: ['Israel Defense Forces', 'IDF', 'Israeli Defense Forces', 'Siły Obronne Izraela', 'Sił Obronnych Izraela', 'Cahal'] },
  { name: 'COP28', aliases: ['COP28', 'COP 28', 'COP-28'] },
  { name: 'OpenAI', aliases: ['OpenAI'] },
  { name: 'Gazprom', aliases: ['Gazprom', 'Gazpromu'] },
  { name: 'Orlen', aliases: ['Orlen', 'Orlenu', 'PKN Orlen'] },
  // Media the tagger took for people (December corpus: "Getty Images" of photo credits a person in 218
  // items, "Al Jazeera" in 48, "Le Monde" in 36).
  { name: 'Getty Images', aliases: ['Getty Images'] },
  { name: 'Al Jazeera', aliases: ['Al Jazeera', 'Al-Jazeera', 'Al Dżazira', 'Al-Dżazira', 'Al Dżaziry', 'Al-Dżaziry'] },
  { name: 'Le Monde', aliases: ['Le Monde'] },
  // Companies whose names end in a possessive, which the tagger never puts inside a name ("McDonald's
  // struggles" gave an organisation "McDonald"). Not those that are also a person's possessive in the
  // news ("Christie's", "Kohl's", "Lowe's", "Wendy's", "Lloyd's").
  { name: "McDonald's", aliases: ["McDonald's", 'McDonald’s', 'McDonalds'] },
  { name: "Macy's", aliases: ["Macy's", 'Macy’s'] },
  { name: "Moody's", aliases: ["Moody's", 'Moody’s'] },
  { name: "Kellogg's", aliases: ["Kellogg's", 'Kellogg’s'] },
  { name: "Sainsbury's", aliases: ["Sainsbury's", 'Sainsbury’s'] },
  { name: "Domino's", aliases: ["Domino's", 'Domino’s'] },
  { name: "Sotheby's", aliases: ["Sotheby's", 'Sotheby’s'] },
  { name: "Applebee's", aliases: ["Applebee's", 'Applebee’s'] },
  { name: "Trader Joe's", aliases: ["Trader Joe's", 'Trader Joe’s'] },
];
