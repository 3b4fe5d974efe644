import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyOf } from './article.js';

test('bodyOf: the text after the title normalizeItem stored before it', () => {
  const title = 'Fed holds rates steady';
  assert.equal(bodyOf(title, `${title}\n\nThe central bank kept its benchmark unchanged.`), 'The central bank kept its benchmark unchanged.');
  assert.equal(bodyOf(title, title), '', 'a title stored alone has no body');
  assert.equal(bodyOf(title, `${title}\r\n\r\nCRLF`), 'CRLF');
  // A text that only begins with the title's words is all body: "Fed holds" is not the title of "Fed holds rates steady, ...".
  assert.equal(bodyOf('Fed holds', `${title}, signals cuts`), `${title}, signals cuts`);
  assert.equal(bodyOf(title, 'Another text entirely'), 'Another text entirely');
});
