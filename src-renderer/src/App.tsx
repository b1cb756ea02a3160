import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo } from '../../src-shared/api/app.js';
import { TAB_LABELS } from '../../src-shared/domain/status.js';
import { invoke } from './api/client.js';
import { FunctionKeyBar } from './components/FunctionKeyBar.js';
import { OrderDetail } from './components/OrderDetail.js';
import { OrderGrid, type OrderGridHandle } from './components/OrderGrid.js';
import { TabBar } from './components/TabBar.js';
import { isFunctionKey, type FunctionKey } from './keys.js';
import { useOrderList } from './state/useOrderList.js';

interface Notice {
  kind: 'info' | 'error';
  text: string;
}

/** 注文ステータス管理一覧: the screen store staff live in all day. */
export function App() {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [detailId, setDetailId] = useState<number | null>(null);
  const grid = useRef<OrderGridHandle>(null);
  const showError = useCallback((text: string) => setNotice({ kind: 'error', text }), []);
  const list = useOrderList(showError);

  useEffect(() => {
    invoke('app:info', {}).then(setInfo, (e: Error) => showError(e.message));
  }, [showError, list.revision]);

  useEffect(() => {
    grid.current?.refresh();
  }, [list.revision]);

  const openDetail = useCallback(() => {
    const id = grid.current?.cursorOrderId() ?? [...list.selection][0] ?? null;
    if (id === null) setNotice({ kind: 'info', text: '注文詳細を開く行をクリックしてから F12 を押してください。' });
    else setDetailId(id);
  }, [list.selection]);

  const press = useCallback(
    (key: FunctionKey) => {
      switch (key) {
        case 'F2':
          void list.selectAll().catch((e: Error) => showError(e.message));
          return;
        case 'F3':
          list.clearSelection();
          return;
        case 'F12':
          openDetail();
          return;
        default:
          setNotice({ kind: 'info', text: `${key} の機能はこのバージョンではまだ設定されていません。` });
      }
    },
    [list, openDetail, showError],
  );

  // Physical function keys: the browser's own meanings (F5 reload, F1 help, ...) are suppressed.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isFunctionKey(e.key)) return;
      e.preventDefault();
      if (detailId !== null) return;
      press(e.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [press, detailId]);

  const empty = info !== null && info.orderCount === 0;
  return (
    <div className="app">
      <header className="app-head">
        <h1>注文ステータス管理一覧</h1>
        <div className="who">
          {info ? `${info.storeName}　担当: ${info.operator}　${info.mode === 'browser' ? 'ブラウザモード' : ''}` : ''}
        </div>
      </header>
      <TabBar current={list.tab} counts={list.counts} onSelect={list.selectTab} />
      <div className="toolbar">
        <span className="selected-count" aria-live="polite">
          {TAB_LABELS[list.tab]}：{list.selection.size.toLocaleString('ja-JP')}件選択中
        </span>
        {notice ? (
          <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            {notice.text}
            <button type="button" className="link" onClick={() => setNotice(null)} aria-label="お知らせを閉じる">
              ×
            </button>
          </div>
        ) : null}
      </div>
      {empty ? (
        <section className="empty" aria-label="注文データなし">
          <p>注文データがありません。お試し用のデモデータ（2,000件）を読み込みますか？</p>
          <button
            type="button"
            onClick={() => invoke('demo:load', { orders: 2000 }).catch((e: Error) => showError(e.message))}
          >
            デモデータを読み込む
          </button>
        </section>
      ) : list.masters ? (
        <OrderGrid
          ref={grid}
          tab={list.tab}
          masters={list.masters}
          selection={list.selection}
          onToggle={list.toggle}
          onOpen={setDetailId}
          onError={showError}
        />
      ) : null}
      <FunctionKeyBar enabled={() => true} onPress={press} />
      {detailId !== null && list.masters ? (
        <OrderDetail orderId={detailId} masters={list.masters} onClose={() => setDetailId(null)} onError={showError} />
      ) : null}
    </div>
  );
}
