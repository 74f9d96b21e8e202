import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// Gives Node what a browser worker has for WebGPU, from Dawn's Node binding (the `webgpu`
// package's dawn.node, the WebGPU implementation inside Chrome): navigator.gpu, the GPU*
// classes (the dispatch counter wraps their prototypes) and `self`. Imported before tfjs's
// WebGPU backend, which registers itself only where navigator.gpu exists when it loads.

interface DawnBinding {
  create(flags: string[]): GPU;
  globals: Record<string, unknown>;
}

const require = createRequire(import.meta.url);

/** DAWN_NODE, else the binding of an installed `webgpu` package (not a dependency: ~100 MB). */
function dawnPath(): string {
  if (process.env.DAWN_NODE) return process.env.DAWN_NODE;
  try {
    const dir = dirname(require.resolve('webgpu/package.json'));
    return join(dir, 'dist', `${process.platform}-${process.arch}`, 'dawn.node');
  } catch {
    throw new Error(
      'No Dawn: run `npm install --no-save webgpu@0.6.2`, or set DAWN_NODE to a dawn.node file.',
    );
  }
}

const dawn = require(dawnPath()) as DawnBinding;
Object.assign(globalThis, dawn.globals);
// Dawn's own flags, e.g. DAWN_FLAGS=backend=vulkan (comma separated); none by default.
const gpu = dawn.create(process.env.DAWN_FLAGS ? process.env.DAWN_FLAGS.split(',') : []);
Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true });
Object.defineProperty(globalThis, 'self', { value: globalThis, configurable: true });
