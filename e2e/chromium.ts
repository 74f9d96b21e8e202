import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

// Which Chromium the tests drive, in this order: CHROME_PATH, Playwright's own browser if it
// is installed, Debian's /usr/bin/chromium. Playwright cannot download browsers here.

export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here: fall through.
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error(
    'No Chromium found. Install one (Debian/Ubuntu: `apt-get update && apt-get install -y chromium`), ' +
      'or point CHROME_PATH at a Chrome or Chromium binary.',
  );
}

/** Flags for every launch: quiet networking (the machine has none) plus WebGPU unless told. */
export function chromiumArgs({ webgpu = true } = {}): string[] {
  return [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    ...(webgpu ? ['--enable-unsafe-webgpu'] : []),
  ];
}
