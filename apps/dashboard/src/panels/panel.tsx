import type { ReactNode } from 'react';

export function Panel({ title, testId, wide, children }: { title: string; testId: string; wide?: boolean; children: ReactNode }) {
  return (
    <section className={wide ? 'panel wide' : 'panel'} data-testid={testId} aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
