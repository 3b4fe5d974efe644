import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPlaces } from './findPlaces.js';
import { parseDateline } from './parseDateline.js';

interface Case {
  name: string;
  title: string;
  text?: string;
  focus: string | null;
  has?: string[];
  not?: string[];
}

const cases: Case[] = [
  { name: 'Oman is not inside woman', title: 'A woman was arrested', text: 'The woman said nothing.', focus: null },
  { name: 'Niger is not inside Nigeria', title: 'Nigeria votes', text: 'Voters in Nigeria queued.', focus: 'NG', not: ['NE'] },
  { name: 'both Niger and Nigeria', title: 'Niger and Nigeria talk', focus: 'NE', has: ['NG'] },
  { name: 'Assad not inside ambassador', title: 'The ambassador spoke', text: 'An ambassador and a woman.', focus: null },
  { name: 'Georgia the country with Tbilisi', title: 'Georgia protests grow', text: 'Crowds in Tbilisi opposed Georgian Dream.', focus: 'GE', not: ['US'] },
  { name: 'Georgia the state with Atlanta and Kemp', title: 'Georgia vote count', text: 'Governor Brian Kemp said Atlanta counties and Democrats...', focus: 'US', not: ['GE'] },
  { name: 'Michael Jordan is a person', title: 'Michael Jordan buys a team', text: 'Jordan said he was happy.', focus: null },
  { name: "Jordan's king is the country", title: "Jordan's king meets pope", text: 'The king of Jordan arrived.', focus: 'JO' },
  { name: 'Chad the person', title: 'Chad Daybell sentenced', text: 'A jury in Idaho sentenced him.', focus: 'US', not: ['TD'] },
  { name: 'turkey the bird', title: 'Turkey prices soar before Thanksgiving', text: 'Roast and gravy cost more.', focus: null },
  { name: 'Turkey the country', title: 'Turkey raises rates', text: 'The central bank in Ankara acted.', focus: 'TR' },
  { name: 'Washington the government is US', title: 'Washington warns Beijing', text: 'The White House said.', focus: 'US', has: ['CN'] },
  { name: 'Papua New Guinea longest match', title: 'Papua New Guinea quake', focus: 'PG', not: ['GN'] },
  { name: 'Guinea-Bissau and Equatorial Guinea', title: 'Guinea-Bissau coup', text: 'Equatorial Guinea condemned it.', focus: 'GW', has: ['GQ'], not: ['GN'] },
  { name: 'Congo alone is the DRC', title: 'Congo election delayed', focus: 'CD' },
  { name: 'Congo with Brazzaville', title: 'Congo election', text: 'Voters in Brazzaville queued.', focus: 'CG' },
  { name: 'DR Congo short form', title: 'DRC fighting spreads', focus: 'CD' },
  { name: 'South Sudan beats Sudan', title: 'South Sudan floods', focus: 'SS', not: ['SD'] },
  { name: 'Kiev and Kyiv', title: 'Kiev shelled', text: 'Kyiv was hit again.', focus: 'UA' },
  { name: 'Burma old name', title: 'Burma junta', focus: 'MM' },
  { name: 'Ivory Coast', title: 'Ivory Coast wins', focus: 'CI' },
  { name: "Côte d'Ivoire", title: "Côte d'Ivoire vote", focus: 'CI' },
  { name: 'Swaziland', title: 'Swaziland renamed', focus: 'SZ' },
  { name: 'USSR to Russia', title: 'USSR GRAIN PURCHASES', focus: 'RU' },
  { name: 'West Germany to Germany', title: 'West Germany trade surplus', focus: 'DE' },
  { name: 'Polish inflected', title: 'Atak na Ukrainę', text: 'Rosja zaatakowała Ukrainy miasta.', focus: 'UA', has: ['RU'] },
  { name: 'French name', title: "L'Allemagne et la Chine", focus: 'DE', has: ['CN'] },
  { name: 'Russian inflected', title: 'Переговоры в Германии', text: 'Россия и Украина.', focus: 'DE', has: ['RU', 'UA'] },
  { name: 'Arabic with clitic', title: 'مصر وروسيا', focus: 'EG', has: ['RU'] },
  { name: 'demonym', title: 'Ukrainian drones hit refinery', focus: 'UA' },
  { name: 'Argentine demonym', title: 'Argentine peso falls', focus: 'AR' },
  { name: 'metonym Kremlin', title: 'Kremlin rejects claim', focus: 'RU' },
  { name: 'metonym Downing Street', title: 'Downing Street denies', focus: 'GB' },
  { name: 'metonym Élysée', title: "L'Élysée répond", focus: 'FR' },
  { name: 'disputed Crimea to Ukraine', title: 'Blast in Crimea', focus: 'UA' },
  { name: 'Gaza to Palestine', title: 'Strikes on Gaza', focus: 'PS' },
  { name: 'Kosovo', title: 'Kosovo border tense', focus: 'XK' },
  { name: 'South China Sea is not China', title: 'Clash in the South China Sea', text: 'Manila protested.', focus: 'PH', not: ['CN'] },
  { name: 'New Mexico is not Mexico', title: 'New Mexico wildfire', focus: 'US', not: ['MX'] },
  { name: 'New Jersey is not Jersey', title: 'New Jersey transit strike', focus: 'US', not: ['JE'] },
  { name: 'Indiana is not India', title: 'Indiana floods', focus: 'US', not: ['IN'] },
  { name: 'Dominica vs Dominican Republic', title: 'Dominican Republic and Dominica', focus: 'DO', has: ['DM'] },
  { name: 'US short forms in caps', title: 'U.S. AND UK TALKS', focus: 'US', has: ['GB'] },
  { name: 'us pronoun is not the US', title: 'Tell us more', text: 'Join us.', focus: null },
  { name: 'Paris, Texas', title: 'Storm hits Paris, Texas', focus: 'US', not: ['FR'] },
  { name: 'Santiago prior is Chile', title: 'Protest in Santiago', focus: 'CL' },
  { name: 'Córdoba with Spain named', title: 'Córdoba festival', text: 'Tourists flocked to Spain.', focus: 'ES' },
];

