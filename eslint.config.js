// Lint, including the layering rule: which runtime's code may import which (STYLE.md §1).
import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'http', 'os', 'child_process', 'worker_threads', 'url']

/** One rule per layer: `patterns` are the imports that layer must never make. */
function layer(files, forbidden, message) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
    },
  }
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'kiosk-data/**', 'central-data/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  layer(
    ['src-shared/**'],
    ['electron', ...nodeBuiltins, 'vue', 'pinia', 'better-sqlite3', 'kysely', '**/src-main/**', '**/src-renderer/**', '**/src-central/**', '**/src-preload/**'],
    'src-shared is runtime-free: no Node, Electron, DOM framework or app layer imports.',
  ),
  layer(
    ['src-renderer/**'],
    ['electron', ...nodeBuiltins, 'better-sqlite3', 'kysely', '**/src-main/**', '**/src-central/**', '**/src-preload/**'],
    'The renderer reaches main only through src-renderer/api.ts.',
  ),
  layer(['src-main/**'], ['**/src-renderer/**', '**/src-preload/**'], 'Main never imports the renderer or the preload.'),
  layer(
    ['src-central/**'],
    ['electron', '**/src-main/**', '**/src-renderer/**', '**/src-preload/**'],
    'The central service stands alone: it shares only src-shared with the kiosk.',
  ),
  layer(
    ['migrations/**'],
    ['**/src-*/**'],
    'Migrations are frozen in time: they never import app code.',
  ),
  layer(
    ['src-preload/**'],
    [...nodeBuiltins, 'better-sqlite3', 'kysely', '**/src-main/**', '**/src-renderer/**', '**/src-central/**'],
    'The sandboxed preload may use only electron and src-shared.',
  ),
  {
    files: ['src-main/**', 'src-central/**', 'scripts/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
)
