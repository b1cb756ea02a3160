import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { OrderRow } from '../../../src-shared/domain/order.js';

/** What the selection cell reads: the checked ids as of now, and what a click does. */
export interface SelectionContext {
  selection: { current: ReadonlySet<number> };
  toggle(id: number): void;
}

type Params = ICellRendererParams<OrderRow, unknown, SelectionContext>;

/**
 * The 選択 checkbox as a plain DOM cell: a change of selection updates the same element in
 * place (refresh), where a React cell would be torn down and drawn again on every check —
 * a click landing during that redraw was lost.
 */
export class SelectCell implements ICellRendererComp<OrderRow> {
  private readonly box = document.createElement('input');
  private id: number | null = null;
  private context: SelectionContext | null = null;

  init(params: Params): void {
    this.box.type = 'checkbox';
    this.box.addEventListener('change', () => {
      if (this.id !== null) this.context?.toggle(this.id);
    });
    this.refresh(params);
  }

  getGui(): HTMLElement {
    return this.box;
  }

  refresh(params: Params): boolean {
    this.context = params.context;
    this.id = params.data?.id ?? null;
    this.box.hidden = !params.data;
    this.box.setAttribute('aria-label', params.data ? `選択 ${params.data.orderNo}` : '選択');
    this.box.checked = this.id !== null && params.context.selection.current.has(this.id);
    return true;
  }
}
