import { memo } from 'react';
import type { Family } from '../../config/models.ts';
import type { RunSnapshot } from '../../state/runStore.ts';
import { PixelCanvas } from './PixelCanvas.tsx';
import { imageToPng } from './pngExport.ts';
import { downloadBlob } from '../../state/download.ts';

async function downloadSamples(images: NonNullable<RunSnapshot['images']>): Promise<void> {
  downloadBlob(`samples-step${images.step}.png`, await imageToPng(images.samples, 2));
}

/** The fixed-noise sample grid, and below it reconstructions or real images. */
export const SampleImages = memo(function SampleImages({
  images,
  family,
}: {
  images: RunSnapshot['images'];
  family: Family;
}) {
  return (
    <>
      <h2 id="images-title">
        Samples{images ? <span className="muted"> · step {images.step}</span> : null}
      </h2>
      <PixelCanvas
        testId="samples"
        image={images?.samples ?? null}
        scale={2}
        label={
          family === 'gan'
            ? 'G(z) for 64 fixed noise vectors z ~ N(0, I)'
            : 'Decoded from 64 fixed codes z ~ N(0, I)'
        }
      />
      {images ? (
        <button
          type="button"
          className="small-button"
          onClick={() => void downloadSamples(images)}
          data-testid="download-png"
        >
          Download the grid as PNG
        </button>
      ) : null}
      {images ? (
        <PixelCanvas
          testId="second"
          image={images.second.image}
          scale={2}
          label={
            images.second.kind === 'reconstructions'
              ? 'Held-out images (top) and their reconstructions (bottom)'
              : 'Real training images, for comparison'
          }
        />
      ) : null}
    </>
  );
});
