import type { RefObject } from 'react';
import { invoke } from './api/client.js';

interface Props {
  ref: RefObject<HTMLElement | null>;
  onError(text: string): void;
}

/** 注文データなし: shown instead of the grid when the store has no orders; offers the demo data. */
export function EmptyListOffer({ ref, onError }: Props) {
  return (
    <section className="empty" aria-label="注文データなし" id="order-panel" ref={ref} tabIndex={-1}>
      <p>注文データがありません。お試し用のデモデータ（2,000件）を読み込みますか？</p>
      <button
        type="button"
        onClick={() => invoke('demo:load', { orders: 2000 }).catch((e: Error) => onError(e.message))}
      >
        デモデータを読み込む
      </button>
    </section>
  );
}
