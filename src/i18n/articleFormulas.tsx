import type { ReactNode } from 'react';

// What both languages' "article says / playground does" notes share: the marks for the article's
// wrong term and the playground's fix, and the formulas themselves (the same in every language).

export const Wrong = ({ children }: { children: ReactNode }) => (
  <span className="wrong">{children}</span>
);
export const Fixed = ({ children }: { children: ReactNode }) => (
  <span className="fixed">{children}</span>
);

/** A number to three decimals at most (1.386, 0.5). */
export const n3 = (v: number) => String(Number(v.toFixed(3)));

export const FORMULAS = {
  vaeArticle: (
    <code>
      min E[−log p(x|μ(x), σ(x)) <Wrong>− D_KL(μ(x) ‖ μ₀(x))</Wrong>]
    </code>
  ),
  vaePlayground: (
    <code>
      min E<sub>q(z|x)</sub>[−log p(x|z)] <Fixed>+ KL(q(z|x) ‖ N(0, I))</Fixed>
    </code>
  ),
  ganArticle: (
    <code>
      max_D E[log D(x)] + <Wrong>E[log D(G(z))]</Wrong>
    </code>
  ),
  ganPlayground: (
    <code>
      max_D E[log D(x)] + <Fixed>E[log(1 − D(G(z)))]</Fixed>
    </code>
  ),
};
