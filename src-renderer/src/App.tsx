import { ErrorBoundary, UnshowableNote } from './components/ErrorBoundary.js';
import { Dialog } from './components/Dialog.js';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../src-shared/api/app.js';
import { TABS, type Tab } from '../../src-shared/domain/status.js';
import { invoke } from './api/client.js';
import { ColumnChooser } from './components/ColumnChooser.js';
import { FunctionKeyBar } from './components/FunctionKeyBar.js';
import { keepFocus, layerOpen, setFocusHome } from './components/layers.js';
import { ListBanner } from './components/ListBanner.js';
import { SubStatusMaster } from './features/sub-status-master/SubStatusMaster.js';
import { StockScreen } from './features/stock/StockScreen.js';
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
import { columnsOf, gridKeyOf, labelOf, tabOf } from './state/list-view.js';
import { useGridMemory } from './state/useGridMemory.js';
import { useOrderList } from './state/useOrderList.js';

/** The tab a digit 1–9 opens, pressed on the list (not while typing in a field). */
function tabOfDigit(e: KeyboardEvent): Tab | null {
  if (e.ctrlKey || e.altKey || e.metaKey || !/^[1-9]$/.test(e.key)) return null;
  const target = e.target;
  if (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return null;
  return TABS[Number(e.key) - 1] ?? null;
}

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
      notify,
    ],
  );

  const unavailable = useCallback(
    (key: FunctionKey) => (screen ? (KEY_ACTIONS[key]?.unavailable?.(screen) ?? null) : null),
    [screen],
  );

  const dismissNotice = useCallback(() => setNotice(null), []);
  const press = useKeyPress(screen, notify, dismissNotice);

  // Physical function keys: the browser's own meanings (F5 reload, F1 help, ...) are suppressed.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isFunctionKey(e.key)) {
        e.preventDefault();
        press(e.key);
      } else {
        const tab = tabOfDigit(e);
        if (tab && !layerOpen()) {
          e.preventDefault();
          list.selectTab(tab);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [press, list.selectTab]);

  // Focus lost with no dialog open goes to the grid's cursor row (see components/layers.ts).
  const emptyRef = useRef<HTMLElement>(null);
  useEffect(
    () =>
      setFocusHome(() => {
        if (grid.current) grid.current.focusCursorRow();
        else emptyRef.current?.focus();
      }),
    [],
  );

  const empty = info !== null && info.orderCount === 0;
  useEffect(() => {
    if (empty) keepFocus();
  }, [empty]);
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
          <button type="button" className="head-button" onClick={() => setDialog(<StockScreen />)}>
            在庫一覧
          </button>
        </div>
      </header>
      <TabBar
        current={tabOf(list.view)}
        last={list.tab}
        counts={list.counts}
        onSelect={list.selectTab}
        onEnterList={() => grid.current?.focusCursorRow()}
      />
      <div className="toolbar">
        <span className="selected-count" aria-live="polite">
          {labelOf(list.view)}：{list.selection.size.toLocaleString('ja-JP')}件選択中
        </span>
        <button
          type="button"
          className="head-button"
          onClick={() =>
            grid.current && setDialog(<ColumnChooser grid={grid.current} onClose={() => setDialog(null)} />)
          }
        >
          表示する列
        </button>
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
        <section className="empty" aria-label="注文データなし" id="order-panel" ref={emptyRef} tabIndex={-1}>
          <p>注文データがありません。お試し用のデモデータ（2,000件）を読み込みますか？</p>
          <button
            type="button"
            onClick={() => invoke('demo:load', { orders: 2000 }).catch((e: Error) => showError(e.message))}
          >
            デモデータを読み込む
          </button>
        </section>
      ) : screen && gridMemory.ready ? (
        <ErrorBoundary resetKey={`${JSON.stringify(list.query)}|${list.revision}`}>
          <OrderGrid
            ref={grid}
            query={list.query}
            listKey={JSON.stringify(list.query)}
            columns={gridMemory.columnsOf(gridKeyOf(list.view))}
            shown={columnsOf(list.view)}
            reminderDays={list.reminderDays}
            onColumnsChanged={(columns) => gridMemory.save(gridKeyOf(list.view), columns)}
            masters={screen.masters}
            selection={list.selection}
            onToggle={list.toggle}
            onCheck={list.check}
            onOpen={(id) => openOrderDetail(screen, id)}
            onTotal={list.setListTotal}
            onError={showError}
            labelledBy={list.view.kind === 'tab' ? `tab-${list.view.tab}` : undefined}
          />
        </ErrorBoundary>
      ) : null}
      <FunctionKeyBar unavailable={unavailable} onPress={press} />
      <SyncStatusBar />
      {screen && dialog ? (
        <ScreenReact.Provider value={screen}>
          {/* A dialog that cannot be drawn at all still opens, says so and closes. */}
          <ErrorBoundary
            resetKey={dialog}
            fallback={
              <Dialog title="表示できません" onClose={() => setDialog(null)}>
                <UnshowableNote />
              </Dialog>
            }
          >
            {dialog}
          </ErrorBoundary>
        </ScreenReact.Provider>
      ) : null}
    </div>
  );
}
