// A pure helper that storage's search grammar needs too (lang:), so it lives in
// the domain (issue 10: storage depends on no stage); re-exported for the stage.
export { normalizeLanguageTag } from '../../domain/normalizeLanguageTag.js';
