import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { repairMojibake } from './repairMojibake.js';

// Titles of Gazeta.pl's feed in the December corpus (../shared/corpus/world-news-2023-12.jsonl.gz):
// the ó arrives as "Ăł" (UTF-8 C3 B3 read as Latin-2) while the other Polish letters are right.
const corpus: { name: string; input: string; want: string }[] = [
  { name: 'one word', input: 'Historyczne głosowanie w USA. Republikanin usunięty z Izby ReprezentantĂłw. "Do diabła z tym miejscem"', want: 'Historyczne głosowanie w USA. Republikanin usunięty z Izby Reprezentantów. "Do diabła z tym miejscem"' },
  { name: 'right and wrong letters in one title', input: 'Dramat na uczelni w Pradze. Nie żyje 15 osĂłb. Student o "pociskach leżących na ziemi"', want: 'Dramat na uczelni w Pradze. Nie żyje 15 osób. Student o "pociskach leżących na ziemi"' },
  { name: 'twice in a title, after a capital', input: 'ŁukĂłw. 11-latek przyszedł do szkoły z nożem. "Miał straszyć młodszych kolegĂłw"', want: 'Łuków. 11-latek przyszedł do szkoły z nożem. "Miał straszyć młodszych kolegów"' },
];
for (const c of corpus) {
  test(`repairMojibake: Gazeta.pl, ${c.name}`, () => {
    const r = repairMojibake(c.input);
    assert.equal(r.text, c.want);
    assert.equal(r.repaired, (c.input.match(/Ăł/g) ?? []).length);
  });
}

// Real, correctly encoded titles and lines in many languages: none may change.
const clean: { name: string; text: string }[] = [
  { name: 'Polish, every diacritic (RMF24, Business Insider, Forsal, December corpus)', text: 'Expose Mateusza Morawieckiego. Śledź relację z Sejmu [NA ŻYWO] · 9-metrowa kawalerka na wynajem w Warszawie. Obok łóżka sedes i lodówka [ZDJĘCIA] · Osiem gwiazdek, czyli RÓBMY DOM. Co na to (wyborcy) PiS? · Zażółć gęślą jaźń · ŹDŹBŁO MĘŻCZYZNA ŁÓDŹ ĆMA' },
  { name: 'Polish, TVN24 (December corpus)', text: 'Vin Diesel pozwany. Była asystentka oskarża aktora o przemoc seksualną i bezprawne zwolnienie' },
  { name: 'French (Le Monde, Libération; readability test pages)', text: "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée · Un troisième Français mort dans le séisme au Népal · « Âge d’or » — château, Ève, ÇA, Œuvre, à « côté »" },
  { name: 'German (heise; rss-parser and readability test data)', text: '1Password für Mac generiert Einmal-Passwörter · Microsoft veröffentlicht Cordova-Erweiterung für Visual Studio Code · ÄRGER ÜBER „Ä“-Umlaute, Größe, Äö–Ü' },
  { name: 'Portuguese and Spanish (Folha, La Nación; readability test pages)', text: 'Tite diz que errou ao levar taça da Libertadores a Lula em 2012 · SÃO PAULO, MARANHÃO · Una solución no violenta para la cuestión mapuche · ¿Qué? ¡Sí!' },
  { name: 'Czech (Aktuálně; readability test pages)', text: 'West Ham hrozí gigantům, okouzlil i Linekera. Součka je snadné přehlédnout · ČEŠTINA Č§' },
  { name: 'Romanian and Nordic', text: 'Învățământul în ĂȘTIA ani · Ăsta · Ålesund, Århus, Øresund, Å« · ÂNCORA' },
  { name: 'prices, quotes and symbols', text: 'Price: €5 – “quoted” — 50% ‘off’ … ™ ©' },
];
for (const c of clean) {
  test(`repairMojibake: clean text stays as it is: ${c.name}`, () => {
    assert.deepEqual(repairMojibake(c.text), { text: c.text, repaired: 0 });
  });
}

// Clean lines made into mojibake the way a misconfigured decoder makes it (their
// UTF-8 bytes read as each single-byte charset, by Python's codecs) come back exactly.
const roundTrip = JSON.parse(readFileSync(new URL('./testdata/mojibake-roundtrip.json', import.meta.url), 'utf8')) as { cases: { charset: string; clean: string; garbled: string }[] };
for (const charset of ['cp1252', 'latin-1', 'iso8859_2', 'cp1250']) {
  test(`repairMojibake: UTF-8 read as ${charset} comes back`, () => {
    const cases = roundTrip.cases.filter((c) => c.charset === charset);
    assert.ok(cases.length >= 5, `${cases.length} cases`);
    for (const c of cases) assert.equal(repairMojibake(c.garbled).text, c.clean, `${charset}: ${c.garbled}`);
  });
}

test('repairMojibake: text that went through it twice is repaired twice', () => {
  // "Zażółć" through Windows-1252 twice (Python: s.encode('utf-8').decode('cp1252'), twice).
  assert.equal(repairMojibake('ZaÃ…Â¼ÃƒÂ³Ã…â€šÃ„â€¡').text, 'Zażółć');
});
