import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText } from './htmlToText.js';

const cases: { name: string; html: string; want: string }[] = [
  { name: 'plain text', html: 'COP28 opens in Dubai', want: 'COP28 opens in Dubai' },
  { name: 'entities decoded', html: 'Caf&eacute; &amp; bar&nbsp;&#8212; &#x2014;', want: 'Café & bar — —' },
  { name: 'tags stripped', html: '<b>Milei</b> sworn <i>in</i>', want: 'Milei sworn in' },
  { name: 'blocks become spaces', html: '<p>one</p><p>two</p>line<br>break', want: 'one two line break' },
  { name: 'script and style content dropped', html: 'a<script>var x = "<b>";</script><style>p{}</style>b', want: 'ab' },
  { name: 'comments dropped', html: 'a<!-- x -->b', want: 'ab' },
  { name: 'escaped markup stays text', html: 'x &lt;b&gt; y', want: 'x <b> y' },
  { name: 'whitespace collapsed', html: '  a \n\t b  ', want: 'a b' },
  { name: 'lone < kept', html: 'a < b', want: 'a < b' },
  {
    // The Guardian's description of 21 Dec 2023 (December corpus): a standfirst without a stop, then the first paragraph.
    name: 'a paragraph that ends without a stop keeps its sentence boundary',
    html: '<p>Asta Jonasson alleges Fast and Furious actor assaulted her in 2010 in Atlanta hotel during Fast Five filming</p><p>The actor Vin Diesel, of the Fast and Furious franchise, has been accused of sexual battery.</p>',
    want: 'Asta Jonasson alleges Fast and Furious actor assaulted her in 2010 in Atlanta hotel during Fast Five filming. The actor Vin Diesel, of the Fast and Furious franchise, has been accused of sexual battery.',
  },
  { name: 'a paragraph that has its stop gets no second one', html: '<p>He was fired.</p>\n<p>“It was wrong,” she said.</p>', want: 'He was fired. “It was wrong,” she said.' },
  { name: 'a colon leads into the next block without a stop', html: '<p>Key points:</p><ul><li>Ceasefire holds</li><li>Aid arrives</li></ul>', want: 'Key points: Ceasefire holds. Aid arrives' },
  { name: 'an image is not a paragraph end', html: 'Vin Diesel pozwany<img alt="x" src="a.jpg"/>Była asystentka', want: 'Vin Diesel pozwany Była asystentka' },
];

for (const c of cases) {
  test(`htmlToText: ${c.name}`, () => {
    assert.equal(htmlToText(c.html), c.want);
  });
}
