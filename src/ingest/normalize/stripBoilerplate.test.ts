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
  {
    name: 'a photo credit closing an Epoch Times caption',
    input: "A Google sign at the company's office in San Francisco, Calif., on April 12, 2023. (Jeff Chiu/AP Photo)",
    want: "A Google sign at the company's office in San Francisco, Calif., on April 12, 2023.",
  },
  {
    name: 'an agency and photographer credit',
    input: 'Prime Minister Justin Trudeau rises during question period in the House of Commons in Ottawa on Dec. 6, 2023. (The Canadian Press/Sean Kilpatrick)',
    want: 'Prime Minister Justin Trudeau rises during question period in the House of Commons in Ottawa on Dec. 6, 2023.',
  },
  {
    name: 'stacked credits (Bloomberg)',
    input: 'Delegates agreed a "loss and damage" fund for vulnerable countries. (Photo by Ludovic MARIN / AFP) (Photo by LUDOVIC MARIN/AFP via Getty Images)',
    want: 'Delegates agreed a "loss and damage" fund for vulnerable countries.',
  },
  { name: 'a credit "via AP"', input: 'SpaceX launches its first military spy satellite from Vandenberg Space Force Base, Calif., on Dec. 1, 2023. (SpaceX via AP)', want: 'SpaceX launches its first military spy satellite from Vandenberg Space Force Base, Calif., on Dec. 1, 2023.' },
  { name: 'a one-word credit with no slash', input: 'Houthi fighters march during a rally in Sanaa on Dec. 4, 2023. (Getty Images)', want: 'Houthi fighters march during a rally in Sanaa on Dec. 4, 2023.' },
  { name: 'an agency attribution is not a photo credit', input: 'NIK skontrolował przygotowania do wyborów korespondencyjnych w 2020 r. (PAP)', want: 'NIK skontrolował przygotowania do wyborów korespondencyjnych w 2020 r. (PAP)' },
  { name: 'a bracket inside the last sentence is the report\'s', input: 'He was arrested with others on suspicion of trafficking (File Photo)', want: 'He was arrested with others on suspicion of trafficking (File Photo)' },
  { name: 'a fraction in brackets is not a credit', input: 'The first of two parts. (1/2)', want: 'The first of two parts. (1/2)' },
  { name: 'a bracket mid-text is untouched', input: 'The deal (Reuters/Ipsos polling showed support) passed. It was signed later.', want: 'The deal (Reuters/Ipsos polling showed support) passed. It was signed later.' },
];

test('stripBoilerplate', async (t) => {
  for (const c of cases) await t.test(c.name, () => assert.equal(stripBoilerplate(c.input), c.want));
});
