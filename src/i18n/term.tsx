import { createContext, useContext, type ReactNode } from 'react';
import type { TermId } from '../config/glossary.ts';

// A term of the glossary where it occurs in the page's words. The catalogs mark terms with
// `<Term id>`; the page supplies how a marked term is shown (ui/guide/TermPopover: its plain
// words on hover, focus or tap) through TermContext, so the catalogs never import the UI.

/** Shows a marked term: `children` are its words as they occur. */
export type TermView = (id: TermId, children: ReactNode) => ReactNode;

export const TermContext = createContext<TermView | null>(null);

export function Term({ id, children }: { id: TermId; children: ReactNode }) {
  const view = useContext(TermContext);
  return view ? view(id, children) : <>{children}</>;
}

/** A formula's symbols, each with its plain words: "Symbols: q(z|x) · KL · …". */
export function Symbols({
  label,
  items,
}: {
  label: string;
  items: readonly (readonly [TermId, string])[];
}) {
  return (
    <p className="symbols small-text">
      <span className="muted">{label}</span>{' '}
      {items.map(([id, text], i) => (
        <span key={id}>
          {i > 0 ? <span className="muted"> · </span> : null}
          <Term id={id}>{text}</Term>
        </span>
      ))}
    </p>
  );
}
