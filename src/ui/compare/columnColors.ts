/** Each column's color: its heading's mark and its line on the shared quality chart. */
export const COLUMN_COLORS = ['#2f6fdf', '#e07b1f', '#8e44c9'] as const;
