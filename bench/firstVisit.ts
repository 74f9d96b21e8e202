import { chromium, test, type Page } from '@playwright/test';
import { fixed, status } from './measure.ts';

// What 'auto''s probe costs a person: the time from opening a link to its first finished step,
// in a browser of its own (a first visit: nothing compiled in its GPU process, no probe result
// kept), against the same link with the backend auto chose forced; and auto's link reloaded in
// that browser (its probe result kept: probeMemory.ts).

/** Milliseconds from navigating to `link` (or reloading) to the first step after Start. */
async function untilFirstStep(page: Page, go: () => Promise<unknown>): Promise<number> {
  const t0 = Date.now();
  await go();
  await page.waitForFunction(() => window.__playground?.status().phase === 'ready', null, {
    timeout: 300_000,
  });
  // A reload brings the kept run back at its step: the first step is the one after it.
  const from = (await status(page)).step;
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.waitForFunction((s) => window.__playground!.status().step > s, from, {
    timeout: 600_000,
  });
  return Date.now() - t0;
}

/** `fn` on a page of a newly launched browser, closed after. */
async function inNewBrowser<T>(fn: (page: Page) => Promise<T>): Promise<T> {
  const { launchOptions, baseURL, viewport } = test.info().project.use;
  const browser = await chromium.launch(launchOptions);
  try {
    return await fn(await browser.newPage({ baseURL, viewport }));
  } finally {
    await browser.close();
  }
}

export interface FirstVisit {
  /** The backend auto chose on the first visit. */
  backend: string;
  /** ms to the first step: auto's first visit, auto reloaded, the chosen backend forced. */
  auto: number;
  reloaded: number;
  forced: number;
}

/** Each time is the best of this many rounds. */
const ROUNDS = 2;

/**
 * The times to the first step of `hash` (a link's `#…`), each the best of ROUNDS (a browser
 * launched for every first visit); the forced backend is the one auto chose in the first round.
 */
export async function firstVisit(hash: string): Promise<FirstVisit> {
  let backend: string | null = null;
  const runs: Omit<FirstVisit, 'backend'>[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const [auto, reloaded] = await inNewBrowser(async (page) => {
      const first = await untilFirstStep(page, () => page.goto(`/${hash}`));
      backend ??= (await status(page)).backend ?? '?';
      return [first, await untilFirstStep(page, () => page.reload())];
    });
    const forced = await inNewBrowser((page) =>
      untilFirstStep(page, () => page.goto(`/?backend=${backend}${hash}`)),
    );
    runs.push({ auto, reloaded, forced });
  }
  const best = (key: keyof (typeof runs)[number]) => Math.min(...runs.map((r) => r[key]));
  return {
    backend: backend!,
    auto: best('auto'),
    reloaded: best('reloaded'),
    forced: best('forced'),
  };
}

/** The bench's row for `kind`: what, value, note. */
export function firstVisitRow(kind: string, t: FirstVisit): [string, string, string] {
  const s = (ms: number) => `${fixed(ms / 1000, 1)} s`;
  return [
    `to the first step, ${kind}`,
    s(t.auto),
    `auto's first visit (chose ${t.backend}); ${t.backend} forced ${s(t.forced)}, so the probe costs ${fixed(t.auto - t.forced, 0)} ms; reloaded (result kept) ${s(t.reloaded)}; best of ${ROUNDS}`,
  ];
}
