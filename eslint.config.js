import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'scenarios', 'scratch'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  { files: ['src/cli/**', 'bench/**', 'bin/**', 'test/**', 'examples/**'], rules: { 'no-console': 'off' } },
  { files: ['src/**/*.browser.js'], languageOptions: { sourceType: 'script', globals: { document: 'readonly', window: 'readonly' } } },
);
