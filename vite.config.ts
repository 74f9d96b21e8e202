import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './src/config/contentSecurityPolicy.ts';

/** The policy as a meta tag of the built page (see CONTENT_SECURITY_POLICY). */
const contentSecurityPolicy = (): Plugin => ({
  name: 'content-security-policy',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace(
      '<meta charset="UTF-8" />',
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
    ),
});

/**
 * tfjs repeats its Apache licence notice atop each of its ~800 modules: one copy of each
 * distinct notice per chunk keeps them all (about 460 kB less per worker).
 */
const oneCopyOfEachLicence = (): Plugin => ({
  name: 'one-copy-of-each-licence',
  apply: 'build',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      const seen = new Set<string>();
      chunk.code = chunk.code.replace(/\/\*\*?\s*\n\s*\* @license[\s\S]*?\*\/\n?/g, (notice) => {
        if (seen.has(notice)) return '';
        seen.add(notice);
        return notice;
      });
    }
  },
});

// One config for the page (vite) and the unit tests (vitest).
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), oneCopyOfEachLicence()],
  worker: { format: 'es', plugins: () => [oneCopyOfEachLicence()] },
  build: {
    target: 'es2022',
    // tfjs is large and lives only in the worker chunk; the main chunk stays small.
    chunkSizeWarningLimit: 4096,
  },
  preview: { port: 4173, strictPort: true },
  test: {
    // In Node, tfjs-core resolves to its CommonJS bundle, and these two ES-module side effects
    // of src/tf/tfjs.ts would load a second copy of it; the CommonJS tfjs bundle registers the
    // same gradients and chained ops on the one copy.
    alias: [
      {
        find: /^@tensorflow\/tfjs-core\/dist\/(register_all_gradients|public\/chained_ops\/register_all_chained_ops)$/,
        replacement: '@tensorflow/tfjs',
      },
    ],
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // tfjs on its pure-JS CPU backend is slow: give training tests room. Each file's tests are
    // one thread of JavaScript, so two files at a time use both cores of a 2-core machine
    // (Vitest would otherwise run one: 168 s → 92 s here).
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
