import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The house rules of src/, checked by ESLint (eslint.config.js) rather than by memory.
//
// `architecture/folders`: which folder may import which. The page (app, ui, state, clients)
// never runs tfjs: it sees the workers only through their message types. Each worker has its
// folder (entry, logic, protocol); workers share code only through workers/shared and each
// other's protocol.ts, and speak workers/messages.ts. config, data and metrics are plain TypeScript that every side may use.
//
// `architecture/no-cycles`: no two modules import each other, directly or around a loop, type
// imports included.

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');
const PURE = ['config', 'data', 'metrics'];
const COMPUTE = ['models', 'kernels', 'tf', 'bridge', ...PURE];

/** What each folder may import (values and types). */
export const ALLOWED = {
  config: ['config'],
  metrics: ['metrics', 'config'],
  data: ['data', 'config', 'metrics'],
  bridge: ['bridge'],
  tf: ['tf'],
  workers: ['workers', ...PURE],
  kernels: ['kernels', 'tf', 'config', 'data'],
  models: ['models', 'kernels', 'tf', ...PURE],
  'workers/shared': ['workers/shared', ...COMPUTE],
  'workers/train': ['workers/train', 'workers/shared', ...COMPUTE],
  'workers/mirror': ['workers/mirror', 'workers/shared', ...COMPUTE],
  'workers/parity': ['workers/parity', 'workers/shared', ...COMPUTE],
  'workers/judge': ['workers/judge', 'tf', 'bridge', ...PURE],
  'workers/decoder': ['workers/decoder', 'bridge', ...PURE],
  i18n: ['i18n', ...PURE],
  clients: ['clients', 'bridge', ...PURE],
  state: ['state', 'clients', 'bridge', 'i18n', ...PURE],
  ui: ['ui', 'state', 'i18n', ...PURE],
  app: ['app', 'ui', 'state', 'i18n', ...PURE],
};
/** Folders that run on the page: they may import the workers' types, never their code. */
const PAGE = new Set(['clients', 'state', 'ui', 'app']);
/** Folders that may import tfjs's packages. */
const TFJS = new Set(['tf', 'kernels', 'workers/shared']);

/** The folder a file belongs to; null outside src and for tests and test helpers. */
export function zoneOf(file) {
  const rel = path.relative(SRC, file).split(path.sep);
  if (rel[0] === '..' || rel.length === 0) return null;
  const name = rel[rel.length - 1];
  if (/\.test\.tsx?$/.test(name) || rel[0] === 'testing') return null;
  if (rel.length === 1) return 'app';
  if (rel[0] === 'workers' && rel.length > 2) return `workers/${rel[1]}`;
  return rel[0];
}

const isTypeOnly = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));

function check(file, node, report) {
  const from = zoneOf(file);
  const source = node.source?.value;
  if (from === null || typeof source !== 'string') return;
  if (!source.startsWith('.')) {
    if (source.startsWith('@tensorflow/') && !TFJS.has(from)) {
      report(`${from} may not import tfjs (${source}): tfjs lives in src/tf, kernels and workers`);
    }
    return;
  }
  const target = path.resolve(path.dirname(file), source);
  const to = zoneOf(target);
  if (to === null || ALLOWED[from]?.includes(to)) return;
  const rel = path.relative(SRC, target);
  if (from.startsWith('workers/') && (to === 'workers' || rel.endsWith('protocol.ts'))) {
    return; // the workers' shared messages, or another's protocol (training asks the judge)
  }
  if (PAGE.has(from) && to.startsWith('workers') && isTypeOnly(node)) return;
  report(
    `${from} may not import ${to} (src/${rel})` +
      (PAGE.has(from) && to.startsWith('workers') ? ': the page sees only workers’ types' : '') +
      `; ${from} may import ${ALLOWED[from]?.join(', ') ?? 'nothing'}`,
  );
}

// The module graph of src/, for cycles: built once per ESLint run.
let graph = null;
const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gm;

function buildGraph() {
  const files = readdirSync(SRC, { recursive: true })
    .map((f) => path.join(SRC, f))
    .filter((f) => /\.tsx?$/.test(f) && zoneOf(f) !== null);
  const edges = new Map();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const to = [...text.matchAll(IMPORT)].map((m) => path.resolve(path.dirname(f), m[1]));
    edges.set(
      f,
      to.filter((t) => zoneOf(t) !== null),
    );
  }
  return edges;
}

/** A path from `start` back to `goal` in the graph (file → its imports), or null. */
export function pathBack(edges, start, goal) {
  const seen = new Set();
  const stack = [[start, [start]]];
  while (stack.length) {
    const [node, trail] = stack.pop();
    if (node === goal) return trail;
    if (seen.has(node)) continue;
    seen.add(node);
    for (const next of edges.get(node) ?? []) stack.push([next, [...trail, next]]);
  }
  return null;
}

const folders = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const visit = (node) =>
      check(context.filename, node, (message) => context.report({ node, message }));
    return {
      ImportDeclaration: visit,
      ExportNamedDeclaration: visit,
      ExportAllDeclaration: visit,
      ImportExpression(node) {
        if (node.source.type === 'Literal') visit({ source: node.source, importKind: 'value' });
      },
    };
  },
};

const noCycles = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.filename;
    if (zoneOf(file) === null) return {};
    graph ??= buildGraph();
    const visit = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      const loop = pathBack(graph, target, file);
      if (!loop) return;
      const names = [file, ...loop].map((f) => path.relative(SRC, f));
      context.report({ node, message: `import cycle: ${names.join(' → ')}` });
    };
    return { ImportDeclaration: visit, ExportNamedDeclaration: visit, ExportAllDeclaration: visit };
  },
};

export default { rules: { folders, 'no-cycles': noCycles } };
