// ESLint flat config: typescript-eslint with type information, the rules of hooks for the Preact
// parts, a 140-character line limit, and eslint-config-prettier so that layout is Prettier's alone.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'test-results/', 'bench-profiles/', 'coverage/', 'demo-site/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // The project service picks each file's nearest tsconfig.json: the root one, which includes the whole tree.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a parameter kept for its position or a property left out of a rest.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Props and deps interfaces declare their callbacks as methods (`onSend(text: string): void`), which
      // this rule cannot tell from class methods that need `this`: it reported every destructured prop.
      '@typescript-eslint/unbound-method': 'off',
      // An async function without `await` is how a synchronous body meets an async port (the SQLite store
      // behind the store interface, fakes in tests): a throw in it becomes a rejection, as callers expect.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Hooks live in the Preact parts; `useE2e` and the relay's `useVisitorAuth` only share the prefix.
    // An effect that deliberately runs on fewer keys than it reads says why on an eslint-disable line.
    files: ['widget/**/*.{ts,tsx}', 'console/**/*.{ts,tsx}', 'client/**/*.{ts,tsx}', 'test/{widget,console,client}/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Tests read JSON bodies and fakes' recorded payloads untyped and check them with `expect`, where a wrong
    // shape fails the test; typing each body would repeat the protocol's types for no safety.
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  prettier,
  {
    // After eslint-config-prettier, which turns line length off: Prettier does not wrap comments, and
    // long strings, templates and patterns read better whole than cut.
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/max-len': [
        'error',
        { code: 140, tabWidth: 2, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
    },
  },
);
