import type { RunConfig } from './fields.ts';
import { defaultsFor } from './models.ts';

// The demo gallery: each demo is nothing but a link (the setup and `autoplay=1`), so a demo
// and a shared link are the same thing. The hashes are written by url.ts's toHash from these
// patches; a unit test checks every one parses back without a notice.

export const PRESET_IDS = [
  'vae-2d',
  'ae-2d',
  'beta-vae',
  'dcgan',
  'conv-vae',
  'ring-gan',
  'wgan-spiral',
  'vae-moons',
  'draw-gan',
  'cvae',
  'cgan',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** A demo; its title and what to watch for are the page's words (src/i18n). */
export interface Preset {
  id: PresetId;
  config: RunConfig;
}

const preset = (id: PresetId, patch: Partial<RunConfig> & Pick<RunConfig, 'model'>): Preset => ({
  id,
  config: { ...defaultsFor(patch.model, patch.data), ...patch },
});

export const PRESETS: readonly Preset[] = [
  preset('vae-2d', { model: 'vae', latent: 2 }),
  preset('ae-2d', { model: 'ae', latent: 2 }),
  preset('beta-vae', { model: 'vae', beta: 4, latent: 8 }),
  preset('dcgan', { model: 'gan', arch: 'article', batch: 16, every: 5 }),
  preset('conv-vae', { model: 'vae', arch: 'article', latent: 2 }),
  preset('ring-gan', { model: 'gan', data: 'ring' }),
  preset('wgan-spiral', { model: 'gan', data: 'spiral', loss: 'wgangp', dsteps: 5 }),
  preset('vae-moons', { model: 'vae', data: 'moons' }),
  preset('draw-gan', { model: 'gan', data: 'drawn' }),
  preset('cvae', { model: 'cvae', latent: 2 }),
  preset('cgan', { model: 'cgan' }),
];

/** Fields that change how a run is watched or where it runs, not what it teaches. */
const NOT_THE_LESSON: ReadonlySet<keyof RunConfig> = new Set([
  'backend',
  'seed',
  'steps',
  'every',
  'quality',
]);

/** The demo a setup is (whatever its seed, backend and schedule), or null for another setup. */
export function presetOf(config: RunConfig): PresetId | null {
  const same = (p: Preset) =>
    (Object.keys(p.config) as (keyof RunConfig)[]).every(
      (k) => NOT_THE_LESSON.has(k) || p.config[k] === config[k],
    );
  return PRESETS.find(same)?.id ?? null;
}
