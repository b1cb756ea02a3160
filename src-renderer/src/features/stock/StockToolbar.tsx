import type { RefObject } from 'react';
import { useScreen } from '../../screen/screen-context.js';

/**
 * 在庫一覧's toolbar: the filter (Enter goes to the first row), the store (a choice only at the
 * head office), the count, and 在庫データ取込, CSV出力 and 引当できる欠品あり注文.
 */
export function StockToolbar(props: {
  filterInput: RefObject<HTMLInputElement | null>;
  typed: string;
  onType: (typed: string) => void;
  onFilterEnter: () => void;
  ownStore: string | null;
  ownStoreName: string;
  storeId: string | undefined;
  onStore: (storeId: string | undefined) => void;
  total: number | null;
  onImport: () => void;
  onExport: () => void;
  onCovered: () => void;
}) {
  const screen = useScreen();
  return (
    <div className="stock-toolbar">
      <label>
        絞り込み
        <input
          ref={props.filterInput}
          type="search"
          value={props.typed}
          autoFocus
          placeholder="商品コード・JAN・商品名・棚番"
          onChange={(e) => props.onType(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && props.onFilterEnter()}
        />
      </label>
      {props.ownStore === null ? (
        <label>
          店舗
          <select value={props.storeId ?? ''} onChange={(e) => props.onStore(e.target.value || undefined)}>
            <option value="">すべての店舗</option>
            {screen.masters.stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span>店舗: {props.ownStoreName}</span>
      )}
      <span aria-live="polite">{props.total === null ? '' : `${props.total.toLocaleString('ja-JP')}件`}</span>
      <button type="button" onClick={props.onImport}>
        在庫データ取込
      </button>
      <button type="button" onClick={props.onExport}>
        CSV出力
      </button>
      <button type="button" onClick={props.onCovered}>
        引当できる欠品あり注文
      </button>
    </div>
  );
}
