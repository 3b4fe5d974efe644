/**
 * Test fixtures for the clusterer's tests: real headlines and descriptions
 * of the December 2023 replay corpus, two reports of one event and one of
 * another.
 */
import type { ClusterDoc } from '../../domain/clusterDoc.js';

export const H = 3_600_000;
export const T0 = Date.parse('2023-12-10T12:00:00Z');

// Real headlines and descriptions from the December 2023 replay corpus.
export const milei1: ClusterDoc = {
  id: 'milei-1',
  title: 'Javier Milei sworn in as president of Argentina',
  text: 'Libertarian economist Javier Milei was sworn in as Argentina’s president on Sunday, promising shock therapy for an economy in crisis.',
  publishedMs: T0,
  language: 'en',
  source: 'a',
  // What analysis gives the desk (the defaults' pair model is trained on analysed articles).
  entities: ['person:javier milei'],
  countries: ['AR'],
};
export const milei2: ClusterDoc = {
  id: 'milei-2',
  title: 'Argentina’s Milei takes office, warns of economic shock therapy',
  text: 'Javier Milei took office as president of Argentina, warning that there is no alternative to a painful economic adjustment.',
  publishedMs: T0 + 2 * H,
  language: 'en',
  source: 'b',
  entities: ['person:javier milei'],
  countries: ['AR'],
};
export const prague: ClusterDoc = {
  id: 'prague-1',
  title: 'Gunman kills 14 at Prague university',
  text: 'A student opened fire at Charles University in Prague, killing 14 people in the worst mass shooting in Czech history.',
  publishedMs: T0 + 3 * H,
  language: 'en',
  source: 'c',
};
