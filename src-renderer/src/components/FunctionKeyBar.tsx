import { FUNCTION_KEYS, type FunctionKey } from '../keys.js';

interface Props {
  enabled(key: FunctionKey): boolean;
  onPress(key: FunctionKey): void;
}

/** The function-key bar at the bottom (S7–S16): every key is also a button. */
export function FunctionKeyBar({ enabled, onPress }: Props) {
  return (
    <nav className="fkeys" aria-label="ファンクションキー">
      {FUNCTION_KEYS.map(({ key, label }) => (
        <button
          key={key}
          type="button"
          className="fkey"
          data-key={key}
          aria-keyshortcuts={key}
          disabled={!label || !enabled(key)}
          onClick={() => onPress(key)}
        >
          <span className="fkey-key">{key}</span>
          <span className="fkey-label">{label || '\u00a0'}</span>
        </button>
      ))}
    </nav>
  );
}
