import { expect, test, type Page } from '@playwright/test';
import { decodedAt, expectNoConsoleErrors, waitForReady, watchConsole } from './helpers.ts';

// On WebGPU the trainer uses our kernels: the fused Adam (src/kernels/fusedAdam.ts, one
// dispatch per network instead of fourteen per weight) and the dense GAN's and VAE's fused steps
// (src/models/fusedSteps.ts: one kernel per dense layer and per loss, lazy gradients). Same
// seed, same six steps: the losses must be those of tfjs's ops and Adam (the benchmark's plain
// loop), in far fewer GPU dispatches. And the weights read back (the snapshots the latent
// explorer decodes from) are the trained ones: tfjs caches a tensor's values on the CPU at a
// read, which an in-place update must not leave stale.

async function sixSteps(page: Page, model: string, faults: string) {
  await page.goto(`/?faults=${faults}&backend=webgpu#model=${model}&quality=0&every=100&steps=6`);
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

const CASES = [
  { model: 'gan', metrics: ['dLoss', 'gLoss', 'dReal', 'dFake'], moves: 'dReal' },
  { model: 'vae', metrics: ['reconstruction', 'kl', 'total'], moves: 'reconstruction' },
] as const;

for (const { model, metrics, moves } of CASES) {
  test(`the ${model} trains with our kernels exactly as with tfjs's ops, in a third of the dispatches`, async ({
    page,
  }) => {
    const errors = watchConsole(page);
    const fused = await sixSteps(page, model, 'count-gpu');
    const plain = await sixSteps(page, model, 'count-gpu,plain-loop');
    expect(fused.status.backend).toBe('webgpu');
    expect(fused.losses.steps).toEqual([1, 2, 3, 4, 5, 6]);
    for (const name of metrics) {
      const a = fused.losses[name]!;
      const b = plain.losses[name]!;
      expect(a).toHaveLength(6);
      // float32 on the device, sums in another order; β1ᵗ and β2ᵗ are float64 in our Adam.
      a.forEach((v, i) =>
        expect(Math.abs(v - b[i]!)).toBeLessThan(1e-4 * Math.max(1, Math.abs(v))),
      );
    }
    // Training has moved the losses: equal curves are not two untrained models.
    const curve = fused.losses[moves]!;
    expect(Math.abs(curve[5]! - curve[0]!)).toBeGreaterThan(0.1);
    // Over the whole run (six steps and the pictures at steps 0 and 6). Per training step the
    // benchmark measures under a tenth (npm run bench, BENCHMARKS.md).
    const ours = fused.status.gpuCalls!.dispatches;
    const theirs = plain.status.gpuCalls!.dispatches;
    test
      .info()
      .annotations.push({ type: 'measured', description: `dispatches ${ours} vs ${theirs}` });
    expect(ours).toBeLessThan(0.4 * theirs);
    // Bind groups and uniform buffers reused from the steps before (bindGroupCache.ts,
    // uniformCache.ts); the plain loop is stock tfjs, without either. Six steps are mostly
    // the first ones, whose buffers are new, and uniforms are kept from their second use on
    // (in a long run: npm run bench).
    const calls = fused.status.gpuCalls!;
    test.info().annotations.push({
      type: 'measured',
      description: `reused: bind groups ${calls.bindGroupsReused}/${calls.bindGroups}, uniforms ${calls.uniformsReused}/${calls.uniforms}`,
    });
    expect(calls.bindGroupsReused).toBeGreaterThan(0.1 * calls.bindGroups);
    expect(calls.uniformsReused).toBeGreaterThan(0.3 * calls.uniforms);
    expect(plain.status.gpuCalls!.uniforms).toBe(0);
    // Fewer tensors too: one flat buffer of weights and moments per network, no bias-correction
    // scalars.
    expect(fused.status.numTensors).toBeLessThan(plain.status.numTensors);
    // The explorer decodes from the weights of step 6, not from a stale copy of step 0's.
    expect(fused.trained).not.toBe(fused.untrained);
    expect(plain.trained).not.toBe(plain.untrained);
    expectNoConsoleErrors(errors);
  });
}
