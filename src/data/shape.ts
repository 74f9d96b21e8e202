/** The data's shape: images are height × width × channels; 2-D points are 1 × 2 × 1. */
export interface DataShape {
  /** Images live in [0, 1]; points anywhere in the plane, so models give them linear outputs. */
  kind: 'image' | 'points';
  height: number;
  width: number;
  channels: number;
}

export const flatSize = (s: DataShape): number => s.height * s.width * s.channels;
