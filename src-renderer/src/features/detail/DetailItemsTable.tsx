import type { EditableOrderDetail } from '../../../../src-shared/api/detail.js';
import { parseYen } from './draft.js';

interface Props {
  items: EditableOrderDetail['order']['items'];
  /** The unit prices as typed, by line number. */
  unitPrices: Record<number, string>;
  readOnly: boolean;
  yen(value: number | null): string;
  onUnitPrice(lineNo: number, typed: string): void;
}

/** 注文商品: each line's SKU, title, quantity, editable 単価, its amount and the 棚番. */
export function DetailItemsTable({ items, unitPrices, readOnly, yen, onUnitPrice }: Props) {
  return (
    <table className="items" aria-label="注文商品">
      <thead>
        <tr>
          <th>SKU</th>
          <th>商品名</th>
          <th>数量</th>
          <th>単価</th>
          <th>金額</th>
          <th>棚番</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const typed = unitPrices[item.lineNo] ?? '';
          const price = parseYen(typed);
          return (
            <tr key={item.lineNo}>
              <td>{item.sku}</td>
              <td>{item.title}</td>
              <td className="num">{item.quantity}</td>
              <td>
                <input
                  className="yen"
                  inputMode="numeric"
                  aria-label={`単価 ${item.lineNo}行目 ${item.sku}`}
                  value={typed}
                  readOnly={readOnly}
                  onChange={(e) => onUnitPrice(item.lineNo, e.target.value)}
                />
              </td>
              <td className="num">{yen(price === null ? null : price * item.quantity)}</td>
              <td>{item.location}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
