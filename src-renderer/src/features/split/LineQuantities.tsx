import type { Order } from '../../../../src-shared/domain/order.js';
import { formatYen } from '../../../../src-shared/domain/money.js';

/**
 * An order's lines with a quantity box each (注文分割, 再送注文): how many units of each line
 * the clerk picks, at most the line's quantity.
 */
export function LineQuantities({
  order,
  caption,
  heading,
  boxLabel,
  picked,
  onChange,
}: {
  order: Order;
  /** The table's accessible name (分割する商品). */
  caption: string;
  /** The quantity column's heading (新しい注文へ). */
  heading: string;
  /** What a box is for, after 「n行目 SKU」 (新しい注文へ移す数量). */
  boxLabel: string;
  picked: Record<number, number>;
  onChange: (picked: Record<number, number>) => void;
}) {
  return (
    <table aria-label={caption}>
      <thead>
        <tr>
          <th>行</th>
          <th>商品コード</th>
          <th>商品名</th>
          <th>数量</th>
          <th>単価</th>
          <th>{heading}</th>
        </tr>
      </thead>
      <tbody>
        {order.items.map((item) => (
          <tr key={item.lineNo}>
            <td>{item.lineNo}</td>
            <td>{item.sku}</td>
            <td>{item.title}</td>
            <td>{item.quantity}</td>
            <td>{formatYen(item.unitPrice)}</td>
            <td>
              <input
                type="number"
                min={0}
                max={item.quantity}
                aria-label={`${item.lineNo}行目 ${item.sku} ${boxLabel}`}
                value={picked[item.lineNo] ?? 0}
                onChange={(e) => onChange({ ...picked, [item.lineNo]: Number(e.target.value) || 0 })}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The picked quantities as the API takes them. */
export const pickedLines = (picked: Record<number, number>) =>
  Object.entries(picked).map(([lineNo, quantity]) => ({ lineNo: Number(lineNo), quantity }));
