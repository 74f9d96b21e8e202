import { defineConfig } from '@playwright/test';
import bench from '../../bench/playwright.config.ts';

// `npm run train:demos`: the bench's set-up (the built page in headless Chromium, one worker,
// long timeouts) for scripts/train-demos/trainDemos.spec.ts, with downloads kept.
export default defineConfig({
  ...bench,
  testDir: '.',
  testMatch: ['trainDemos.spec.ts'],
  use: { ...bench.use, acceptDownloads: true },
  webServer: { ...bench.webServer!, cwd: '../..' } as typeof bench.webServer,
});
