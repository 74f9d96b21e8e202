import { createContext, useContext } from 'react';
import type { Catalog } from './catalog.ts';
import { en } from './en.tsx';
import type { Lang } from '../config/lang.ts';
import { zh } from './zh.tsx';

// The page's words in each language, and the hook components read them with.

export const CATALOGS: Record<Lang, Catalog> = { en, zh };

export const TextContext = createContext<Catalog>(en);

/** The catalog of the page's language now. */
export const useText = (): Catalog => useContext(TextContext);
