import { expect, test, type Page } from '@playwright/test';
import { PRESETS } from '../src/config/presets.ts';
import { toHash } from '../src/config/link.ts';
import { costKey } from '../src/config/costKey.ts';
import { expectNoConsoleErrors, waitForReady, watchConsole } from './helpers.ts';

// A student's first minute, on a phone: a demo link opens with a card that says what the demo
// shows and what to watch for by which step; a tap on a term gives its plain words; nothing is
// wider than the screen, in light or dark, from 360 to 430 px; the card hides for good.

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** Visible elements that reach past the window's left or right edge. */
function wider(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.checkVisibility())
      .map((el) => ({ el, b: el.getBoundingClientRect() }))
      .filter(({ b }) => b.width > 0 && (b.right > window.innerWidth + 0.5 || b.left < -0.5))
      .map(({ el, b }) => `${el.tagName.toLowerCase()}.${el.className}: ${b.left}..${b.right}`),
  );
}

test('a demo link on a phone: the card, a term tapped, nothing wider than the screen', async ({
  page,
}) => {
  const errors = watchConsole(page);
  const ring = PRESETS.find((p) => p.id === 'ring-gan')!;
  // An earlier visit measured this setup on WebGPU at 1 step/s (a figure planted for the test).
  await page.addInitScript((key) => {
    localStorage.setItem('playground.speeds', JSON.stringify([[key, { webgpu: 1 }]]));
  }, costKey(ring.config));
  // The demo as the gallery links it, trained on the CPU backend, paused once it has measured.
  await page.goto(`/${toHash({ ...ring.config, backend: 'cpu' }, { autoplay: true })}`);
  const card = page.getByTestId('demo-card');
  await expect(card).toContainText('GAN on a ring of 8 Gaussians');
  await expect(card).toContainText('What it shows');
  await expect(card).toContainText('mode collapse');
  await expect(card.locator('.watch-at')).toHaveText(['from the start', 'by step 1000']);
  await waitForReady(page);
  // Past the warm-up the page states what it measured, both backends side by side.
  await expect(page.getByTestId('measured-speeds')).toContainText(
    /^Measured in this browser on this setup: CPU [\d.]+ steps\/s, WebGPU 1 steps\/s\. CPU ran it [\d.]+× faster here\.$/,
  );
  await card.getByRole('button', { name: 'Pause training' }).tap();
  await expect(card.getByRole('button', { name: 'Start training' })).toBeVisible();

  // A tap on a term shows its plain words; another tap hides them.
  const term = card.getByRole('button', { name: 'mode collapse' });
  await term.tap();
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText('only a few kinds of sample');
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  expect(await wider(page)).toEqual([]);
  await term.tap();
  await expect(tip).toHaveCount(0);

  // The ring GAN's chart: three lines by default (D loss, G loss, JS), the rest one tap away.
  const chart = page.getByTestId('loss-chart');
  await expect(chart.locator('.loss-series path')).toHaveCount(3);
  await expect(chart.getByTestId('good-run')).toContainText('A good run');
  await chart.getByRole('button', { name: /^Show all \d+ lines$/ }).tap();
  await expect(chart.locator('.loss-series path')).toHaveCount(8);
  await chart.getByRole('button', { name: 'Main lines only' }).tap();
  await expect(chart.locator('.loss-series path')).toHaveCount(3);

  // From 360 to 430 px, light and dark: nothing reaches past the screen; the 2-D view is square.
  for (const width of [360, 390, 430]) {
    await page.setViewportSize({ width, height: 844 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await wider(page), `${width} px ${colorScheme}`).toEqual([]);
      const plane = (await page.getByTestId('plane').boundingBox())!;
      expect(Math.abs(plane.width - plane.height)).toBeLessThan(1);
    }
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('phone.png'), fullPage: true });

  // "How it works" is one tap from the chart, and its formula's symbols have plain words too.
  await chart.page().getByRole('button', { name: 'How it works' }).first().tap();
  const how = page.locator('#how-it-works');
  await expect(how).toHaveAttribute('open', '');
  const symbol = how.locator('.symbols').getByRole('button', { name: 'D', exact: true });
  await symbol.tap();
  await expect(page.getByRole('tooltip')).toContainText('probability that x is real');

  // Hidden, the card stays hidden: the link remembers it.
  await card.getByRole('button', { name: 'Hide this card' }).tap();
  await expect(card).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('closed=card');
  await page.reload();
  await waitForReady(page);
  await expect(page.getByTestId('plane')).toBeVisible();
  await expect(page.getByTestId('demo-card')).toHaveCount(0);
  expectNoConsoleErrors(errors);
});
