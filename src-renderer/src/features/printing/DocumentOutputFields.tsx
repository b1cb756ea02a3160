import type { FileSettings } from '../../../../src-shared/api/files.js';
import type { PrinterList } from '../../../../src-shared/api/printing.js';
import {
  MAX_COPIES,
  PAPER_SIZE_LABELS,
  PAPER_SIZES,
  PRINT_KIND_LABELS,
  PRINT_KINDS,
  type DocumentOutput,
  type PaperSize,
  type PrintKind,
} from '../../../../src-shared/domain/print-kinds.js';

interface Props {
  form: FileSettings;
  printers: PrinterList | null;
  onChange: (form: FileSettings) => void;
}

/**
 * 設定 → 印刷・CSV, per document (ピッキングリスト, 納品書): its own printer (or the one set
 * above), paper and copies; and the 登録番号 the 納品書 prints as a 適格請求書.
 */
export function DocumentOutputFields({ form, printers, onChange }: Props) {
  const set = (kind: PrintKind, change: Partial<DocumentOutput>) =>
    onChange({ ...form, outputs: { ...form.outputs, [kind]: { ...form.outputs[kind], ...change } } });
  return (
    <>
      {PRINT_KINDS.map((kind) => {
        const output = form.outputs[kind];
        const label = PRINT_KIND_LABELS[kind];
        const known = !output.printer || (printers?.printers.some((p) => p.name === output.printer) ?? true);
        return (
          <fieldset className="form-group" key={kind}>
            <legend>{label}</legend>
            <label>
              {label}のプリンタ
              <select value={output.printer} onChange={(e) => set(kind, { printer: e.target.value })}>
                <option value="">上のプリンタと同じ</option>
                {printers?.printers.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.name}
                  </option>
                ))}
                {!known ? <option value={output.printer}>{output.printer}（見つかりません）</option> : null}
              </select>
            </label>
            <label>
              {label}の用紙
              <select value={output.paper} onChange={(e) => set(kind, { paper: e.target.value as PaperSize })}>
                {PAPER_SIZES.map((paper) => (
                  <option key={paper} value={paper}>
                    {PAPER_SIZE_LABELS[paper]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {label}の部数
              <input
                type="number"
                min={1}
                max={MAX_COPIES}
                value={output.copies}
                onChange={(e) => set(kind, { copies: Math.trunc(Number(e.target.value)) || 1 })}
              />
            </label>
          </fieldset>
        );
      })}
      <label>
        登録番号（適格請求書発行事業者）
        <input
          value={form.registrationNumber}
          placeholder="T1234567890123"
          onChange={(e) => onChange({ ...form, registrationNumber: e.target.value })}
        />
      </label>
      <p className="form-hint">納品書に印字します。空欄のときは印字しません。</p>
    </>
  );
}
