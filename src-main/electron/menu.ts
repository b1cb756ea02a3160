import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * A menu without function-key accelerators: F1–F12 belong to the order list (the default
 * menu would take F11 for full screen and Ctrl+R/F5 for reload).
 */
export function installMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    { label: 'ファイル', submenu: [{ role: 'quit', label: '終了' }] },
    {
      label: '編集',
      submenu: [
        { role: 'undo', label: '元に戻す' },
        { role: 'redo', label: 'やり直し' },
        { type: 'separator' },
        { role: 'cut', label: '切り取り' },
        { role: 'copy', label: 'コピー' },
        { role: 'paste', label: '貼り付け' },
        { role: 'selectAll', label: 'すべて選択' },
      ],
    },
    {
      label: '表示',
      submenu: [
        { role: 'resetZoom', label: '実際のサイズ' },
        { role: 'zoomIn', label: '拡大' },
        { role: 'zoomOut', label: '縮小' },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