test('findPlaces: tricky names', () => {
  for (const c of cases) {
    const r = findPlaces({ title: c.title, text: c.text ?? '' });
    const codes = r.countries.map((x) => x.code);
    assert.equal(r.focusCountry, c.focus, `${c.name}: focus ${r.focusCountry} in ${codes.join(',')}`);
    for (const h of c.has ?? []) assert.ok(codes.includes(h), `${c.name}: missing ${h} in ${codes.join(',')}`);
    for (const h of c.not ?? []) assert.ok(!codes.includes(h), `${c.name}: unexpected ${h} in ${codes.join(',')}`);
  }
});

test('findPlaces: result shape, roles and region', () => {
  const r = findPlaces({ title: 'Russia strikes Ukraine', text: 'KYIV, Ukraine (AP) — Russian missiles hit Kyiv; Poland scrambled jets.' });
  assert.equal(r.focusCountry, 'UA');
  assert.equal(r.region, 'europe');
  assert.deepEqual(r.dateline, { place: 'Kyiv', country: 'UA' });
  assert.equal(r.countries.filter((c) => c.role === 'focus').length, 1);
  assert.ok(r.countries.every((c) => c.score >= 0 && c.score <= 1));
  assert.ok(r.places.some((p) => p.name === 'Poland' && p.type === 'place'));
});

test('findPlaces: source country is only a weak prior', () => {
  assert.equal(findPlaces({ title: 'Shares rise', text: 'Profit grew.', sourceCountry: 'US' }).focusCountry, 'US');
  assert.equal(findPlaces({ title: 'Shares rise in Japan', text: '', sourceCountry: 'US' }).focusCountry, 'JP');
});

test('parseDateline: wire datelines', () => {
  const table: { name: string; text: string; want: { place: string; country: string | null } | null }[] = [
    { name: 'AP with country', text: 'KYIV, Ukraine (AP) — Text', want: { place: 'Kyiv', country: 'UA' } },
    { name: 'Reuters 1987 with date', text: 'MOSCOW, March 3 - Text', want: { place: 'Moscow', country: 'RU' } },
    { name: 'two-word place, em dash', text: 'GAZA CITY — Text', want: { place: 'Gaza City', country: 'PS' } },
    { name: 'Buenos Aires', text: 'BUENOS AIRES, Feb 26 - Text', want: { place: 'Buenos Aires', country: 'AR' } },
    { name: 'Reporting from', text: 'Reporting from Khartoum. Text', want: { place: 'Khartoum', country: 'SD' } },
    { name: 'agency only', text: 'WASHINGTON (Reuters) - Text', want: { place: 'Washington', country: 'US' } },
    { name: 'day before month', text: 'LONDON, 2 December (Reuters) - Text', want: { place: 'London', country: 'GB' } },
    { name: 'US state abbreviation', text: 'GREENWICH, Conn., March 3 - Text', want: { place: 'Greenwich', country: 'US' } },
    { name: 'no dateline', text: 'The president said on Monday - that', want: null },
  ];
  for (const c of table) {
    const d = parseDateline(c.text);
    assert.deepEqual(d ? { place: d.place, country: d.country } : null, c.want, c.name);
  }
});
