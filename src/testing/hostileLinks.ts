// Fifty-four hostile or broken link hashes: script payloads, broken encodings, huge and negative
// numbers, unicode and right-to-left text, nested encodings, prototype keys, a 1 MB drawing,
// 10,000 keys, test faults in the hash (they come only from the query string). Each payload
// that could run sets window.__pwned, so a test can tell that nothing ran.

const big = 'A'.repeat(100_000);
const pwn = 'window.__pwned=1';

export const HOSTILE_HASHES: readonly string[] = [
  `#seed=<script>${pwn}</script>`,
  `#lr="><img src=x onerror="${pwn}">`,
  `#model=<svg onload=${pwn}>`,
  `#data=javascript:${pwn}`,
  `#z=<iframe src="javascript:${pwn}">`,
  `#pts=<script>${pwn}</script>`,
  `#closed=<img src=x onerror=${pwn}>`,
  `#autoplay=<script>${pwn}</script>`,
  `#${encodeURIComponent(`<script>${pwn}</script>`)}=1`,
  `#seed=${encodeURIComponent(encodeURIComponent(`<img src=x onerror=${pwn}>`))}`,
  `#hidden=${big}`,
  `#pts=${big}`,
  `#z=${'1,'.repeat(30_000)}1`,
  `#${big}=1`,
  '#seed=%',
  '#seed=%E0%A4%A',
  '#%%%%%%',
  '#&&&==&=&',
  '#=1&=2&==',
  '#batch=-1',
  '#batch=0',
  '#batch=-1e308',
  '#batch=1e308',
  '#latent=Infinity',
  '#latent=-Infinity',
  '#lr=NaN',
  '#lr=0x10',
  '#lr=1e-400',
  '#hidden=2.5',
  '#layers=99999999999999999999',
  '#seed=-42',
  '#steps=-1',
  '#every=0',
  '#beta=-3',
  '#model=__proto__',
  '#__proto__=1&constructor=2&toString=3',
  '#model=VAE',
  '#model=gan&loss=wasserstein',
  '#data=../../etc/passwd',
  '#data=ring%00',
  '#seed=%F0%9F%98%80',
  '#seed=😀&model=🚀',
  '#lr=١٢٣',
  '#batch=３２',
  '#seed=%25252525252525',
  '#z=NaN,NaN',
  '#z=1e400',
  '#z=,,,',
  '#digits=0&digits=-5&digits=2048',
  '#backend=metal&arch=transformer&opt=lion&act=gelu',
  '#seed=\u202egnp.exe&model=\u05d2\u05df&data=\u0631\u064a\u0646\u063a',
  `#data=drawn&pts=${'0.5,'.repeat(250_000)}0.5`,
  `#${Array.from({ length: 10_000 }, (_, i) => `k${i}=${i}`).join('&')}`,
  '#faults=crash,lose-device',
];

/**
 * The ones a page is opened with end to end: every script payload (what a notice could put
 * into the page), right-to-left text, the largest, and test faults in the hash. The parser
 * meets all of them in src/config/link.test.ts.
 */
export const RENDERED_HOSTILE_HASHES: readonly string[] = [
  ...HOSTILE_HASHES.slice(0, 10),
  ...HOSTILE_HASHES.filter((h) => h.includes('\u202e') || h.length > 50_000),
  '#faults=crash,lose-device',
];
