import { expect, test } from '@playwright/test';
import { canvasStats, expectNoConsoleErrors, watchConsole } from './helpers.ts';

// The lab's Dirac GAN, opened from a link: the game's field and a run drawn over (θ, ψ); the
// run circles the equilibrium and spirals out under simultaneous minimax steps, orbits under
// alternating WGAN steps, converges with a gradient penalty; the link follows every control.

test('the Dirac GAN: simultaneous minimax steps circle the equilibrium and spiral out', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/?backend=cpu#model=gan&data=ring&dirac=1');
  const panel = page.getByTestId('dirac');
  await expect(panel.getByRole('heading', { name: /the Dirac GAN/ })).toBeVisible();
  // The run is drawn as it goes, then stays.
  await expect(page.getByTestId('dirac-canvas')).toHaveAttribute('data-drawn', 'true');
  expect((await canvasStats(page, 'dirac-canvas')).spread).toBeGreaterThan(5);
  const readout = page.getByTestId('dirac-readout');
  const numbers = async () => {
    const m = /: ([\d.]+) turns .* ([\d.]+) → ([\d.]+)\./.exec((await readout.textContent()) ?? '');
    return m ? m.slice(1).map(Number) : [];
  };
  const [turns, r0, r1] = await numbers();
  expect(turns).toBeGreaterThan(1);
  expect(r1).toBeGreaterThan(r0!); // from (1, 1): r0 = √2
  expect(r0).toBeCloseTo(Math.SQRT2, 2);
  await expect(page.getByTestId('dirac-verdict')).toContainText('spirals outwards');

  // Alternating WGAN steps orbit; a gradient penalty on D pulls the run in. The link follows.
  await panel.getByLabel('Loss').selectOption('wgan');
  await panel.getByLabel('Updates').selectOption('alternating');
  await expect(page.getByTestId('dirac-verdict')).toContainText('circles without getting closer');
  const gamma = panel.getByRole('slider', { name: /Gradient penalty/ });
  await gamma.fill('1');
  await expect(page.getByTestId('dirac-verdict')).toContainText('It converges');
  await expect(page).toHaveURL(/dirac=wgan%2Calternating%2C0\.1%2C1%2C1/);

  // Closed, it leaves the link; the chart's tools open it again.
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page).not.toHaveURL(/dirac=/);
  await page.getByRole('button', { name: 'The game in two numbers' }).click();
  await expect(page.getByTestId('dirac')).toBeVisible();
  expectNoConsoleErrors(errors);
});

test('a bad dirac= link opens the view as it starts, with a notice', async ({ page }) => {
  await page.goto('/?backend=cpu#model=gan&dirac=minimax,sideways,9');
  await expect(page.getByTestId('notices')).toContainText('dirac: "minimax,sideways,9" is not');
  await expect(page.getByTestId('dirac-verdict')).toContainText('spirals outwards');
});

