import type { ReactNode } from 'react';

export function PageTitle({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-title">
      <h2>{title}</h2>
      <div className="toolbar">{children}</div>
    </div>
  );
}
