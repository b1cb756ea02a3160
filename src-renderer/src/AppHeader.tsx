import type { ReactNode } from 'react';
import type { AppInfo } from '../../src-shared/api/app.js';
import { SettingsDialog } from './features/settings/SettingsDialog.js';
import { StaffPicker } from './features/staff/StaffPicker.js';
import { StockScreen } from './features/stock/StockScreen.js';
import { SubStatusMaster } from './features/sub-status-master/SubStatusMaster.js';

interface Props {
  info: AppInfo | null;
  openDialog(dialog: ReactNode): void;
}

/** The screen's title, the store and 担当者, and the buttons that open the screen-wide dialogs. */
export function AppHeader({ info, openDialog }: Props) {
  return (
    <header className="app-head">
      <h1>注文ステータス管理一覧</h1>
      <div className="who">
        {info ? `${info.storeName}　担当: ${info.operator}　${info.mode === 'browser' ? 'ブラウザモード' : ''}` : ''}
        <button type="button" className="head-button" onClick={() => openDialog(<StaffPicker />)}>
          担当者切替
        </button>
        <button type="button" className="head-button" onClick={() => openDialog(<SettingsDialog />)}>
          設定
        </button>
        <button type="button" className="head-button" onClick={() => openDialog(<SubStatusMaster />)}>
          サブステータス管理
        </button>
        <button type="button" className="head-button" onClick={() => openDialog(<StockScreen />)}>
          在庫一覧
        </button>
      </div>
    </header>
  );
}
