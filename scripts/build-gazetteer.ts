/**
 * node --import tsx scripts/build-gazetteer.ts: the same step `npm run build`
 * runs (src/understand/places/writeGazetteer.ts), for working from sources.
 */
import { writeGazetteer } from '../src/understand/places/writeGazetteer.js';

console.log(writeGazetteer());
