import * as tf from '../../tf/tfjs.ts';
import type { GenerativeModel } from '../../models/types.ts';
import type { DeviceData } from './deviceData.ts';
import type { PlaneView } from './protocol.ts';
import { POINT_SETS, type DataSetId } from '../../config/datasets.ts';
import { toyDensity } from '../../data/toyDensity.ts';
import type { ToySetId } from '../../data/toy2d.ts';
import { optimalDiscriminator } from '../../metrics/optimalD.ts';

// What GAN Lab-style 2-D views draw, computed on the device and read back in one go:
//   real points, generated points G(z) for fixed z, D's output on a HEAT_RES² grid over the
//   view, the image under G (or the decoder) of a grid in latent space (the "manifold"), the
//   direction G's loss pushes each generated point, and (VAE, AE) the codes of real points.

export const HEAT_RES = 40;
/** Manifold lines: a MANIFOLD_SIDE² grid over [−MANIFOLD_RANGE, MANIFOLD_RANGE]² in (z₀, z₁). */
export const MANIFOLD_SIDE = 21;
export const MANIFOLD_RANGE = 2.5;
/** Generated points that get a gradient arrow. */
export const ARROWS = 120;

/** p_data on the heat grid, per toy set and extent (it never changes). */
const dataDensity = new Map<string, Float32Array>();

/** D* on the heat grid against G's samples `fake`, for a toy set (else null: no closed form). */
function optimalOnGrid(
  set: DataSetId,
  fake: Float32Array,
  extent: number,
): { res: number; values: Float32Array<ArrayBuffer> } | null {
  if (!POINT_SETS.has(set) || set === 'drawn') return null;
  const centres = heatGrid(HEAT_RES, extent);
  const key = `${set}:${extent}`;
  let pData = dataDensity.get(key);
  if (!pData) {
    pData = new Float32Array(HEAT_RES * HEAT_RES);
    for (let i = 0; i < pData.length; i++) {
      pData[i] = toyDensity(set as ToySetId, centres[2 * i]!, centres[2 * i + 1]!);
    }
    dataDensity.set(key, pData);
  }
  return {
    res: HEAT_RES,
    values: optimalDiscriminator(pData, centres, fake) as Float32Array<ArrayBuffer>,
  };
}

/** Centres of a res × res grid over [−e, e]², row 0 at the top (y = +e), as (x, y) pairs. */
export function heatGrid(res: number, e: number): Float32Array {
  const out = new Float32Array(res * res * 2);
  const cell = (2 * e) / res;
  for (let r = 0; r < res; r++) {
    for (let c = 0; c < res; c++) {
      out[2 * (r * res + c)] = -e + (c + 0.5) * cell;
      out[2 * (r * res + c) + 1] = e - (r + 0.5) * cell;
    }
  }
  return out;
}

/** Latent codes sweeping z₀ (columns) and z₁ (rows) over the manifold grid, other dims 0. */
export function manifoldCodes(latent: number): Float32Array {
  const side = MANIFOLD_SIDE;
  const out = new Float32Array(side * side * latent);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const at = (r * side + c) * latent;
      out[at] = -MANIFOLD_RANGE + (2 * MANIFOLD_RANGE * c) / (side - 1);
      out[at + 1] = -MANIFOLD_RANGE + (2 * MANIFOLD_RANGE * r) / (side - 1);
    }
  }
  return out;
}

export async function renderPlane(
  model: GenerativeModel,
  data: DeviceData,
  fixedZ: tf.Tensor2D,
  step: number,
  extent: number,
  /** Draw D*: a GAN whose D is a classifier (not a WGAN critic, whose optimum differs). */
  withOptimal = false,
): Promise<PlaneView> {
  const d = model.latentDim;
  const fake = model.generate(fixedZ);
  const manifold = tf.tidy(() =>
    model.generate(tf.tensor2d(manifoldCodes(d), [MANIFOLD_SIDE * MANIFOLD_SIDE, d])),
  );
  const heat = model.critic
    ? tf.tidy(() =>
        model.critic!(tf.tensor2d(heatGrid(HEAT_RES, extent), [HEAT_RES * HEAT_RES, 2])),
      )
    : null;
  const arrows = model.generatorPush
    ? tf.tidy(() =>
        model.generatorPush!(fixedZ.slice([0, 0], [Math.min(ARROWS, fixedZ.shape[0]), d])),
      )
    : null;
  const codes = model.encodeMean
    ? tf.tidy(() =>
        model.encodeMean!(tf.tensor2d(data.trainPreview, [data.previewCount, 2])).slice(
          [0, 0],
          [-1, 2],
        ),
      )
    : null;
  const read = async (t: tf.Tensor | null) =>
    t ? ((await t.data()) as Float32Array<ArrayBuffer>) : null;
  try {
    const [f, m, h, from, push, c] = await Promise.all([
      read(fake),
      read(manifold),
      read(heat),
      read(arrows?.[0] ?? null),
      read(arrows?.[1] ?? null),
      read(codes),
    ]);
    return {
      step,
      extent,
      real: data.trainPreview.slice(),
      fake: f!,
      heat: h ? { res: HEAT_RES, values: h, probability: h.every((v) => v >= 0 && v <= 1) } : null,
      manifold: { side: MANIFOLD_SIDE, points: m! },
      arrows: from && push ? { from, push } : null,
      codes: c,
      optimal: withOptimal ? optimalOnGrid(data.label.set, f!, extent) : null,
    };
  } finally {
    tf.dispose([fake, manifold, heat, codes, ...(arrows ?? [])].filter((t) => t !== null));
  }
}

/** The buffers of a view, for postMessage's transfer list. */
export function planeBuffers(v: PlaneView): ArrayBuffer[] {
  const out: ArrayBuffer[] = [v.real.buffer, v.fake.buffer, v.manifold.points.buffer];
  if (v.heat) out.push(v.heat.values.buffer);
  if (v.arrows) out.push(v.arrows.from.buffer, v.arrows.push.buffer);
  if (v.codes) out.push(v.codes.buffer);
  if (v.optimal) out.push(v.optimal.values.buffer);
  return out;
}
