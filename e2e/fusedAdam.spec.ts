import { expect, test, type Page } from '@playwright/test';
import { decodedAt, expectNoConsoleErrors, waitForReady, watchConsole } from './helpers.ts';

// On WebGPU the trainer's Adam is a fused kernel (src/models/fusedAdam.ts: two dispatches per
// weight instead of fourteen). Same seed, same six steps of the dense GAN: its losses must be
// tfjs's Adam's (the benchmark's plain loop), in fewer GPU dispatches. And the weights read
// back (the snapshots the latent explorer decodes from) are the trained ones: tfjs caches a
// tensor's values on the CPU at a read, which an in-place update must not leave stale.

const LINK = '#model=gan&quality=0&every=100&steps=6';

async function sixSteps(page: Page, faults: string) {
  await page.goto(`/?faults=${faults}${LINK}`);
  await waitForReady(page);
  const untrained = await decodedAt(page, 0);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.waitForFunction(
    () => {
      const s = window.__playground?.status();
      return s?.step === 6 && !s.running;
    },
    null,
    { timeout: 240_000 },
  );
  return {
    ...(await page.evaluate(() => ({
      status: window.__playground!.status(),
      losses: window.__playground!.losses(),
    }))),
    untrained,
    trained: await decodedAt(page, 6),
  };
}

test("the fused Adam kernel trains exactly as tfjs's Adam, in fewer GPU dispatches", async ({
  page,
}) => {
  const errors = watchConsole(page);
  const fused = await sixSteps(page, 'count-gpu');
  const plain = await sixSteps(page, 'count-gpu,plain-loop');
  expect(fused.status.backend).toBe('webgpu');
  expect(fused.losses.steps).toEqual([1, 2, 3, 4, 5, 6]);
  for (const name of ['dLoss', 'gLoss', 'dReal', 'dFake'] as const) {
    const a = fused.losses[name]!;
    const b = plain.losses[name]!;
    expect(a).toHaveLength(6);
    // float32 on the device; β1ᵗ and β2ᵗ are float64 in the fused kernel, float32 in tfjs's.
    a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThan(1e-4 * Math.max(1, Math.abs(v))));
  }
  // Training has moved the losses: equal curves are not two untrained models.
  expect(Math.abs(fused.losses.dReal![5]! - fused.losses.dReal![0]!)).toBeGreaterThan(0.1);
  const ours = fused.status.gpuCalls!.dispatches;
  const theirs = plain.status.gpuCalls!.dispatches;
  test
    .info()
    .annotations.push({ type: 'measured', description: `dispatches ${ours} vs ${theirs}` });
  expect(ours).toBeLessThan(0.75 * theirs);
  // Fewer tensors too: [m; v] in one buffer per weight, no bias-correction scalars.
  expect(fused.status.numTensors).toBeLessThan(plain.status.numTensors);
  // The explorer decodes from the weights of step 6, not from a stale copy of step 0's.
  expect(fused.trained).not.toBe(fused.untrained);
  expect(plain.trained).not.toBe(plain.untrained);
  await expectNoConsoleErrors(errors);
});
