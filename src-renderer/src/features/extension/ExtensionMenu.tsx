import { useEffect, useRef, useState } from 'react';
import { useScreen } from '../../screen/screen-context.js';
import { EXTENSION_ITEMS } from '../../screen/extension-items.js';

/** F4 拡張: the extension menu for the checked orders; arrows move, Enter runs, Escape closes. */
export function ExtensionMenu() {
  const screen = useScreen();
  const [active, setActive] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  useEffect(() => refs.current[active]?.focus(), [active]);
  const run = (index: number) => {
    const item = EXTENSION_ITEMS[index]!;
    screen.closeDialog();
    Promise.resolve(item.run(screen)).catch((e: Error) => screen.notify('error', e.message));
  };
  return (
    <div className="backdrop" onClick={() => screen.closeDialog()}>
      <div
        className="menu"
        role="menu"
        aria-label="拡張メニュー"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => (i + 1) % EXTENSION_ITEMS.length);
          else if (e.key === 'ArrowUp') setActive((i) => (i - 1 + EXTENSION_ITEMS.length) % EXTENSION_ITEMS.length);
          else if (e.key === 'Escape') screen.closeDialog();
          else return;
          e.preventDefault();
        }}
      >
        {EXTENSION_ITEMS.map((item, index) => (
          <button
            key={item.id}
            ref={(el) => {
              refs.current[index] = el;
            }}
            type="button"
            role="menuitem"
            tabIndex={index === active ? 0 : -1}
            disabled={item.enabled ? !item.enabled(screen) : false}
            onClick={() => run(index)}
          >
            <span className="menu-id">{item.id}</span> {item.label}
          </button>
        ))}
      </div>
    </div>
  );
}
