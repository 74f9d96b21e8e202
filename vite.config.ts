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

// One config for the page (vite) and the unit tests (vitest).
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // tfjs is large and lives only in the worker chunk; the main chunk stays small.
    chunkSizeWarningLimit: 4096,
  },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // tfjs on its pure-JS CPU backend is slow: give training tests room.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