test('the optimal discriminator D* is drawn beside the learned D, as its closed form says', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/?backend=cpu#model=gan&data=ring');
  await page.waitForFunction(() => window.__playground?.plane()?.optimal != null);
  await expect(page.getByTestId('optimal-d')).toBeVisible();
  expect((await canvasStats(page, 'optimal-d')).spread).toBeGreaterThan(5);
  const { optimal, fake } = (await page.evaluate(() => window.__playground!.plane()))!;
  const { res, values } = optimal!;
  // The heat grid: cell (r, c) has its centre at x = −2 + (c + ½)·4/res, y = 2 − (r + ½)·4/res.
  const centre = (r: number, c: number) => [-2 + ((c + 0.5) * 4) / res, 2 - ((r + 0.5) * 4) / res];
  // By hand: the ring is 8 Gaussians of σ = 0.06 at radius 1.2, each with weight 1/8; G's
  // points give p_g by a Gaussian KDE with Scott's bandwidth σ̂·n^(−1/6).
  const pData = (x: number, y: number) => {
    let s = 0;
    for (let k = 0; k < 8; k++) {
      const [mx, my] = [1.2 * Math.cos((k * Math.PI) / 4), 1.2 * Math.sin((k * Math.PI) / 4)];
      s += Math.exp(-((x - mx) ** 2 + (y - my) ** 2) / (2 * 0.06 ** 2)) / (2 * Math.PI * 0.06 ** 2);
    }
    return s / 8;
  };
  const n = fake.length / 2;
  const xs = fake.filter((_, i) => i % 2 === 0);
  const ys = fake.filter((_, i) => i % 2 === 1);
  const sd = (v: number[]) => {
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
  };
  const [hx, hy] = [sd(xs) * n ** (-1 / 6), sd(ys) * n ** (-1 / 6)];
  const pG = (x: number, y: number) =>
    xs.reduce(
      (a, fx, i) => a + Math.exp(-(((x - fx) / hx) ** 2 + ((y - ys[i]!) / hy) ** 2) / 2),
      0,
    ) /
    (n * 2 * Math.PI * hx * hy);
  // Near the mode at (1.2, 0), and at G's mean (inside the ring, where there is no data).
  const meanCell = (v: number[], flip: boolean) => {
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    return Math.min(res - 1, Math.max(0, Math.floor(((flip ? -m : m) + 2) / (4 / res))));
  };
  for (const [r, c] of [
    [Math.floor(res / 2) - 1, Math.floor((3.2 / 4) * res) - 1],
    [meanCell(ys, true), meanCell(xs, false)],
  ] as const) {
    const [x, y] = centre(r, c);
    const expected = pData(x!, y!) / (pData(x!, y!) + pG(x!, y!));
    expect(values[r * res + c]!).toBeCloseTo(expected, 3);
  }
  expect(values[(Math.floor(res / 2) - 1) * res + Math.floor((3.2 / 4) * res) - 1]).toBeGreaterThan(
    0.9,
  );
  // The game's value at D*, −log 4 + 2·JSD, as the D loss it is: 2 ln 2 − 2·JS, charted beside JS.
  const ev = await page.evaluate(() => window.__playground!.evaluations());
  expect(ev.optimalDLoss![0]).toBeCloseTo(2 * Math.LN2 - 2 * ev.jsDivergence![0]!, 5);
  await expect(
    page.getByRole('button', { name: /^D loss at the best D \(2 ln 2 − 2·JS\)/ }),
  ).toBeVisible();
  expectNoConsoleErrors(errors);
});

// The true posterior p(z|x) of a VAE with a 2-D latent, on a grid beside q(z|x): the grid sums
// to 1, and the bounds keep their order, ELBO ≤ IWAE_k ≤ log p(x), with the gap log p(x) − ELBO
// matching KL(q ‖ p(z|x)) measured on the grid.
test('the true posterior beside q(z|x) on the moons, with ELBO ≤ IWAE ≤ log p(x)', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/?backend=cpu#model=vae&data=moons&steps=100&autoplay=1&posterior=-0.5,0.75');
  const panel = page.getByTestId('posterior');
  await expect(panel.getByTestId('posterior-target')).toHaveText('x = (-0.50, 0.75)');
  await page.waitForFunction(() => window.__playground?.posterior()?.step === 100, null, {
    timeout: 60_000,
  });
  const v = (await page.evaluate(() => window.__playground!.posterior()))!;
  expect(v.posteriorSum).toBeCloseTo(1, 4);
  expect(v.qSum).toBeCloseTo(1, 4);
  expect(v.elbo).toBeLessThanOrEqual(v.iwae);
  // IWAE_k ≤ log p(x) in expectation: the estimate may pass it by its noise.
  expect(v.iwae).toBeLessThanOrEqual(v.logPx + 3 * v.iwaeSe + 1e-3);
  const gap = v.logPx - v.elbo;
  expect(gap).toBeGreaterThanOrEqual(0);
  expect(Math.abs(gap - v.klGrid)).toBeLessThan(0.05 + 0.2 * gap);
  for (const id of ['posterior-true', 'posterior-q']) {
    expect((await canvasStats(page, id)).spread).toBeGreaterThan(5);
  }
  await expect(panel.getByTestId('posterior-gap')).toHaveText(gap.toFixed(2));

  // A click on the 2-D view chooses x there; the link follows, and Close takes the view away.
  const plane = page.getByTestId('plane');
  const box = (await plane.boundingBox())!;
  await plane.click({ position: { x: box.width * 0.25, y: box.height * 0.75 } });
  // A quarter of the way across ±2, three quarters down: near (−1, −1), to a pixel.
  await expect(panel.getByTestId('posterior-target')).toHaveText(
    /x = \(-(0\.9\d|1\.0\d), -(0\.9\d|1\.0\d)\)/,
  );
  const picked = await page.waitForFunction(() => {
    const t = window.__playground?.posterior()?.target;
    return t && t !== '-0.5,0.75' ? t : null;
  });
  const [px, py] = ((await picked.jsonValue()) as string).split(',').map(Number);
  expect(px).toBeCloseTo(-1, 1);
  expect(py).toBeCloseTo(-1, 1);
  await expect(page).toHaveURL(new RegExp(`posterior=${px}%2C${py}`));
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page).not.toHaveURL(/posterior=/);
  expectNoConsoleErrors(errors);
});

