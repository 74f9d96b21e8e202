import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './e2e/chromium.ts';

// End-to-end tests drive the *built* page (vite build + preview) in real Chromium with WebGPU.
// Chromium's WebGPU here runs on SwiftShader (the CPU): kernels take tens of seconds to
// compile, so timeouts are generous and tests run one at a time.
const PORT = 4173;

export default defineConfig({
  testDir: 'e2e',
  timeout: 240_000,
  expect: { timeout: 120_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: chromiumArgs() },
    viewport: { width: 1400, height: 900 },
  },
  webServer: {
    command: `npm run build && npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
