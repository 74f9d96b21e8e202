import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../e2e/chromium.ts';

// `npm run train:demos`: the built page in headless Chromium trains every demo from its link
// (scripts/train-demos/trainDemos.spec.ts). One worker, long timeouts.
const PORT = 4175;

export default defineConfig({
  testDir: '.',
  testMatch: ['trainDemos.spec.ts'],
  timeout: 3_600_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: chromiumArgs() },
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  },
  webServer: {
    command: `npm run build && npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}/`,
    cwd: '../..',
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
