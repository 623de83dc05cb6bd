import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

const SPA_ONLY = {
  group: ['**/server/**'],
  message: 'The SPA talks to the server over HTTP only.',
};
const NO_FEATURES = {
  group: ['**/features/**'],
  message: 'Only src/app composes features; shared code must not depend on one.',
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    // The SPA must not reach into the server (credentials, simulators) — it talks HTTP only.
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SPA_ONLY] }] },
  },
  {
    // Shared code (the port, lib, components, config) never depends on a feature.
    files: ['src/{backends,components,config,lib}/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SPA_ONLY, NO_FEATURES] }] },
  },
  // Features see the backend port and shared code only: never a backend kind's folder, never
  // another feature (a relative path that climbs out of its own feature folder into a sibling),
  // and never ask which kind a backend is.
  ...[1, 2, 3, 4].map((depth) => ({
    files: [`src/features/*/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            SPA_ONLY,
            NO_FEATURES,
            {
              group: ['**/backends/*/**'],
              message:
                'Features see the backend port (src/backends/*.ts), never a backend kind: describe what differs in the adapter.',
            },
            {
              // Exactly `depth` steps up is src/features itself: the next segment is a feature.
              regex: `^(\\.\\./){${depth}}[^./]`,
              message:
                'Features do not import each other; share through src/lib or src/components.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='kind']",
          message:
            "Features do not ask which kind a backend is: read the adapter's vocabulary or the backend's capabilities.",
        },
      ],
    },
  })),
);
