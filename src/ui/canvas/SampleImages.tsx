import { memo } from 'react';
import type { Family } from '../../config/models.ts';
import type { RunSnapshot } from '../../state/runStore.ts';
import { PixelCanvas } from './PixelCanvas.tsx';
import { imageToPng } from './pngExport.ts';
import { downloadBlob } from '../../state/download.ts';
import { useText } from '../../i18n/text.ts';

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
  const t = useText();
  return (
    <>
      <h2 id="images-title">
        {t.samples.title}
        {images ? <span className="muted">{t.app.atStep(images.step)}</span> : null}
      </h2>
      <PixelCanvas
        testId="samples"
        image={images?.samples ?? null}
        scale={2}
        label={family === 'gan' ? t.samples.generated : t.samples.decoded}
      />
      {images ? (
        <button
          type="button"
          className="small-button"
          onClick={() => void downloadSamples(images)}
          data-testid="download-png"
        >
          {t.samples.download}
        </button>
      ) : null}
      {images ? (
        <PixelCanvas
          testId="second"
          image={images.second.image}
          scale={2}
          label={
            images.second.kind === 'reconstructions' ? t.samples.reconstructions : t.samples.real
          }
        />
      ) : null}
    </>
  );
});
