// The country table (regions, UN M49 subregions, names) is reference data that
// storage reads too (article_analysis.subregion), so it lives in the domain
// (issue 10: storage depends on no stage); re-exported for the places stage.
export { allCountryCodes, canonicalCountryCode, countryName, isKnownCountry, regionOf, subregionOf } from '../../domain/countries.js';
