import { useEffect, useRef } from 'react';
import type { RgbaImage } from '../../workers/messages.ts';

/**
 * Draws an RGBA buffer from the worker with putImageData on a 2-D canvas, scaled up crisply
 * (image-rendering: pixelated) by CSS, so no pixel is ever interpolated.
 */
export function PixelCanvas({
  image,
  scale,
  label,
  testId,
}: {
  image: RgbaImage | null;
  scale: number;
  label: string;
  testId: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || !image) return;
    // Setting a canvas's size, even to the one it has, drops its bitmap: the browser would
    // allocate a new one for every decoded image of a drag.
    if (canvas.width !== image.width) canvas.width = image.width;
    if (canvas.height !== image.height) canvas.height = image.height;
    canvas
      .getContext('2d')
      ?.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
  }, [image]);
  return (
    <figure className="pixel-figure">
      <canvas
        ref={ref}
        data-testid={testId}
        className="pixel-canvas"
        role="img"
        aria-label={label}
        // Never wider than its column: the height follows the canvas's own aspect ratio.
        style={image ? { width: image.width * scale, maxWidth: '100%', height: 'auto' } : undefined}
      />
      <figcaption>{label}</figcaption>
    </figure>
  );
}
