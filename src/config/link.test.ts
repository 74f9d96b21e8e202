import { describe, expect, it } from 'vitest';
import { FIELDS, FIELD_KEYS, type FieldKey, type RunConfig } from './fields.ts';
import { defaultsFor } from './models.ts';
import { decodePoints, defaultDrawing, encodePoints, MAX_DRAWN } from './drawing.ts';
import { parseLink, PANELS, toHash, Z_LIMIT } from './link.ts';
import { isValidNumber } from './fields.ts';
import { PRESETS, presetOf } from './presets.ts';
import { mulberry32 } from '../data/random.ts';
import { PLANE_EXTENT } from './datasets.ts';
import { HOSTILE_HASHES } from '../testing/hostileLinks.ts';

/** Every field of the config holds a value its table entry allows. */
function expectValid(config: RunConfig): void {
  expect(Object.keys(config).sort()).toEqual([...FIELD_KEYS].sort());
  for (const k of FIELD_KEYS) {
    const f = FIELDS[k];
    const v = config[k];
    if (f.kind === 'choice') expect(f.options as readonly unknown[]).toContain(v);
    else expect(isValidNumber(f, v as number), `${k} = ${v}`).toBe(true);
  }
}

describe('link parsing', () => {
  it('an empty link gives the defaults and no notices', () => {
    expect(parseLink('', '')).toEqual({
      config: defaultsFor('vae'),
      notices: [],
      ignored: [],
      drawn: null,
      z: null,
      autoplay: false,
      closed: [],
      lang: null,
      fromLink: false,
      fromTrained: false,
      compare: null,
      dirac: null,
      posterior: null,
      graph: false,
      rd: false,
      slow: false,
      y: null,
    });
    expect(toHash(defaultsFor('vae'))).toBe('');
  });

  it('every field round-trips through the hash', () => {
    for (const model of FIELDS.model.options) {
      const c: Record<string, number | string> = { ...defaultsFor(model) };
      for (const k of FIELD_KEYS) {
        const f = FIELDS[k];
        if (k === 'model') continue;
        c[k] =
          f.kind === 'choice' ? f.options[f.options.length - 1]! : f.kind === 'int' ? f.max : f.min;
      }
      const back = parseLink('', toHash(c as RunConfig));
      expect(back.ignored).toEqual([]);
      expect(back.config).toEqual(c);
    }
  });

  it('2-D data has its own defaults, also left out of its links', () => {
    const gan = parseLink('', '#model=gan&data=ring').config;
    expect([gan.latent, gan.layers, gan.hidden, gan.gp]).toEqual([2, 2, 128, 0.1]);
    expect(toHash(gan)).toBe('#model=gan&data=ring');
    expect(toHash({ ...gan, latent: 16 })).toBe('#model=gan&data=ring&latent=16');
  });

  it('a model’s own defaults apply, and are left out of its links', () => {
    const gan = parseLink('', '#model=gan').config;
    expect(gan.lr).toBe(2e-4);
    expect(gan.b1).toBe(0.5);
    expect(toHash(gan)).toBe('#model=gan');
    expect(toHash({ ...gan, lr: 1e-3 })).toBe('#model=gan&lr=0.001');
  });

  it('reads backend from the query string; the hash wins over it', () => {
    expect(parseLink('?backend=cpu', '').config.backend).toBe('cpu');
    expect(parseLink('?backend=cpu', '#backend=webgl').config.backend).toBe('webgl');
  });

  it('bad values fall back to defaults, each with a notice; unknown keys are ignored', () => {
    const { config, ignored } = parseLink(
      '',
      '#batch=0&lr=NaN&latent=2.5&backend=metal&seed=1e400&hidden=&zzz=1&steps=100&model=vae',
    );
    const d = defaultsFor('vae');
    for (const k of ['batch', 'lr', 'latent', 'backend', 'seed', 'hidden'] as FieldKey[]) {
      expect(config[k]).toBe(d[k]);
    }
    expect(config.steps).toBe(100);
    expect(ignored).toHaveLength(6);
    expect(ignored.join('\n')).toMatch(
      /batch: "0" is not a whole number in 1…512; using the default/,
    );
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
      '#model=__proto__&constructor=1&toString=2',
    ];
    for (const h of hostile) {
      const { config, ignored } = parseLink(h, h);
      expect(config.batch).toBeGreaterThanOrEqual(1);
      expect(FIELDS.model.options).toContain(config.model);
      for (const note of ignored) expect(note.length).toBeLessThan(300);
    }
  });

  it('a drawing travels in pts=, to within one byte step, and a bad one is noticed', () => {
    const drawn = defaultDrawing();
    const config = defaultsFor('gan', 'drawn');
    const hash = toHash(config, { drawn });
    expect(hash).toMatch(/^#model=gan&data=drawn&pts=[A-Za-z0-9_-]+$/);
    const back = parseLink('', hash);
    expect(back.config).toEqual(config);
    expect(back.drawn).toHaveLength(drawn.length);
    back.drawn!.forEach((v, i) =>
      expect(Math.abs(v - drawn[i]!)).toBeLessThanOrEqual(2 / 255 + 1e-6),
    );
    expect(toHash({ ...config, data: 'ring' }, { drawn })).not.toMatch(/pts=/);
    for (const bad of ['%%%', 'A', '<script>', 'x'.repeat(5000), '']) {
      const p = parseLink('', `#data=drawn&pts=${bad}`);
      expect(p.drawn).toBeNull();
      expect(p.ignored.join()).toMatch(/pts: .* is not a drawing/);
    }
  });

  it('the latent position travels in z=, rounded to 2 decimals; bad ones are noticed', () => {
    const hash = toHash(defaultsFor('vae'), { z: [0.123, -1.5] });
    expect(hash).toBe('#z=0.12%2C-1.5');
    expect(parseLink('', hash).z).toEqual([0.12, -1.5]);
    expect(toHash(defaultsFor('vae'), { z: [0, 0.001] })).toBe(''); // the origin is the default
    for (const bad of ['1,,2', 'a', '51', `${'1,'.repeat(70)}1`, 'NaN', '1e400']) {
      const p = parseLink('', `#z=${bad}`);
      expect(p.z).toBeNull();
      expect(p.ignored.join()).toMatch(/^z: /);
    }
  });

  it('quantises drawings to bytes over the view and caps them at MAX_DRAWN points', () => {
    const many = new Float32Array(2 * (MAX_DRAWN + 50)).fill(5); // off the view: clamped
    const back = decodePoints(encodePoints(many))!;
    expect(back).toHaveLength(2 * MAX_DRAWN);
    expect(back[0]).toBeCloseTo(2, 6);
  });

  it('autoplay=1 and folded panels travel in the link; bad ones are noticed', () => {
    const hash = toHash(defaultsFor('vae'), { closed: ['explorer', 'how'], autoplay: true });
    expect(hash).toBe('#closed=how%2Cexplorer&autoplay=1');
    const back = parseLink('', hash);
    expect(back).toMatchObject({ autoplay: true, closed: ['how', 'explorer'], ignored: [] });
    expect(parseLink('', '#closed=card').closed).toEqual(['card']);
    const bad = parseLink('', '#autoplay=yes&closed=how,<b>');
    expect(bad.autoplay).toBe(false);
    expect(bad.closed).toEqual(['how']);
    expect(bad.ignored).toEqual([
      'autoplay: "yes" is not 1 or 0; not starting by itself',
      `closed: "<b>" is not a panel (${PANELS.join(', ')})`,
    ]);
  });

  it('a link that names a setup opens with the demo card; the backend alone does not', () => {
    const from = (hash: string, search = '') => parseLink(search, hash).fromLink;
    expect(from('')).toBe(false);
    expect(from('#backend=cpu&lang=zh&closed=how')).toBe(false);
    expect(from('', '?backend=webgl')).toBe(false);
    expect(from('#latent=2&autoplay=1')).toBe(true);
    expect(from('#model=gan&data=ring&backend=cpu')).toBe(true);
    expect(from('', '?model=ae')).toBe(true);
    expect(from('#z=1,2')).toBe(true);
    for (const p of PRESETS) expect(from(toHash(p.config, { autoplay: true })), p.id).toBe(true);
  });

  it('from=trained travels in the link; another value is noticed', () => {
    const hash = toHash(defaultsFor('vae'), { trained: true });
    expect(hash).toBe('#from=trained');
    expect(parseLink('', hash)).toMatchObject({ fromTrained: true, fromLink: true, ignored: [] });
    const bad = parseLink('', '#from=somewhere');
    expect(bad.fromTrained).toBe(false);
    expect(bad.ignored).toEqual(['from: "somewhere" is not trained; starting from scratch']);
  });

  it('a demo is recognised whatever its seed, backend or schedule, and only its own setup', () => {
    for (const p of PRESETS) {
      expect(presetOf(p.config)).toBe(p.id);
      expect(presetOf({ ...p.config, seed: 7, backend: 'cpu', steps: 100, every: 50 })).toBe(p.id);
    }
    expect(presetOf({ ...defaultsFor('vae'), latent: 3 })).toBeNull();
    expect(presetOf({ ...defaultsFor('gan', 'ring'), loss: 'wgangp' })).toBeNull();
  });

  it('every demo is a link that parses back to its setup, with autoplay and no notice', () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      const back = parseLink('', toHash(p.config, { autoplay: true }));
      expect(back.ignored, p.id).toEqual([]);
      expect(back.autoplay).toBe(true);
      expect(back.config, p.id).toEqual(p.config);
      expectValid(p.config);
    }
  });

  it('NaN, ±Infinity and ±1e308 in every field, 10,000 keys and a 1 MB drawing: a valid setup', () => {
    for (const key of FIELD_KEYS) {
      for (const v of ['NaN', 'Infinity', '-Infinity', '1e308', '-1e308', '__proto__']) {
        const parsed = parseLink('', `#${key}=${v}`);
        expectValid(parsed.config);
        expect(parsed.ignored.length, `${key}=${v}`).toBeLessThanOrEqual(1);
      }
    }
    const many = parseLink(
      '',
      `#${Array.from({ length: 10_000 }, (_, i) => `k${i}=${i}`).join('&')}`,
    );
    expect(many.config).toEqual(defaultsFor('vae'));
    const drawing = parseLink('', `#data=drawn&pts=${'0.5,'.repeat(250_000)}0.5`);
    expectValid(drawing.config);
    if (drawing.drawn) expect(drawing.drawn.length).toBeLessThanOrEqual(2 * MAX_DRAWN);
    // Right-to-left overrides and other scripts are values like any other.
    expectValid(parseLink('', '#seed=\u202egnp.exe&model=\u05d2\u05df').config);
    // Test faults come only from the query string, never from a shared link's hash.
    expect(parseLink('', '#faults=crash,lose-device').ignored).toEqual([]);
  });

  it('1,000 random and hostile links never throw and always give a valid setup', () => {
    const rand = mulberry32(2024);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const keys = [...FIELD_KEYS, 'pts', 'z', 'autoplay', 'closed', '__proto__', 'constructor', 'x'];
    const values = [
      '',
      'NaN',
      '-1',
      '-1e308',
      '1e400',
      'Infinity',
      '0x10',
      '1_000',
      ' 3 ',
      '9'.repeat(400),
      'A'.repeat(100_000),
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      '%3Cscript%3E',
      '%25252525',
      '%E0%A4%A',
      '\u0000',
      '😀🚀',
      'ring',
      'gan',
      'on',
      '1,2,3',
      '0.5,-0.5',
    ];
    const junk = ['&', '=', '#', '?', '%', '%%', '&&==', '\n', ';'];
    for (let i = 0; i < 1000; i++) {
      const parts: string[] = [];
      const n = 1 + Math.floor(rand() * 8);
      for (let j = 0; j < n; j++) {
        const r = rand();
        const value =
          r < 0.3 ? String((rand() - 0.3) * 10 ** Math.floor(rand() * 12)) : pick(values);
        const key = pick(keys);
        parts.push(
          r > 0.9 ? pick(junk) : `${key}=${rand() < 0.5 ? encodeURIComponent(value) : value}`,
        );
      }
      const hash = `#${parts.join('&')}`;
      const search = rand() < 0.2 ? `?${pick(parts)}` : '';
      const parsed = parseLink(search, hash);
      expectValid(parsed.config);
      for (const note of parsed.ignored) {
        expect(typeof note).toBe('string');
        expect(note.length).toBeLessThan(300);
      }
      if (parsed.z) for (const v of parsed.z) expect(Math.abs(v)).toBeLessThanOrEqual(Z_LIMIT);
      if (parsed.drawn) {
        expect(parsed.drawn.length % 2).toBe(0);
        for (const v of parsed.drawn) expect(Math.abs(v)).toBeLessThanOrEqual(PLANE_EXTENT);
      }
      // What the page writes back is a clean link that parses to the same setup.
      const again = parseLink('', toHash(parsed.config, parsed));
      expect(again.ignored).toEqual([]);
      expect(again.config).toEqual(parsed.config);
    }
  });

  it('carries the language: lang=zh or lang=en, anything else a notice', () => {
    expect(parseLink('', '#lang=zh').lang).toBe('zh');
    expect(parseLink('?lang=en', '').lang).toBe('en');
    expect(parseLink('', '#model=gan').lang).toBeNull();
    const bad = parseLink('', '#lang=fr');
    expect(bad.lang).toBeNull();
    expect(bad.ignored).toEqual(['lang: "fr" is not one of en, zh']);
    const config = defaultsFor('gan');
    expect(toHash(config, { lang: 'zh' })).toBe('#model=gan&lang=zh');
    expect(parseLink('', toHash(config, { lang: 'zh' })).lang).toBe('zh');
  });

  it('each of the 54 hostile links gives a valid setup, and its bad values a short notice', () => {
    expect(HOSTILE_HASHES).toHaveLength(54);
    for (const hash of HOSTILE_HASHES) {
      const parsed = parseLink('', hash);
      expectValid(parsed.config);
      for (const note of parsed.ignored) expect(note.length, hash.slice(0, 40)).toBeLessThan(300);
      // Written back, it is a clean link.
      expect(parseLink('', toHash(parsed.config, parsed)).ignored).toEqual([]);
    }
    // A script in a value is named in the notice as text, never dropped silently.
    expect(parseLink('', HOSTILE_HASHES[1]!).ignored.join(' ')).toContain('<img src=x onerror');
  });
});

