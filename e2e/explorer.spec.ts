import { expect, test, type Page } from '@playwright/test';
import {
  canvasStats,
  expectNoConsoleErrors,
  status,
  waitForReady,
  waitForStep,
  watchConsole,
  watchLongTasks,
} from './helpers.ts';

// The latent explorer while training runs: a slider dragged with the mouse decodes during the
// drag, the pad moves by mouse and by keys, the strip interpolates; the keyboard shortcuts; and
// the main thread stays free (no long tasks) through training and dragging.

const decodeId = (page: Page) => page.evaluate(() => window.__playground!.latent().decode?.id ?? 0);

test('dragging a latent slider decodes during the drag, while training goes on', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/#backend=cpu');
  await waitForReady(page);
  await page.keyboard.press('Space'); // train
  await waitForStep(page, 2);
  await page.waitForFunction(() => window.__playground!.latent().decode?.image === true);

  const slider = page.getByLabel('Latent dimension 0');
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 4, y);
  await page.mouse.down();
  const seen = new Set<number>();
  const ids: number[] = [];
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(box.x + 4 + (i * (box.width - 8)) / 12, y);
    await page.waitForTimeout(250);
    seen.add((await canvasStats(page, 'latent-image')).hash);
    ids.push(await decodeId(page));
  }
  // Still dragging: the image has already changed several times.
  expect(seen.size).toBeGreaterThanOrEqual(3);
  expect(new Set(ids).size).toBeGreaterThanOrEqual(3);
  await page.mouse.up();
  await expect(slider).toHaveValue('3');
  expect((await status(page)).running).toBe(true); // training never stopped
  await expect(page).toHaveURL(/z=3%2C0$/);

  // The pad: a click puts (z₀, z₁) under the pointer; the arrow keys nudge it.
  const pad = page.getByTestId('latent-pad');
  await pad.scrollIntoViewIfNeeded();
  const pb = (await pad.boundingBox())!;
  await page.mouse.click(pb.x + pb.width / 2, pb.y + pb.height * 0.25);
  await expect(page.getByLabel('Latent dimension 0')).toHaveValue('0');
  const z1 = Number(await page.getByLabel('Latent dimension 1').inputValue());
  expect(z1).toBeGreaterThan(1.2);
  await pad.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Latent dimension 0')).toHaveValue('0.1');
  // Keys on the pad move the point; they do not reach the page's shortcuts.
  expect((await status(page)).running).toBe(true);

  // The interpolation strip, and slerp ↔ lerp.
  const strip = await canvasStats(page, 'latent-strip');
  expect(strip.spread).toBeGreaterThan(5);
  await page.getByRole('checkbox', { name: 'Spherical', exact: true }).uncheck();
  await expect
    .poll(async () => (await canvasStats(page, 'latent-strip')).hash)
    .not.toBe(strip.hash);

  // While training, the latent mirror decodes from weights up to ~1 s old; once paused, every
  // image of the explorer is decoded from the weights of the step training stopped at.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect.poll(async () => (await status(page)).running).toBe(false);
  const stopped = (await status(page)).step;
  await expect
    .poll(() =>
      page.evaluate(() => Object.values(window.__playground!.latent()).map((a) => a.step)),
    )
    .toEqual([stopped, stopped, stopped]);
  await expect(page.getByText(`(weights of step ${stopped})`)).toBeVisible();
  expectNoConsoleErrors(errors);
});

test('keyboard: Space trains and pauses, → steps, R resets; focus is visible', async ({ page }) => {
  await page.goto('/#every=1&backend=cpu');
  await waitForReady(page);
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, 1);
  await page.keyboard.press('Space');
  await waitForStep(page, 3);
  await page.keyboard.press('Space');
  await page.waitForFunction(() => !window.__playground!.status().running);
  await page.keyboard.press('r');
  await page.waitForFunction(() => window.__playground!.status().step === 0);
  // Tab reaches the buttons, and the focused one shows an outline.
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    return { tag: el.tagName, style: getComputedStyle(el).outlineStyle };
  });
  expect(outline.tag).not.toBe('BODY');
  expect(outline.style).not.toBe('none');
  // Every form control has an accessible name.
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, button')]
      .filter((el) => {
        const e = el as HTMLInputElement;
        const labelled = e.labels?.length || e.getAttribute('aria-label') || e.textContent?.trim();
        return !labelled;
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(unnamed).toEqual([]);
});

// The target: no task over 50 ms during 10 s of training and dragging. On this 2-core
// machine SwiftShader's GPU threads, the training worker and the latent mirror share both cores
// with the page, so a task's wall time is often twice its CPU time, at worst 7 times. What keeps the page's tasks
// short: the trainer waits after each chunk until the page has painted it (pagePacer.ts,
// afterPaint.ts); the loss chart's lines are paths over a recharts frame that redraws only when
// the step axis's ticks change, and recharts' value axes never change (LossPlot.tsx,
// axisTicks.ts); a drag writes the address bar once it rests (addressBar.ts); a slider's move
// renders only that slider and repaints only its panel (LatentExplorer.tsx, `.panel`'s paint
// containment). Measured in traces of this test's drag: no main-thread task over 12 ms of CPU.
// A window can still catch a task made long by waiting for a core, around a weight snapshot:
// 2 of 20 runs of 10 s like this one had one (55 and 100 ms). So a window with one is measured
// again, and the test fails when two in a row have one. A slower page fails both: the step-1
// relayout this test caught (23–49 ms) came in 5 of 6 runs.
test('the main thread stays responsive during 10 s of training and dragging', async ({ page }) => {
  await page.goto('/#backend=cpu');
  await waitForReady(page);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await waitForStep(page, 1);
  const slider = page.getByLabel('Latent dimension 1');
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const windows: number[][] = [];
  do {
    const longTaskList = await watchLongTasks(page);
    const t0 = Date.now();
    await page.mouse.move(box.x + 4, box.y + box.height / 2);
    await page.mouse.down();
    let i = 0;
    while (Date.now() - t0 < 10_000) {
      const x = box.x + 4 + ((i++ % 20) / 20) * (box.width - 8);
      await page.mouse.move(x, box.y + box.height / 2);
      await page.waitForTimeout(50);
    }
    await page.mouse.up();
    windows.push((await longTaskList()).map(Math.round));
  } while (windows.length < 2 && windows.at(-1)!.length > 0);
  const s = await status(page);
  test.info().annotations.push({
    type: 'measured',
    description: `long tasks per 10-s window ${JSON.stringify(windows)}; step ${s.step}`,
  });
  expect(s.running).toBe(true);
  expect(windows.at(-1)).toEqual([]);
});
