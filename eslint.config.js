// Flat config: typescript-eslint's recommended rules on every TypeScript file.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', 'data/generated/**', 'var/**', '.*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-control-regex': 'off',
      'no-useless-escape': 'off',
      // TypeScript checks names itself; no-undef only misfires on DOM and Node globals (typescript-eslint's advice).
      'no-undef': 'off',
    },
  },
  // One door (issue 10): the answers other than the pages (API, feeds, reader
  // APIs, alerts, live stream) and the read model itself compose through
  // src/read/ and storage/, never through the web pages' code. Test files may
  // use the fixture desk (web/testdata/). readerapi/ and alerts/ keep what
  // they render with: the HTML builder (web/html), and for alerts' own pages
  // the site's layout and same-origin check.
  { files: ['src/{api,feeds-out,live,read}/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [noWeb()] }] } },
  { files: ['src/readerapi/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [noWeb('html\\.js$')] }] } },
  { files: ['src/alerts/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [noWeb('html\\.js$', 'components/layout\\.js$', 'admin/auth\\.js$')] }] } },
);

/** An import of web/ (other than its test data and the `allowed` modules), as a no-restricted-imports pattern. */
function noWeb(...allowed) {
  return {
    regex: `(^|/)web/(?!(${['testdata/', ...allowed].join('|')}))`,
    message: 'compose answers through src/read/ and storage/, not through the web pages (issue 10, one door; docs/web.md)',
  };
}
