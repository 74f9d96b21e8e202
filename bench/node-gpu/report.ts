import { readFileSync } from 'node:fs';
import { gpuSection, writeGpuSection } from './gpuReport.ts';

// Rewrites BENCHMARKS.md's Node GPU section from a results file, e.g. one brought back from a
// GPU machine: node bench/node-gpu/dist/report.mjs bench/results/<date>-node-gpu.json

const [json, md = 'BENCHMARKS.md'] = process.argv.slice(2);
if (!json) throw new Error('usage: report.mjs <results json> [BENCHMARKS.md]');
const section = gpuSection(JSON.parse(readFileSync(json, 'utf8')));
writeGpuSection(md, section);
console.log(section);
