import { useEffect, useRef } from 'react';

/** A canvas sized for the screen's pixel ratio, so lines and dots stay sharp. */
export function useHiDpiCanvas(size: number, draw: (ctx: CanvasRenderingContext2D) => void) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
    // Both sides: a fresh canvas is 300 × 150, so a 300-wide one would keep its 150 rows.
    if (canvas.width !== size * dpr || canvas.height !== size * dpr) {
      canvas.width = size * dpr;
      canvas.height = size * dpr;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    draw(ctx);
  });
  return ref;
}
