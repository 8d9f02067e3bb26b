// `npm run lint`: ESLint for defects, Prettier (see .prettierrc) for layout. eslint-config-prettier
// comes last so that no ESLint rule argues with Prettier about layout.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Generated files and run-time output; the same list as .prettierignore.
  globalIgnores(['src/client/sdk.ts', 'dist/', 'test/artifacts/', 'bench/stores/', 'var/', 'coverage/', 'scratch/']),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    rules: {
      // `== null` tests null and undefined at once, as the code does on purpose; other loose comparisons are slips.
      eqeqeq: ['error', 'smart'],
      // A leading underscore marks a parameter kept for its position; destructuring leaves out properties on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },

  // Rules that need the type checker (one TypeScript program over tsconfig.json). Chosen for the
  // defects they catch, not for style: the whole recommended-type-checked set would mostly flag
  // harmless type assertions and Apollo's async hooks.
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its error (and, in a test, its assertion: expect.poll, .rejects).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `return promise` inside try skips the catch and finally that surround it.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      // A switch over a union or enum that forgets a member (a new indicator kind, a new fill).
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // "[object Object]" in a message, a key or an SQL text.
      '@typescript-eslint/no-base-to-string': 'error',
      '@typescript-eslint/restrict-plus-operands': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
    },
  },

  // The store is the only importer of DuckDB's API (docs: one place owns connections and values).
  {
    files: ['src/**/*.ts'],
    ignores: ['src/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@duckdb/node-api', message: 'Only src/store/ talks to DuckDB; export what you need from there.' },
          ],
        },
      ],
    },
  },

  prettier,
);
