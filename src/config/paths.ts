import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, whether running from src/ (tsx) or dist/ (built): both are one level below it. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The bundled demo snapshot (data/demo/README.md says what it is). */
export const DEMO_SNAPSHOT = resolve(PACKAGE_ROOT, 'data', 'demo', 'world-news-2023-12-19-to-21.jsonl.gz');
