import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One config for the page (vite) and the unit tests (vitest).
export default defineConfig({
  base: './',
  plugins: [react()],
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