describe('posterior= (the true-posterior view)', () => {
  it('reads a held-out digit or a point, and writes them back', () => {
    const digit = parseLink('', '#model=vae&posterior=3');
    expect(digit.posterior).toEqual({ kind: 'digit', index: 3 });
    expect(toHash(digit.config, { posterior: digit.posterior })).toBe('#posterior=3');
    const point = parseLink('', '#model=vae&data=moons&posterior=-0.5,0.75');
    expect(point.posterior).toEqual({ kind: 'point', x: -0.5, y: 0.75 });
    expect(toHash(point.config, { posterior: { kind: 'point', x: 1 / 3, y: -2 } })).toContain(
      'posterior=0.33%2C-2',
    );
  });

  it('leaves the view closed for what is neither, and says so', () => {
    for (const bad of ['1,x', '1000', '-1', '1,2,3', '9,0', ',1', '']) {
      const parsed = parseLink('', `#model=vae&posterior=${bad}`);
      expect(parsed.posterior, bad).toBeNull();
      expect(parsed.ignored.join(' '), bad).toContain('posterior:');
    }
  });
});

describe('graph= (the model-overview graph)', () => {
  it('opens with 1, stays closed with 0, and names anything else', () => {
    expect(parseLink('', '#graph=1').graph).toBe(true);
    expect(toHash(defaultsFor('vae'), { graph: true })).toBe('#graph=1');
    expect(parseLink('', '#graph=0').ignored).toEqual([]);
    const bad = parseLink('', '#graph=yes');
    expect(bad.graph).toBe(false);
    expect(bad.ignored.join(' ')).toContain('graph: "yes" is not 1 or 0');
    // The rate–distortion view and slow motion, the same way.
    const both = parseLink('', '#rd=1&slow=1');
    expect([both.rd, both.slow]).toEqual([true, true]);
    expect(toHash(defaultsFor('vae'), { rd: true, slow: true })).toBe('#rd=1&slow=1');
    expect(parseLink('', '#slow=2').ignored.join(' ')).toContain('slow: "2" is not 1 or 0');
    // A conditional model's class.
    expect(parseLink('', '#model=cvae&y=7').y).toBe(7);
    expect(toHash(defaultsFor('cvae'), { y: 7 })).toBe('#model=cvae&y=7');
    expect(parseLink('', '#model=cvae&y=12').ignored.join(' ')).toContain('y: "12" is not');
  });
});
