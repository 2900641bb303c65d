// Lint rules include the layer boundaries of ARCHITECTURE.md: a wrong import is an error.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, forbidden) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((group) => ({
          group: [group],
          message: 'This import points the wrong way across the layers (see ARCHITECTURE.md).',
        })),
      },
    ],
  },
});

const app = ['**/storage/**', '**/sync/**', '**/session/**', '**/ui/**', '**/app/**', '**/sw/**'];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  layer(['src/shared/**'], [...app, '**/server/**', 'dexie', 'preact', 'preact/*', 'node:*']),
  layer(
    ['src/domain/**'],
    [...app, '**/shared/**', '**/server/**', 'dexie', 'preact', 'preact/*', 'node:*'],
  ),
  layer(
    ['src/storage/**', 'src/sync/**'],
    ['**/session/**', '**/ui/**', '**/app/**', '**/server/**', 'preact'],
  ),
  layer(['src/session/**'], ['**/ui/**', '**/app/**', '**/server/**', 'preact']),
  layer(['src/ui/**'], ['**/server/**', '**/app/**', 'dexie']),
  layer(['src/server/**'], [...app, 'preact', 'dexie']),
);
