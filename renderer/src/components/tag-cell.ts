import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';

export type TagTone = 'red' | 'orange' | 'green' | 'blue' | 'cyan' | 'magenta' | 'default';

export interface CellTag {
  text: string;
  /** Drawn as a coloured tag; without a tone the text stands as it is (with className). */
  tone?: TagTone;
  className?: string;
  testId?: string;
}

/**
 * A cell renderer in plain DOM: AG Grid mounts a React root for every cell drawn by a React
 * renderer, which made the first screen of a grid noticeably slower. Tags look like antd's.
 */
export function tagCell<T>(describe: (row: T) => CellTag | null): new () => ICellRendererComp<T> {
  return class TagCell implements ICellRendererComp<T> {
    private readonly el = document.createElement('span');

    init(p: ICellRendererParams<T>): void {
      this.draw(p);
    }

    getGui(): HTMLElement {
      return this.el;
    }

    refresh(p: ICellRendererParams<T>): boolean {
      this.draw(p);
      return true;
    }

    private draw(p: ICellRendererParams<T>): void {
      const tag = p.data ? describe(p.data) : null;
      this.el.textContent = tag?.text ?? '';
      this.el.className = [tag?.tone ? `cell-tag cell-tag-${tag.tone}` : '', tag?.className ?? '']
        .filter(Boolean)
        .join(' ');
      if (tag?.testId) this.el.dataset.testid = tag.testId;
      else delete this.el.dataset.testid;
    }
  };
}
