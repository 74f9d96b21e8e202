import type { RgbaImage } from '../../workers/messages.ts';

/** The image as a PNG, each pixel a scale × scale block (no smoothing). */
export function imageToPng(image: RgbaImage, scale: number): Promise<Blob> {
  const source = document.createElement('canvas');
  source.width = image.width;
  source.height = image.height;
  source.getContext('2d')!.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
  const out = document.createElement('canvas');
  out.width = image.width * scale;
  out.height = image.height * scale;
  const ctx = out.getContext('2d')!;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(source, 0, 0, out.width, out.height);
  return new Promise((resolve, reject) =>
    out.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))),
      'image/png',
    ),
  );
}
