import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/chromium.ts';

// `npm run bench`: the built page in headless Chromium, measured (not tested). One worker, no
// retries, long timeouts: the numbers come from one run, side by side.
const PORT = 4174;

export default defineConfig({
  testDir: '.',
  testMatch: ['bench.spec.ts', 'presets.spec.ts', 'screenshots.spec.ts'],
  timeout: 3_600_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: findChromium(),
      args: [...chromiumArgs(), '--enable-precise-memory-info'],
    },
    viewport: { width: 1400, height: 900 },
  },
  webServer: {
    command: `npm run build && npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}/`,
    // The repository root: the config lives in bench/.
    cwd: '..',
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
