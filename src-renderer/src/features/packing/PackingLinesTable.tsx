import type { PackingOrder } from '../../../../src-shared/api/packing.js';

/** 検品明細: each item's ordered and scanned units; a fully scanned line is marked. */
export function PackingLinesTable({ lines }: { lines: PackingOrder['lines'] }) {
  return (
    <table className="items" aria-label="検品明細">
      <thead>
        <tr>
          <th>商品コード</th>
          <th>JAN</th>
          <th>商品名</th>
          <th>数量</th>
          <th>検品数</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, i) => (
          <tr key={i} className={line.scanned >= line.ordered ? 'scan-row shipped' : 'scan-row'}>
            <td>{line.sku}</td>
            <td>{line.jan ?? ''}</td>
            <td>{line.title}</td>
            <td>{line.ordered}</td>
            <td>{line.scanned}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
