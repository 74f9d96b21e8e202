import { LANG_TAG, type Lang } from '../config/lang.ts';

// Numbers and dates as each language writes them (Intl), e.g. 10,000 and 10,000 alike, 3.5 s.

export const formatNumber = (lang: Lang, n: number, options?: Intl.NumberFormatOptions): string =>
  new Intl.NumberFormat(LANG_TAG[lang], options).format(n);

export const formatDate = (lang: Lang, ms: number): string =>
  new Date(ms).toLocaleString(LANG_TAG[lang]);

/** 42 s, 3.5 min, 1.2 h: a duration as a person would say it, in units Intl names. */
export function formatDuration(lang: Lang, seconds: number): string {
  const unit = (value: number, u: 'second' | 'minute' | 'hour', digits: number) =>
    formatNumber(lang, value, {
      style: 'unit',
      unit: u,
      unitDisplay: 'short',
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    });
  if (seconds < 90) return unit(Math.round(seconds), 'second', 0);
  if (seconds < 90 * 60) return unit(seconds / 60, 'minute', 1);
  return unit(seconds / 3600, 'hour', 1);
}

/** 790 kB, 1.2 MB: a size in bytes, in the unit that keeps it short. */
export function formatBytes(lang: Lang, n: number): string {
  const mb = n >= 1e6;
  return formatNumber(lang, mb ? n / 1e6 : Math.round(n / 1e3), {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: mb ? 1 : 0,
    minimumFractionDigits: mb ? 1 : 0,
  });
}
