import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { AppHeader } from './AppHeader.js';
import { ColumnChooser } from './components/ColumnChooser.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { FunctionKeyBar } from './components/FunctionKeyBar.js';
import { ListBanner } from './components/ListBanner.js';
import { OrderGrid, type OrderGridHandle } from './components/OrderGrid.js';
import { TabBar } from './components/TabBar.js';
import { EmptyListOffer } from './EmptyListOffer.js';
import { openOrderDetail } from './features/detail/action.js';
import { SyncStatusBar } from './features/sync/SyncStatusBar.js';
import type { FunctionKey } from './keys.js';
import { ListToolbar, type Notice } from './ListToolbar.js';
import { ScreenDialogLayer } from './ScreenDialogLayer.js';
import { KEY_ACTIONS } from './screen/actions.js';
import { useKeyPress } from './screen/useKeyPress.js';
import { columnsOf, gridKeyOf, tabOf } from './state/list-view.js';
import { useGridMemory } from './state/useGridMemory.js';
import { useOrderList } from './state/useOrderList.js';
import { useAppInfo } from './useAppInfo.js';
import { useFocusHome } from './useFocusHome.js';
import { useListKeys } from './useListKeys.js';
import { useScreenContext } from './useScreenContext.js';

/** 注文ステータス管理一覧: the screen store staff live in all day. */
export function App() {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dialog, setDialog] = useState<ReactNode>(null);
  const grid = useRef<OrderGridHandle>(null);
  const notify = useCallback((kind: Notice['kind'], text: string) => setNotice({ kind, text }), []);
  const showError = useCallback((text: string) => notify('error', text), [notify]);
  const list = useOrderList(showError);
  const gridMemory = useGridMemory(showError);
  const info = useAppInfo(showError, list.revision);
  useEffect(() => {
    grid.current?.refresh();
  }, [list.revision]);
  const screen = useScreenContext(list, grid, notify, setDialog);
  const unavailable = useCallback(
    (key: FunctionKey) => (screen ? (KEY_ACTIONS[key]?.unavailable?.(screen) ?? null) : null),
    [screen],
  );
  const dismissNotice = useCallback(() => setNotice(null), []);
  const press = useKeyPress(screen, notify, dismissNotice);
  useListKeys(press, list.selectTab);
  const empty = info !== null && info.orderCount === 0;
  const emptyRef = useFocusHome(grid, empty);
  return (
    <div className="app">
      <AppHeader info={info} openDialog={setDialog} />
      <TabBar
        current={tabOf(list.view)}
        last={list.tab}
        counts={list.counts}
        onSelect={list.selectTab}
        onEnterList={() => grid.current?.focusCursorRow()}
      />
      <ListToolbar
        view={list.view}
        selected={list.selection.size}
        screen={screen}
        notice={notice}
        onChooseColumns={() =>
          grid.current && setDialog(<ColumnChooser grid={grid.current} onClose={() => setDialog(null)} />)
        }
        onDismissNotice={() => setNotice(null)}
      />
      {screen ? <ListBanner screen={screen} onEdit={() => KEY_ACTIONS.F5?.run(screen)} /> : null}
      {empty ? (
        <EmptyListOffer ref={emptyRef} onError={showError} />
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
      {screen && dialog ? <ScreenDialogLayer screen={screen} dialog={dialog} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
