import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripBoilerplate } from './stripBoilerplate.js';

// Trailers as they appear in the December 2023 corpus, after HTML to text.
const cases: { name: string; input: string; want: string }[] = [
  {
    name: 'WordPress "The post … appeared first on …" footer (The Brazilian Report)',
    input: 'Industrial output fell 0.6% in October. The post Brazilian industrial production is still stuttering appeared first on The Brazilian Report.',
    want: 'Industrial output fell 0.6% in October.',
  },
  { name: 'RT read-more link', input: 'Moscow says the drones were shot down over Belgorod. Read Full Article at RT.com', want: 'Moscow says the drones were shot down over Belgorod.' },
  { name: 'Guardian continue reading', input: 'Arsenal went top with a win at Brighton. Continue reading...', want: 'Arsenal went top with a win at Brighton.' },
  { name: 'a template variable printed as the whole description (Forsal.pl, December corpus)', input: 'undefined', want: '' },
  { name: 'a sentence that ends in the word undefined is untouched', input: 'The border between the two villages was left undefined', want: 'The border between the two villages was left undefined' },
  { name: 'truncation marker', input: 'Gold prices moved down in Pakistan on Monday. [...]', want: 'Gold prices moved down in Pakistan on Monday.' },
  { name: 'stacked trailers', input: 'Text of the report [\u2026] Continue reading\u2026', want: 'Text of the report' },
  { name: 'body text that mentions reading is untouched', input: 'Students continue reading lists despite the strike.', want: 'Students continue reading lists despite the strike.' },
  { name: 'a post that appeared first, mid-text, is untouched', input: 'The post appeared first on Telegram, officials said, before it was deleted by the ministry later that day and replaced.', want: 'The post appeared first on Telegram, officials said, before it was deleted by the ministry later that day and replaced.' },
];

test('stripBoilerplate', async (t) => {
  for (const c of cases) await t.test(c.name, () => assert.equal(stripBoilerplate(c.input), c.want));
});
