import { describe, expect, it } from 'vitest';
import { layerChain } from './layerChain.ts';
import type { LayerInfo } from '../../workers/messages.ts';

const layer = (
  name: string,
  type: string,
  units: number | undefined,
  params: number,
): LayerInfo => ({
  name,
  type,
  units,
  output: [units ?? 1],
  params,
});

describe('layerChain', () => {
  it('lists the layers with weights in order, and the VAE’s two heads side by side', () => {
    const encoder = {
      name: 'encoder',
      params: 0,
      layers: [
        layer('x', 'InputLayer', undefined, 0),
        layer('enc_1', 'Dense', 256, 200_960),
        layer('z_mean', 'Dense', 2, 514),
        layer('z_log_var', 'Dense', 2, 514),
      ],
    };
    expect(layerChain(encoder)).toBe('Dense 256 → Dense 2 (μ) ‖ Dense 2 (log σ²)');
    const generator = {
      name: 'generator',
      params: 0,
      layers: [
        layer('g1', 'Dense', 128, 384),
        layer('act', 'LeakyReLU', undefined, 0),
        layer('g2', 'Dense', 2, 258),
      ],
    };
    expect(layerChain(generator)).toBe('Dense 128 → Dense 2');
  });
});
