import { useState, type RefObject } from 'react';

/**
 * The field a barcode scanner types into: each Enter hands over what was read and empties
 * the field for the next scan. The dialog around it keeps the focus here.
 */
export function ScanInput(props: {
  label: string;
  inputRef: RefObject<HTMLInputElement | null>;
  onScan(code: string): void;
}) {
  const [code, setCode] = useState('');
  return (
    <label className="scan-label">
      {props.label}
      <input
        ref={props.inputRef}
        className="scan-input"
        aria-label="スキャン入力"
        autoFocus
        autoComplete="off"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          props.onScan(code);
          setCode('');
        }}
      />
    </label>
  );
}
