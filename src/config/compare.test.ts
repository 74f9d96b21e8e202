import { describe, expect, it } from 'vitest';
import {
  columnConfig,
  COMPARE_DEMOS,
  compareDemo,
  compareText,
  DEFAULT_COMPARE,
  parseCompare,
  SHARED_FIELDS,
} from './compare.ts';
import { noticeText, parseLink, toHash } from './link.ts';
import { defaultsFor } from './models.ts';

describe('compare mode setups', () => {
  it('reads models and their own fields, in order', () => {
    const { setups, notices } = parseCompare('ae,vae:beta=4,gan:loss=wgangp:dsteps=5');
    expect(notices).toEqual([]);
    expect(setups).toEqual([
      { model: 'ae', patch: {} },
      { model: 'vae', patch: { beta: 4 } },
      { model: 'gan', patch: { loss: 'wgangp', dsteps: 5 } },
    ]);
    expect(compareText(setups)).toBe('ae,vae:beta=4,gan:loss=wgangp:dsteps=5');
  });

  it('leaves out unknown models, duplicates and a fourth setup, each said', () => {
    const { setups, notices } = parseCompare('vae,foo,vae,gan,ae,gan:loss=lsgan');
    expect(compareText(setups)).toBe('vae,gan,ae');
    expect(notices).toEqual([
      { problem: 'unknown', shown: 'foo' },
      { problem: 'duplicate', shown: 'vae' },
      { problem: 'tooMany', shown: 'gan:loss=lsgan' },
    ]);
  });

  it('keeps shared fields shared and drops bad ones, naming the setup', () => {
    const { setups, notices } = parseCompare('vae:latent=8:lr=abc:beta=2,gan:wings=2');
    expect(setups).toEqual([
      { model: 'vae', patch: { beta: 2 } },
      { model: 'gan', patch: {} },
    ]);
    expect(notices).toEqual([
      { problem: 'shared', shown: 'vae: latent=8' },
      { problem: 'field', shown: 'vae: lr=abc' },
      { problem: 'field', shown: 'gan: wings=2' },
    ]);
  });

  it('compares the default three when nothing valid is named', () => {
    const { setups, notices } = parseCompare('cats,');
    expect(compareText(setups)).toBe(DEFAULT_COMPARE);
    expect(notices.map((n) => n.problem)).toEqual(['unknown', 'none']);
  });

  it('gives every column the shared fields over its model’s defaults', () => {
    const shared = { ...defaultsFor('vae'), seed: 7, latent: 2, batch: 64 };
    const gan = columnConfig(shared, { model: 'gan', patch: { dsteps: 2 } });
    expect(gan.model).toBe('gan');
    expect([gan.seed, gan.latent, gan.batch, gan.dsteps]).toEqual([7, 2, 64, 2]);
    expect(gan.lr).toBe(defaultsFor('gan').lr); // not shared: the GAN's own
    const vae = columnConfig(shared, { model: 'vae', patch: {} });
    for (const k of SHARED_FIELDS) expect(vae[k]).toBe(gan[k]);
  });
});

describe('compare mode in the link', () => {
  it('round-trips setups, shared fields and z through toHash', () => {
    const parsed = parseLink('', '#compare=ae,vae,gan:loss=lsgan&seed=3&z=20,-1.5');
    expect(parsed.notices).toEqual([]);
    expect(compareText(parsed.compare!)).toBe('ae,vae,gan:loss=lsgan');
    expect(parsed.config.seed).toBe(3);
    expect(parsed.z).toEqual([20, -1.5]); // an autoencoder's code may lie far out
    const again = parseLink('', toHash(parsed.config, { compare: parsed.compare, z: parsed.z }));
    expect(again.compare).toEqual(parsed.compare);
    expect(again.config).toEqual(parsed.config);
    expect(again.z).toEqual(parsed.z);
  });

  it('says which fields belong to one setup, and trains MNIST instead of uploads', () => {
    const parsed = parseLink('', '#compare=vae,gan&lr=0.01&data=upload&model=gan');
    expect(parsed.config.data).toBe('mnist');
    expect(parsed.notices.map(noticeText)).toEqual([
      'compare: lr=0.01 belongs to one setup (write it as vae:lr=0.01); left out',
      'compare: model=gan is left out; compare= names the models',
      'compare: the columns cannot train on your own images; comparing on MNIST',
    ]);
  });

  it('has demos whose links open without a notice', () => {
    for (const d of COMPARE_DEMOS) {
      const { setups, shared } = compareDemo(d);
      const parsed = parseLink('', toHash(shared, { compare: setups, autoplay: true }));
      expect(parsed.notices).toEqual([]);
      expect(parsed.compare).toEqual(setups);
      expect(parsed.config.data).toBe(d.shared.data);
      expect(parsed.autoplay).toBe(true);
    }
  });
});
