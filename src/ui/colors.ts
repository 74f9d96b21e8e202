// Real and generated data have one color each, everywhere on the page: the 2-D view's points
// and heatmap, the chart's D(x) and D(G(z)) lines, the explainer's words.
export const REAL_COLOR = '#1f9d55';
export const FAKE_COLOR = '#8e44c9';
/** What the person drew (draw-your-own data). */
export const DRAWN_COLOR = '#1d2330';
/** The generator's manifold lines. */
export const MANIFOLD_COLOR = 'rgba(60, 70, 90, 0.45)';
export const ARROW_COLOR = 'rgba(120, 40, 170, 0.85)';

/** '#rrggbb' → [r, g, b]. */
export function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** One color per digit class, 0–9 (the code maps' points and their legend). */
export const CLASS_COLORS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
] as const;
