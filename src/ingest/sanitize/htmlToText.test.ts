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
];

for (const c of cases) {
  test(`htmlToText: ${c.name}`, () => {
    assert.equal(htmlToText(c.html), c.want);
  });
}
