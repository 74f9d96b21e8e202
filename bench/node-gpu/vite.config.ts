import { defineConfig } from 'vite';

// Bundles the Node GPU benchmark (trainerVsPlain.ts, with tfjs) and its report writer into
// files that need only Node and dawn.node, so they can be carried to a GPU machine without
// node_modules.
export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'bench/node-gpu/dist',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: {
        trainerVsPlain: 'bench/node-gpu/trainerVsPlain.ts',
        report: 'bench/node-gpu/report.ts',
      },
      output: { entryFileNames: '[name].mjs' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
