import * as tf from '../tf/tfjs.ts';
import { cpuTfjs } from '../tf/cpu.ts';

// Unit tests run tfjs on its pure-JS CPU backend in Node.
export async function useCpuBackend(): Promise<typeof tf> {
  await cpuTfjs();
  return tf;
}
