import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './e2e/chromium.ts';

// End-to-end tests drive the *built* page (vite build + preview) in real Chromium with WebGPU.
// Chromium's WebGPU here runs on SwiftShader (the CPU): kernels take tens of seconds to
// compile, so timeouts are generous. Most tests spend their time waiting on a worker, so two
// run at once (the suite takes three quarters of the time); the tests that measure how the page
// keeps up (a responsive main thread, a compile's time on the clock, 20,000 files) run after
// them, one at a time, on a machine they have to themselves.
const PORT = 4173;
/** Specs whose checks are timings: alone, after the others. */
const TIMED = ['explorer.spec.ts', 'train-vae.spec.ts', 'upload.spec.ts'];

export default defineConfig({
  testDir: 'e2e',
  timeout: 240_000,
  expect: { timeout: 120_000 },
  workers: 2,
  fullyParallel: false,
  projects: [
    { name: 'shared', testIgnore: TIMED },
    { name: 'timed', testMatch: TIMED, workers: 1, dependencies: ['shared'] },
  ],
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: chromiumArgs() },
    viewport: { width: 1400, height: 900 },
  },
  webServer: {
    // `npm test` has type-checked already: the bundle alone (its data packed first).
    command: `node scripts/pack-mnist.mjs && npx vite build && npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
