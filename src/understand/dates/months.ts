/**
 * Month and weekday words in the desk languages. English and German months
 * are capitalised in running text, so only the capitalised spelling counts
 * ("may" and "march" are verbs); Polish, French and Spanish write them in
 * lowercase, so both spellings count.
 */
const CAPITALISED: [string, number][] = [
  ...'January February March April May June July August September October November December'.split(' ').map((m, i): [string, number] => [m, i + 1]),
  ...'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(' ').map((m): [string, number] => [m, 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(m.slice(0, 3)) / 3 + 1]),
  ...'Januar Februar März April Mai Juni Juli August September Oktober November Dezember'.split(' ').map((m, i): [string, number] => [m, i + 1]),
];

const LOWERCASE: [string, number][] = [
  // Polish nominative, genitive ("24 lutego") and locative ("w lutym").
  ...['styczeń stycznia styczniu', 'luty lutego lutym', 'marzec marca marcu', 'kwiecień kwietnia kwietniu', 'maj maja maju', 'czerwiec czerwca czerwcu',
    'lipiec lipca lipcu', 'sierpień sierpnia sierpniu', 'wrzesień września wrześniu', 'październik października październiku', 'listopad listopada listopadzie', 'grudzień grudnia grudniu']
    .flatMap((forms, i) => forms.split(' ').map((f): [string, number] => [f, i + 1])),
  ...'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' ').map((m, i): [string, number] => [m, i + 1]),
  ...'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre'.split(' ').map((m, i): [string, number] => [m, i + 1]),
];

export const MONTHS = new Map<string, number>();
for (const [w, n] of CAPITALISED) MONTHS.set(w, n);
for (const [w, n] of LOWERCASE) {
  MONTHS.set(w, n);
  MONTHS.set(w[0]!.toUpperCase() + w.slice(1), n);
}

/** Alternation for a RegExp, longest first. */
export const MONTH_ALT = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');

/** Weekday words to 0 = Sunday … 6 = Saturday (Date.getUTCDay). */
export const WEEKDAYS = new Map<string, number>([
  ...'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ').map((d, i): [string, number] => [d, i]),
  // Polish, as they follow "w"/"we": "we wtorek", "w środę".
  ...'niedzielę poniedziałek wtorek środę czwartek piątek sobotę'.split(' ').map((d, i): [string, number] => [d, i]),
]);
export const WEEKDAY_ALT = [...WEEKDAYS.keys()].join('|');
