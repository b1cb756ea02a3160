import { useEffect, useRef, useState, type RefObject } from 'react';
import { PRINT_KIND_LABELS, type PrintKind } from '../../../../src-shared/api/printing.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { FormError } from '../../components/FormError.js';
import { useScreen } from '../../screen/screen-context.js';
import { formatJst } from '../../format.js';
import { PrintDone } from './PrintDone.js';
import { PrintJobs } from './PrintJobs.js';
import { usePrint } from './use-print.js';

/**
 * E8 ピッキングリスト発行: the picking list or the delivery notes (納品書) of the checked
 * orders, to the printer E8 names before anything is printed, or saved as a PDF (kept in the
 * documents folder, shown here). Without a printer 印刷 is greyed with the reason and the
 * focus is on PDFで保存; Enter does the one that applies.
 */
export function PrintDialog({ orderIds }: { orderIds: number[] }) {
  const screen = useScreen();
  const [kind, setKind] = useState<PrintKind>('picking');
  const print = usePrint(orderIds, kind);
  const { target, folder, marks, busy, done } = print;
  const primary = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Once the printer is known, Enter does the action that applies (the dialog had the focus).
    if (target && document.activeElement?.getAttribute('role') === 'dialog') primary.current?.focus();
  }, [target]);

  const already = marks?.printed[kind] ?? 0;
  const last = marks?.lastPrintedAt[kind];
  const printer = target?.printer ?? null;
  const toPrinter = () => {
    if (printer) print.run(() => invoke('printing:run', { kind, orderIds, output: 'printer' }));
    else if (target) print.setError(`印刷できません: ${target.reason}「PDFで保存」を使ってください。`);
  };
  const toPdf = () => print.run(() => invoke('printing:run', { kind, orderIds, output: 'pdf' }));
  return (
    <Dialog title="ピッキングリスト発行" onClose={screen.closeDialog} wide>
      <div className="form">
        <fieldset className="form-group print-kind">
          <legend>発行するもの</legend>
          {(['picking', 'delivery_note'] as const).map((k) => (
            <label key={k} className="radio">
              <input type="radio" name="print-kind" checked={kind === k} onChange={() => setKind(k)} />
              {PRINT_KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
        <p>
          チェックした注文 {orderIds.length.toLocaleString('ja-JP')}件
          {already > 0 && last
            ? `（うち ${already.toLocaleString('ja-JP')}件は${PRINT_KIND_LABELS[kind]}を印刷済み・最終 ${formatJst(last)}）`
            : ''}
        </p>
        <p className="form-hint" data-testid="print-target">
          {target === null
            ? 'プリンタを確かめています…'
            : printer
              ? `プリンタ: ${printer}`
              : `プリンタ: なし（${target.reason}）`}
          {folder ? `　PDF の保存先: ${folder}` : ''}
        </p>
        <div className="form-actions">
          <PrintButton label="PDFで保存" busy={busy} focus={printer ? undefined : primary} onPress={toPdf} />
          <PrintButton
            label={already > 0 ? '再印刷' : '印刷'}
            busy={busy}
            unavailable={target !== null && !printer ? target.reason : undefined}
            focus={printer ? primary : undefined}
            onPress={toPrinter}
          />
        </div>
        {busy ? <p role="status">作成しています…</p> : null}
        {done ? <PrintDone done={done} onMarked={print.reload} onError={print.setError} /> : null}
        <FormError message={print.error} />
        <PrintJobs jobs={print.jobs} busy={busy} run={print.run} onError={print.setError} />
      </div>
    </Dialog>
  );
}

function PrintButton(props: {
  label: string;
  busy: boolean;
  unavailable?: string;
  focus?: RefObject<HTMLButtonElement | null>;
  onPress(): void;
}) {
  const off = props.busy || props.unavailable !== undefined;
  return (
    <button
      ref={props.focus}
      type="button"
      aria-disabled={off}
      title={props.unavailable}
      onClick={() => !props.busy && props.onPress()}
    >
      {props.label}
    </button>
  );
}
