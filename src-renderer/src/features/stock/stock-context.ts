import { createContext, useContext, type ReactNode } from 'react';

/** What 在庫一覧's own dialogs (取込, 調整, 欠品あり注文) may use. */
export interface StockScreenContext {
  storeNames: ReadonlyMap<string, string>;
  /** A line under the list saying what was done. */
  notify(text: string): void;
  /** Shows a dialog over 在庫一覧; closing it returns the focus to where it was. */
  open(node: ReactNode): void;
  close(): void;
  /** Stock or orders changed: the list, the ledger and the order screen read again. */
  changed(): void;
}

export const StockContext = createContext<StockScreenContext | null>(null);

export function useStockScreen(): StockScreenContext {
  const context = useContext(StockContext);
  if (!context) throw new Error('useStockScreen outside 在庫一覧');
  return context;
}
