import { describe, expect, it } from 'vitest';
import { FIELDS, defaultConfig, setField } from '../config/fields.ts';
import { parseLink, toHash } from './url.ts';

describe('link parsing', () => {
  it('an empty link gives the defaults and no notices', () => {
    expect(parseLink('', '')).toEqual({ config: defaultConfig(), ignored: [] });
    expect(toHash(defaultConfig())).toBe('');
  });

  it('every field round-trips through the hash', () => {
    const c = defaultConfig();
    for (const f of FIELDS) {
      const v =
        f.kind === 'choice' ? f.options[f.options.length - 1]! : f.kind === 'int' ? f.max : f.min;
      setField(c, f, v);
    }
    const back = parseLink('', toHash(c));
    expect(back.ignored).toEqual([]);
    expect(back.config).toEqual(c);
  });

  it('reads backend from the query string; the hash wins over it', () => {
    expect(parseLink('?backend=cpu', '').config.backend).toBe('cpu');
    expect(parseLink('?backend=cpu', '#backend=webgl').config.backend).toBe('webgl');
  });

  it('bad values fall back to defaults, each with a notice; unknown keys are ignored', () => {
    const { config, ignored } = parseLink(
      '',
      '#batch=0&lr=NaN&latent=2.5&backend=metal&seed=1e400&hidden=&zzz=1&steps=100',
    );
    const d = defaultConfig();
    expect(config.vae).toEqual(d.vae);
    expect(config.backend).toBe('auto');
    expect(config.seed).toBe(d.seed);
    expect(config.stepBudget).toBe(100);
    expect(ignored).toHaveLength(6);
    expect(ignored.join('\n')).toMatch(/batch: "0" is not a whole number in 1…512; using 32/);
    expect(ignored.join('\n')).toMatch(/backend: "metal" is not one of auto, webgpu, webgl, cpu/);
    expect(ignored.join('\n')).not.toMatch(/zzz/);
  });

  it('never throws on hostile links, and quotes long values only in part', () => {
    const hostile = [
      '#%E0%A4%A',
      '#seed=%',
      `#seed=${'9'.repeat(100_000)}`,
      '#lr="><img src=x onerror=alert(1)>',
      '#&&&==&=',
      '#batch=-1e308&latent=Infinity',
      '#seed=%F0%9F%98%80',
    ];
    for (const h of hostile) {
      const { config, ignored } = parseLink(h, h);
      expect(config.vae.batchSize).toBeGreaterThanOrEqual(1);
      for (const note of ignored) expect(note.length).toBeLessThan(300);
    }
  });
});
