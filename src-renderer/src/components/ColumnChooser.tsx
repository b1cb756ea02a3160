import { useState } from 'react';
import { CloseButton, Dialog } from './Dialog.js';
import { OPTIONAL_COLUMNS } from './order-columns.js';
import type { OrderGridHandle } from './OrderGrid.js';

/**
 * 表示する列: the optional columns of the list (status, pending mail, reminder reason, the
 * rating / inquiry / order-form flags, both comments), each shown or hidden at once and
 * remembered for this list. Space checks, Escape closes.
 */
export function ColumnChooser({ grid, onClose }: { grid: OrderGridHandle; onClose(): void }) {
  const [visible, setVisible] = useState(() => new Set(grid.visibleColumns()));
  const toggle = (colId: string, on: boolean) => {
    grid.setColumnVisible(colId, on);
    setVisible(new Set(grid.visibleColumns()));
  };
  return (
    <Dialog title="表示する列" onClose={onClose} footer={<CloseButton />}>
      <fieldset className="form-group">
        <legend>この一覧に表示する列</legend>
        {OPTIONAL_COLUMNS.map(({ colId, label }, index) => (
          <label key={colId} className="check">
            <input
              type="checkbox"
              autoFocus={index === 0}
              checked={visible.has(colId)}
              onChange={(e) => toggle(colId, e.target.checked)}
            />
            {label}
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}