test('the true posterior of a held-out digit, in Chinese, and a bad posterior= link', async ({
  page,
}) => {
  await page.goto('/?backend=cpu#model=vae&posterior=3&lang=zh');
  const panel = page.getByTestId('posterior');
  await page.waitForFunction(() => window.__playground?.posterior() != null, null, {
    timeout: 60_000,
  });
  const v = (await page.evaluate(() => window.__playground!.posterior()))!;
  expect(v.target).toBe('3');
  expect(v.label).not.toBeNull();
  expect(v.posteriorSum).toBeCloseTo(1, 4);
  expect(v.elbo).toBeLessThanOrEqual(v.iwae);
  expect(v.iwae).toBeLessThanOrEqual(v.logPx + 3 * v.iwaeSe + 1e-3);
  await expect(panel.getByTestId('posterior-target')).toHaveText(
    `x：第 3 个留出数字（${v.label}）`,
  );
  expect((await canvasStats(page, 'posterior-x')).spread).toBeGreaterThan(5);
  await panel.getByRole('button', { name: '下一个数字' }).click();
  await page.waitForFunction(() => window.__playground?.posterior()?.target === '4');
  await expect(page).toHaveURL(/posterior=4/);

  await page.goto('/?backend=cpu#model=vae&data=moons&posterior=1,x');
  await expect(page.getByTestId('notices')).toContainText('posterior: "1,x" is neither');
  await expect(page.getByTestId('posterior')).toHaveCount(0);
});

// The model-overview graph, for a GAN on 2-D data and a VAE on digits: every box that carries
// data shows it (non-blank thumbnails), the networks' boxes list the run's real layers, and a
// hovered box outlines its part elsewhere on the page.
test('the model as a graph: z → G → G(z) → D ← x, and x → encoder → μ, σ → z → decoder → x̂', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/?backend=cpu#model=gan&data=ring&graph=1');
  const graph = page.getByTestId('graph');
  await expect(graph.getByTestId('graph-thumb-scores')).toBeVisible();
  await page.waitForFunction(() => window.__playground?.plane() != null);
  for (const box of ['noise', 'fake', 'x', 'scores']) {
    await expect
      .poll(async () => (await canvasStats(page, `graph-thumb-${box}`)).spread, { message: box })
      .toBeGreaterThan(3);
  }
  await expect(graph.getByTestId('graph-box-generator')).toContainText(
    'Dense 128 → Dense 128 → Dense 2',
  );
  await expect(graph.getByTestId('graph-box-discriminator')).toContainText('weights');
  await graph.getByTestId('graph-box-fake').hover();
  await expect(page.locator('html')).toHaveAttribute('data-highlight', 'plane');

  await page.goto('/?backend=cpu#model=vae&graph=1');
  await expect(page.getByTestId('graph-thumb-sigma')).toBeVisible({ timeout: 60_000 });
  for (const box of ['x', 'mu', 'sigma', 'z', 'xhat']) {
    await expect
      .poll(async () => (await canvasStats(page, `graph-thumb-${box}`)).spread, { message: box })
      .toBeGreaterThan(3);
  }
  await expect(page.getByTestId('graph-box-encoder')).toContainText(
    'Dense 256 → Dense 2 (μ) ‖ Dense 2 (log σ²)',
  );
  await page.getByTestId('graph').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('graph')).toHaveCount(0);
  await expect(page).not.toHaveURL(/graph=/);
  await page.getByRole('button', { name: 'The model as a graph' }).click();
  await expect(page).toHaveURL(/graph=1/);
  expectNoConsoleErrors(errors);
});

