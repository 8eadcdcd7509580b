import type { ReactNode } from 'react';

/**
 * A part of a page named by its own heading (`aria-labelledby`), so screen readers list it as a
 * region; `card` draws it as a card. `id` must be unique on the page.
 */
export function Section({
  id,
  title,
  level = 2,
  card,
  children,
}: {
  id: string;
  title: ReactNode;
  level?: 2 | 3;
  card?: boolean;
  children: ReactNode;
}) {
  const Tag = `h${level}` as const;
  return (
    <section aria-labelledby={id} className={card ? 'werkregie-card' : undefined}>
      <Tag className={`utrecht-heading-${level}`} id={id}>
        {title}
      </Tag>
      {children}
    </section>
  );
}
