import { expect, test, type Page } from '@playwright/test';
import { expectNoConsoleErrors, waitForReady, watchConsole } from './helpers.ts';

// The page from a 1280×720 laptop screen to a wide monitor, in light and dark: three columns
// side by side, nothing wider than the window, no select's option cut off, digits drawn at a
// whole 2× scale, and a loss chart with room. One page, resized, so the model is built once.

/** What a person would check at a glance: the columns, the widths, the colors. */
function measure(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element | null) => el!.getBoundingClientRect();
    const rgb = (c: string) =>
      c
        .match(/\d+(\.\d+)?/g)!
        .slice(0, 3)
        .map(Number);
    // Relative luminance (WCAG), 0 for black to 1 for white.
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const panel = document.querySelector('.chart-panel')!;
    const text = getComputedStyle(panel.querySelector('h2')!).color;
    const background = getComputedStyle(panel).backgroundColor;
    const [hi, lo] = [lum(text), lum(background)].sort((a, b) => b - a);
    return {
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      columns: [...document.querySelectorAll('.panels > *')].map((el) => {
        const b = box(el);
        return { left: Math.round(b.left), top: Math.round(b.top), width: Math.round(b.width) };
      }),
      chart: Math.round(box(document.querySelector('.loss-plot')).width),
      samples: Math.round(box(document.querySelector('[data-testid="samples"]')).width),
      // Selects whose longest option would be cut off: its text measured in the select's font
      // against the select's inner width less about 20 px of arrow.
      cutOff: [...document.querySelectorAll('select')]
        .filter((s) => s.checkVisibility())
        .flatMap((s) => {
          const cs = getComputedStyle(s);
          const ctx = document.createElement('canvas').getContext('2d')!;
          ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
          const room =
            s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
          return [...s.options]
            .filter((o) => ctx.measureText(o.text).width > room)
            .map((o) => `${s.name}: ${o.text}`);
        }),
      // Text that spills out of its box (a button or label narrower than its words).
      spills: [
        ...document.querySelectorAll(
          'button, label, summary, legend, h1, h2, h3, .banner, .status-item, .preset',
        ),
      ]
        .filter((el) => el.checkVisibility() && getComputedStyle(el).display !== 'inline')
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.tagName.toLowerCase()}: ${(el.textContent ?? '').slice(0, 40)}`),
      // Axis labels under the empty chart's placeholder.
      covered: [...document.querySelectorAll('.chart-tick')].filter((tick) => {
        const empty = document.querySelector('.chart-empty');
        if (!empty) return false;
        const [a, b] = [box(empty), box(tick)];
        return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      }).length,
      backgroundLuminance: lum(background),
      contrast: (hi! + 0.05) / (lo! + 0.05),
    };
  });
}

test('the layout holds from 1280×720 to a wide monitor, in light and dark', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#backend=cpu');
  await waitForReady(page);
  await expect(page.getByTestId('samples')).toBeVisible();

  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
    [1150, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const m = await measure(page);
      const where = `${width}×${height} ${colorScheme}: ${JSON.stringify(m)}`;
      expect(m.overflow, where).toBeLessThanOrEqual(0);
      expect(m.cutOff, where).toEqual([]);
      // Controls, charts and images side by side, tops aligned, left to right.
      expect(m.columns, where).toHaveLength(3);
      expect(new Set(m.columns.map((c) => c.top)).size, where).toBe(1);
      expect(m.columns[0]!.left).toBeLessThan(m.columns[1]!.left);
      expect(m.columns[1]!.left).toBeLessThan(m.columns[2]!.left);
      if (width >= 1280) {
        // 8 tiles of 28 px and 9 lines of 1 px, each pixel drawn as 2 × 2.
        expect(m.samples, where).toBe(466);
        expect(m.chart, where).toBeGreaterThanOrEqual(380);
      } else {
        expect(m.samples, where).toBeGreaterThan(300);
      }
      if (colorScheme === 'dark') expect(m.backgroundLuminance, where).toBeLessThan(0.05);
      else expect(m.backgroundLuminance, where).toBeGreaterThan(0.8);
      expect(m.contrast, where).toBeGreaterThan(7); // WCAG AAA for the panel's heading
      await page.screenshot({ path: test.info().outputPath(`page-${width}-${colorScheme}.png`) });
    }
  }
  // The GAN's and the convolutional networks' selects, and the run options', at the narrowest.
  await page.setViewportSize({ width: 1150, height: 800 });
  await page.getByRole('radio', { name: 'GAN', exact: true }).check();
  await page.getByText('Run options').click();
  await expect(page.getByLabel('GAN loss')).toBeVisible();
  await expect(page.getByLabel('Backend')).toBeVisible();
  expect((await measure(page)).cutOff).toEqual([]);
  await waitForReady(page);
  expectNoConsoleErrors(errors);
});

test('in English and in Chinese, on a laptop, a wide monitor and a phone, nothing is cut off', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  // latent=2 (the default) names a setup: the demo card shows, in both languages too.
  await page.goto('/#backend=cpu&lang=en&latent=2');
  await expect(page.getByTestId('demo-card')).toBeVisible();
  await waitForReady(page);
  for (const lang of ['en', 'zh'] as const) {
    await page.getByTestId('language').selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const m = await measure(page);
        const where = `${lang} ${width}×${height} ${colorScheme}: ${JSON.stringify(m)}`;
        expect(m.overflow, where).toBeLessThanOrEqual(0);
        expect(m.cutOff, where).toEqual([]);
        expect(m.spills, where).toEqual([]);
        expect(m.covered, where).toBe(0);
        if (width >= 1100) expect(new Set(m.columns.map((c) => c.top)).size, where).toBe(1);
        else expect(new Set(m.columns.map((c) => c.left)).size, where).toBe(1); // one column
        expect(m.contrast, where).toBeGreaterThan(7);
      }
      await page.screenshot({ path: test.info().outputPath(`page-${lang}-${width}.png`) });
    }
  }
  expectNoConsoleErrors(errors);
});
