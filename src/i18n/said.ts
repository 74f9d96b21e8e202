import type { Catalog } from './catalog.ts';

/**
 * A message the page keeps to show later: plain text (a worker's or the browser's own words),
 * or words to say in whatever language the page has when it is shown.
 */
export type Said = string | ((t: Catalog) => string);

export const say = (t: Catalog, said: Said): string => (typeof said === 'string' ? said : said(t));
