import type { ESLint } from 'eslint';

// Types of architecture.js (plain JavaScript, so that eslint.config.js loads it as it is).

declare const plugin: ESLint.Plugin;
export default plugin;
export const ALLOWED: Record<string, string[]>;
export function zoneOf(file: string): string | null;
export function pathBack(
  edges: Map<string, string[]>,
  start: string,
  goal: string,
): string[] | null;
