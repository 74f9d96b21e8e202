import { useEffect, useRef } from 'react';

/**
 * A square canvas sized for the screen's pixel ratio, so lines and dots stay sharp: its
 * context, drawing in CSS pixels (null without one).
 */
export function fitCanvas(
  canvas: HTMLCanvasElement,
  size: number,
): CanvasRenderingContext2D | null {
  const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
  // Both sides: a fresh canvas is 300 × 150, so a 300-wide one would keep its 150 rows.
  if (canvas.width !== size * dpr || canvas.height !== size * dpr) {
    canvas.width = size * dpr;
    canvas.height = size * dpr;
  }
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/** A canvas (see fitCanvas) drawn again at every render. */
export function useHiDpiCanvas(size: number, draw: (ctx: CanvasRenderingContext2D) => void) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current ? fitCanvas(ref.current, size) : null;
    if (ctx) draw(ctx);
  });
  return ref;
}
