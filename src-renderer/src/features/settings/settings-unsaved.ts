import { createContext } from 'react';
import type { Unsaved } from '../../components/Dialog.js';

/**
 * How a settings page tells the 設定 dialog it has edits not yet saved (null: none), so that
 * closing the dialog asks 「変更を保存しますか」 as 注文詳細 does.
 */
export const ReportUnsaved = createContext<(unsaved: Unsaved | null) => void>(() => undefined);
