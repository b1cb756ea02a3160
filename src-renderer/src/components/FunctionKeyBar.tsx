import { FUNCTION_KEYS, type FunctionKey } from '../keys.js';

interface Props {
  /** Why the key does not apply now (greyed; pressing it says why), or null. */
  unavailable(key: FunctionKey): string | null;
  onPress(key: FunctionKey): void;
}

/** The function-key bar at the bottom (S7–S16): every key is also a button. */
export function FunctionKeyBar({ unavailable, onPress }: Props) {
  return (
    <nav className="fkeys" aria-label="ファンクションキー">
      {FUNCTION_KEYS.map(({ key, label }) => {
        const why = label ? unavailable(key) : null;
        return (
          <button
            key={key}
            type="button"
            className="fkey"
            data-key={key}
            aria-keyshortcuts={key}
            disabled={!label}
            aria-disabled={why !== null}
            title={why ?? undefined}
            onClick={() => onPress(key)}
          >
            <span className="fkey-key">{key}</span>
            <span className="fkey-label">{label || '\u00a0'}</span>
          </button>
        );
      })}
    </nav>
  );
}
