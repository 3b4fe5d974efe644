/**
 * Writes data/generated/gazetteer.json from the packages and data/gazetteer/
 * (see buildGazetteer.ts). `npm run build` runs it, so an install carries the
 * built gazetteer; the runtime still builds it in memory when it is missing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGazetteer } from './buildGazetteer.js';
import { generatedPath } from './gazetteer.js';

export function writeGazetteer(): string {
  const started = Date.now();
  const data = buildGazetteer();
  const out = generatedPath();
  mkdirSync(dirname(out), { recursive: true });
  const json = JSON.stringify(data);
  writeFileSync(out, json);
  return `gazetteer: ${Object.keys(data.entries).length} names, ${(json.length / 1024).toFixed(0)} KiB, version ${data.version}, ${Date.now() - started} ms → ${out}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(writeGazetteer());
