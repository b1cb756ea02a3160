import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../src-shared/api/app.js';
import { invoke } from './api/client.js';
import { FunctionKeyBar } from './components/FunctionKeyBar.js';
import { ListBanner } from './components/ListBanner.js';
import { SubStatusMaster } from './features/sub-status-master/SubStatusMaster.js';
import { SyncStatusBar } from './features/sync/SyncStatusBar.js';
import { openOrderDetail } from './features/detail/action.js';
import { MailTabButtons } from './features/mail/MailTabButtons.js';
import { OperationBar } from './features/operations/OperationBar.js';
import { SettingsDialog } from './features/settings/SettingsDialog.js';
import { StaffPicker } from './features/staff/StaffPicker.js';
import { OrderGrid, type OrderGridHandle } from './components/OrderGrid.js';
import { TabBar } from './components/TabBar.js';
import { isFunctionKey, type FunctionKey } from './keys.js';
import { KEY_ACTIONS } from './screen/actions.js';
import { ScreenReact, type ScreenContext } from './screen/screen-context.js';
import { useKeyPress } from './screen/useKeyPress.js';
import { gridKeyOf, labelOf, tabOf } from './state/list-view.js';
import { useGridMemory } from './state/useGridMemory.js';
import { useOrderList } from './state/useOrderList.js';

interface Notice {
  kind: 'info' | 'error';
  text: string;
}

/** 注文ステータス管理一覧: the screen store staff live in all day. */
export function App() {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [dialog, setDialog] = useState<ReactNode>(null);
  const grid = useRef<OrderGridHandle>(null);
  const notify = useCallback((kind: Notice['kind'], text: string) => setNotice({ kind, text }), []);
  const showError = useCallback((text: string) => notify('error', text), [notify]);
  const list = useOrderList(showError);
  const gridMemory = useGridMemory(showError);

  useEffect(() => {
    invoke('app:info', {}).then(setInfo, (e: Error) => showError(e.message));
  }, [showError, list.revision]);

  useEffect(() => {
    grid.current?.refresh();
  }, [list.revision]);

  const screen = useMemo<ScreenContext | null>(
    () =>
      list.masters
        ? {
            tab: list.tab,
            masters: list.masters,
            list: list.query,
            view: list.view,
            listTotal: list.listTotal,
            showList: list.showList,
            selection: list.selection,
            setSelection: list.setSelection,
            cursorOrderId: () => grid.current?.cursorOrderId() ?? null,
            notify,
            refresh: list.refresh,
            openDialog: setDialog,
            closeDialog: () => setDialog(null),
          }
        : null,
    [
      list.tab,
      list.masters,
      list.query,
      list.view,
      list.listTotal,
      list.showList,
      list.selection,
      list.setSelection,
      list.refresh,
      notify,
    ],
  );

  const enabled = useCallback(
    (key: FunctionKey) => {
      const action = KEY_ACTIONS[key];
      return !screen || !action?.enabled || action.enabled(screen);
    },
    [screen],
  );

  const dismissNotice = useCallback(() => setNotice(null), []);
  const press = useKeyPress(screen, notify, showError, dismissNotice);

  // Physical function keys: the browser's own meanings (F5 reload, F1 help, ...) are suppressed.
  // While a dialog is open the keys belong to it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isFunctionKey(e.key)) return;
      e.preventDefault();
      if (dialog === null) press(e.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [press, dialog]);

  const empty = info !== null && info.orderCount === 0;
  return (
    <div className="app">
      <header className="app-head">
        <h1>注文ステータス管理一覧</h1>
        <div className="who">
          {info ? `${info.storeName}　担当: ${info.operator}　${info.mode === 'browser' ? 'ブラウザモード' : ''}` : ''}
          <button type="button" className="head-button" onClick={() => setDialog(<StaffPicker />)}>
            担当者切替
          </button>
          <button type="button" className="head-button" onClick={() => setDialog(<SettingsDialog />)}>
            設定
          </button>
          <button type="button" className="head-button" onClick={() => setDialog(<SubStatusMaster />)}>
            サブステータス管理
          </button>
        </div>
      </header>
      <TabBar current={tabOf(list.view)} last={list.tab} counts={list.counts} onSelect={list.selectTab} />
      <div className="toolbar">
        <span className="selected-count" aria-live="polite">
          {labelOf(list.view)}：{list.selection.size.toLocaleString('ja-JP')}件選択中
        </span>
        {screen ? <OperationBar screen={screen} /> : null}
        {screen ? <MailTabButtons screen={screen} /> : null}
        {notice ? (
          <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            {notice.text}
            <button type="button" className="link" onClick={() => setNotice(null)} aria-label="お知らせを閉じる">
              ×
            </button>
          </div>
        ) : null}
      </div>
      {screen ? <ListBanner screen={screen} onEdit={() => KEY_ACTIONS.F5?.run(screen)} /> : null}
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
      ) : screen && gridMemory.ready ? (
        <OrderGrid
          ref={grid}
          query={list.query}
          listKey={JSON.stringify(list.query)}
          columns={gridMemory.columnsOf(gridKeyOf(list.view))}
          onColumnsChanged={(columns) => gridMemory.save(gridKeyOf(list.view), columns)}
          masters={screen.masters}
          selection={list.selection}
          onToggle={list.toggle}
          onOpen={(id) => openOrderDetail(screen, id)}
          onTotal={list.setListTotal}
          onError={showError}
          labelledBy={list.view.kind === 'tab' ? `tab-${list.view.tab}` : undefined}
        />
      ) : null}
      <FunctionKeyBar enabled={enabled} onPress={press} />
      <SyncStatusBar />
      {screen && dialog ? <ScreenReact.Provider value={screen}>{dialog}</ScreenReact.Provider> : null}
    </div>
  );
}