// The conditional VAE (model=cvae): the explorer's class chooser draws the chosen digit, the
// class sweep draws one z as every class, and the quality panel scores "as asked". On 2-D
// data a conditional model has no classes to read: the page says so.
test('the conditional VAE: choose the class, move z; one z drawn as every class', async ({
  page,
}) => {
  await page.goto('/?backend=cpu#model=cvae&latent=2');
  const picker = page.getByTestId('class-picker');
  await expect(picker.getByRole('radio', { name: 'Draw a 0' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.waitForFunction(() => window.__playground?.latent().classes?.image === true);
  const strip = page.getByTestId('latent-classes');
  // Ten images in a row: the sheet is ten digits wide.
  expect(await strip.evaluate((c: HTMLCanvasElement) => c.width)).toBe(10 * 28 + 11);
  expect((await canvasStats(page, 'latent-classes')).spread).toBeGreaterThan(3);
  const before = await page.evaluate(() => window.__playground!.latent().decode?.pixels);
  await picker.getByRole('radio', { name: 'Draw a 7' }).click();
  await expect(picker.getByRole('radio', { name: 'Draw a 7' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.waitForFunction((old) => {
    const d = window.__playground?.latent().decode;
    return d?.image && d.pixels !== old;
  }, before);
  await expect(page.getByTestId('agreement')).toHaveText(/^\d+%$/);
  await expect(page).toHaveURL(/y=7/);

  await page.goto('/?backend=cpu#model=cgan&data=ring');
  await expect(page.getByTestId('error')).toContainText('needs labelled data');
});

// The rate–distortion view: the run's path of (KL, reconstruction), the KL of each latent unit,
// and β live (changed without a reset, the link following).
test('rate vs distortion: the run’s path, the active units, β changed mid-run', async ({
  page,
}) => {
  await page.goto('/?backend=cpu#model=vae&data=moons&rd=1&steps=60&autoplay=1');
  const chart = page.getByTestId('rd-chart');
  await page.waitForFunction(() => window.__playground?.status().step === 60, null, {
    timeout: 60_000,
  });
  await expect
    .poll(async () => Number(await chart.getAttribute('data-points')))
    .toBeGreaterThan(50);
  await expect(page.getByTestId('rd-active')).toContainText(/\d of 2 active/);
  expect((await canvasStats(page, 'rd-units')).spread).toBeGreaterThan(3);
  await page.getByRole('slider', { name: 'β, live' }).fill('4');
  await expect(page.getByTestId('rd-beta')).toHaveText('4');
  await expect(page).toHaveURL(/beta=4/);
  // Live: the run keeps its steps and history.
  expect((await page.evaluate(() => window.__playground!.status())).step).toBe(60);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page).not.toHaveURL(/rd=1/);
});

// GAN Lab's step controls: one update of D alone leaves G's points where they were, one of G
// alone moves them; slow motion takes a step a second.
test('Train D only, Train G only, and slow motion', async ({ page }) => {
  await page.goto('/?backend=cpu#model=gan&data=ring&slow=1');
  await page.waitForFunction(() => window.__playground?.plane()?.step === 0);
  const fake = () => page.evaluate(() => window.__playground!.plane()!.fake);
  const at = (step: number) =>
    page.waitForFunction((s) => window.__playground?.plane()?.step === s, step);
  const before = await fake();
  await page.getByRole('button', { name: 'Train D only' }).click();
  await at(1);
  expect(await fake()).toEqual(before);
  await page.getByRole('button', { name: 'Train G only' }).click();
  await at(2);
  const moved = await fake();
  expect(moved.some((v, i) => Math.abs(v - before[i]!) > 1e-6)).toBe(true);
  const rows = await page.evaluate(() => window.__playground!.losses());
  expect(rows.steps).toEqual([1, 2]);
  for (const v of [...rows.dLoss!, ...rows.gLoss!]) expect(Number.isFinite(v)).toBe(true);

  // Slow motion (from the link): Start takes a step a second, until Pause.
  await expect(page.getByRole('checkbox', { name: /Slow motion/ })).toBeChecked();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await at(4);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  // A step under way when Pause arrives still finishes; the worker's status after it says so.
  await page.waitForFunction(() => window.__playground?.status().running === false);
  const paused = (await page.evaluate(() => window.__playground!.status())).step;
  expect(paused).toBeGreaterThanOrEqual(4);
  expect(paused).toBeLessThanOrEqual(6);
  await page.waitForTimeout(1500);
  expect((await page.evaluate(() => window.__playground!.status())).step).toBe(paused);
});
