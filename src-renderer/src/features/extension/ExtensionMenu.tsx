import { useEffect, useRef, useState } from 'react';
import { useLayer } from '../../components/layers.js';
import { perform } from '../../screen/availability.js';
import { EXTENSION_ITEMS } from '../../screen/extension-items.js';
import { useScreen } from '../../screen/screen-context.js';

/**
 * F4 拡張: the extension menu for the checked orders; arrows move, Enter runs, Escape closes.
 * Typing an item's number runs it (8 → E8, 1 8 → E18; 1 alone waits, since E10–E19 start
 * with it, and Enter runs E1). An item that does not apply now is greyed but still reachable:
 * Enter on it says why.
 */
export function ExtensionMenu() {
  const screen = useScreen();
  const [active, setActive] = useState(0);
  const menu = useRef<HTMLDivElement>(null);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  useLayer(menu, screen.closeDialog);
  useEffect(() => refs.current[active]?.focus(), [active]);
  const run = (index: number) => {
    const item = EXTENSION_ITEMS[index]!;
    screen.closeDialog();
    void perform(`${item.id} ${item.label}`, item, screen);
  };
  const count = EXTENSION_ITEMS.length;
  // Digits typed in a row pick the item by its number (1, 8 → E18); Enter runs it.
  const typed = useRef({ digits: '', at: 0 });
  const pickByNumber = (digit: string) => {
    const now = Date.now();
    const digits = (now - typed.current.at < 1000 ? typed.current.digits : '') + digit;
    typed.current = { digits, at: now };
    const id = `E${digits}`;
    const index = EXTENSION_ITEMS.findIndex((item) => item.id === id);
    if (index < 0) return;
    setActive(index);
    // A number no longer one can start (8, 13, 18) runs its item at once; 1 waits for Enter or a digit.
    if (!EXTENSION_ITEMS.some((item) => item.id !== id && item.id.startsWith(id))) run(index);
  };
  return (
    <div className="backdrop" onClick={() => screen.closeDialog()}>
      <div
        ref={menu}
        className="menu"
        role="menu"
        aria-label="拡張メニュー"
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => (i + 1) % count);
          else if (e.key === 'ArrowUp') setActive((i) => (i - 1 + count) % count);
          else if (e.key === 'Home') setActive(0);
          else if (e.key === 'End') setActive(count - 1);
          else if (/^[0-9]$/.test(e.key)) pickByNumber(e.key);
          else return;
          e.preventDefault();
        }}
      >
        {EXTENSION_ITEMS.map((item, index) => {
          const why = item.unavailable?.(screen) ?? null;
          return (
            <button
              key={item.id}
              ref={(el) => {
                refs.current[index] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={index === active ? 0 : -1}
              aria-disabled={why !== null}
              title={why ?? undefined}
              onClick={() => run(index)}
            >
              <span className="menu-id">{item.id}</span> {item.label}
            </button>
          );
        })}
      </div>
    </div>
  );
}
