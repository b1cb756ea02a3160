import type { PrinterList } from '../../../../src-shared/api/printing.js';

/** プリンタ: the OS's default or one of its printers; a saved printer no longer there is kept. */
export function PrinterField({
  printer,
  printers,
  onChange,
}: {
  printer: string;
  printers: PrinterList | null;
  onChange: (printer: string) => void;
}) {
  const known = printers?.printers.some((p) => p.name === printer) ?? true;
  return (
    <>
      <label>
        プリンタ
        <select value={printer} onChange={(e) => onChange(e.target.value)}>
          <option value="">
            OS の既定のプリンタ
            {printers?.printers.find((p) => p.isDefault)
              ? `（${printers.printers.find((p) => p.isDefault)!.name}）`
              : ''}
          </option>
          {printers?.printers.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
          {!known ? <option value={printer}>{printer}（見つかりません）</option> : null}
        </select>
      </label>
      {printers && !printers.available ? (
        <p className="form-hint" role="status">
          {printers.message}
        </p>
      ) : null}
    </>
  );
}
