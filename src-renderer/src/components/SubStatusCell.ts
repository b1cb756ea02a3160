import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { Masters } from '../../../src-shared/api/app.js';
import type { OrderRow } from '../../../src-shared/domain/order.js';

type SubStatus = Masters['subStatuses'][number];

/** What the column gives the cell: the sub-status master by id. */
export interface SubStatusCellParams {
  subs: ReadonlyMap<number, SubStatus>;
}

type Params = ICellRendererParams<OrderRow, number | null> & SubStatusCellParams;

/**
 * サブステータス as a plain DOM cell with its colour bar: scrolling draws a few hundred of
 * these a second, and a React cell costs a component mount per row drawn.
 */
export class SubStatusCell implements ICellRendererComp<OrderRow> {
  private readonly label = document.createElement('span');

  init(params: Params): void {
    this.refresh(params);
  }

  getGui(): HTMLElement {
    return this.label;
  }

  refresh(params: Params): boolean {
    const sub = params.value ? params.subs.get(params.value) : undefined;
    this.label.className = sub ? (sub.retired ? 'sub-status retired' : 'sub-status') : '';
    this.label.style.borderLeftColor = sub?.color ?? '';
    if (sub) this.label.dataset.color = sub.color;
    else delete this.label.dataset.color;
    this.label.textContent = sub ? `${sub.name}${sub.retired ? '（廃止）' : ''}` : '';
    return true;
  }
}
