import type { ReactElement, ReactNode } from 'react';
import type { en } from './en.tsx';

// A catalog's type, made from the English one: the same keys, the same parameters; strings
// are any strings, and React nodes (or a function that gives them) may be any. zh.tsx is declared with
// it, so a key missing in one language, or one too many, does not compile.

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (
        ...args: A
      ) => [R] extends [string] ? string : [R] extends [ReactElement] ? ReactNode : Widen<R>
    : T extends ReactElement
      ? ReactNode
      : { [K in keyof T]: Widen<T[K]> };

export type Catalog = Widen<typeof en>;
