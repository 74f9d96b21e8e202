import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The module boundary that matters most: tfjs lives in the worker (src/worker, src/models)
// and never on the main thread, so a slow step can never freeze the page.
const noTfjsOnMainThread = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['@tensorflow/*'],
          message:
            'tfjs runs only in the training worker (src/worker, src/models); the page talks to it through src/worker/protocol.ts.',
        },
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      '**/dist',
      'node_modules',
      'public',
      'test-results',
      'playwright-report',
      '**/*.tmp.*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/models/**', 'src/worker/**', 'src/testing/**', 'src/**/*.test.ts'],
    rules: noTfjsOnMainThread,
  },
  {
    // The page's side of the worker boundaries lives in src/worker but runs on the main thread;
    // the image decoder worker never needs tfjs either.
    files: [
      'src/worker/client.ts',
      'src/worker/protocol.ts',
      'src/worker/decoderClient.ts',
      'src/worker/decodeProtocol.ts',
      'src/worker/parityClient.ts',
      'src/worker/parityProtocol.ts',
      'src/worker/imageDecoder.worker.ts',
      'src/worker/pixels.ts',
    ],
    rules: noTfjsOnMainThread,
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['scripts/**/*.mjs', '*.config.{js,ts}', 'e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
