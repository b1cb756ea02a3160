import {
  LABEL_FORMAT_INFO,
  type LabelExportResult,
  type LabelFormat,
  type LabelProblem,
} from '../../src-shared/api/carriers.js';
import { UserError } from '../../src-shared/api/errors.js';
import type { DownloadFile } from '../../src-shared/api/files.js';
import { STATUS_LABELS } from '../../src-shared/domain/status.js';
import type { ServiceContext } from '../core/context.js';
import { sjisByteLength, toCp932Variants, unencodableChars } from '../files/cp932.js';
import { CsvWriter } from '../files/csv-write.js';
import { fileStamp } from '../printing/documents.js';
import { loadPrintData, type PrintOrder } from '../printing/print-data.js';
import {
  inertText,
  splitBytes,
  startsFormula,
  type LabelColumn,
  type LabelLayout,
  type Parcel,
} from './label-columns.js';
import { LABEL_LAYOUTS } from './label-layouts.js';
import { parcelWish, wishRefusal } from './label-wishes.js';
import { postalCodeWarning } from '../../src-node/postal-code-check.js';

const FILE_NAMES: Record<LabelFormat, string> = {
  yamato_b2: 'B2クラウド取込',
  sagawa_ehiden2: 'e飛伝2取込',
  japanpost_clickpost: 'クリックポスト取込',
};

/** Orders of a bundle (同梱) share one parcel and one label. */
function groupParcels(orders: PrintOrder[]): PrintOrder[][] {
  const groups = new Map<string, PrintOrder[]>();
  for (const order of orders) {
    const key = order.bundleGroup ? `b:${order.bundleGroup}` : `o:${order.id}`;
    const group = groups.get(key);
    if (group) group.push(order);
    else groups.set(key, [order]);
  }
  return [...groups.values()];
}

/**
 * お客様管理番号 is our order number exactly: the carrier's issued data gives it back and the
 * tracking import finds the order by it, so it is refused rather than shortened or mapped.
 */
function orderNoProblems(layout: LabelLayout, column: LabelColumn, value: string): string[] {
  const problems: string[] = [];
  if (/[^\x20-\x7e]/.test(value)) problems.push(`半角英数字だけにしてください（「${value}」）。`);
  if (startsFormula(value)) {
    problems.push(
      `注文番号「${value}」は「${value.charAt(0)}」で始まるため、表計算ソフトで開くと数式として実行されるおそれがあります。お客様管理番号は変えられないので出力しません。販路の注文番号を確認してください。`,
    );
  }
  if (column.bytes && value.length > column.bytes) {
    problems.push(
      `${LABEL_FORMAT_INFO[layout.format].label}の${column.header}は半角${column.bytes}文字までですが、注文番号「${value}」は${value.length}文字あります。注文番号は送り状番号の取込で注文を見分けるのに使うため、短くして出力することはしません。この注文はほかの送り状ソフトで出力してください。`,
    );
  }
  return problems;
}

/** One label row: every column's value after the carrier's checks, or the problems found. */
function row(layout: LabelLayout, parcel: Parcel, problems: LabelProblem[]): string[] {
  const orderNo = parcel.first.orderNo;
  const refusal = layout.refuse?.(parcel);
  if (refusal) problems.push({ orderNo, field: '', message: refusal });
  return layout.columns.map((column) => {
    const made = toCp932Variants(column.value?.(parcel) ?? '');
    // Text cells are made inert against spreadsheet formulas; the order number stays as it is.
    let value = column.orderNo ? made : inertText(made);
    const problem = (message: string) => problems.push({ orderNo, field: column.header, message });
    if (column.required && value.trim() === '') {
      problem(
        column.header.startsWith('ご依頼主')
          ? '出荷店舗の名前・住所・電話番号が登録されていません。店舗マスタを確認してください。'
          : '空欄にはできません。',
      );
      return value;
    }
    const wrong = column.check?.(parcel, value);
    if (wrong) problem(wrong);
    const bad = unencodableChars(value);
    if (bad.length > 0)
      problem(`「${bad.join('')}」は送り状ソフト（Shift_JIS）で扱えない文字です。別の字に直してください。`);
    if (column.orderNo) {
      orderNoProblems(layout, column, value).forEach(problem);
      return value;
    }
    if (column.bytes && sjisByteLength(value) > column.bytes) {
      if (column.fit) value = splitBytes(value, column.bytes)[0] ?? '';
      else {
        problem(
          `長すぎます: 全角${column.bytes / 2}文字（半角${column.bytes}文字）までのところ、全角換算${Math.ceil(sjisByteLength(value) / 2)}文字あります（「${value}」）。`,
        );
      }
    }
    return value;
  });
}

/**
 * Carrier label CSV of the checked orders: one row per parcel in the carrier's exact
 * layout, Shift_JIS, CRLF. Every parcel is checked first (sizes, characters, COD rules,
 * the store as sender); with any problem, no file is made and the problems are listed.
 */
export function exportLabels(
  ctx: ServiceContext,
  input: { format: LabelFormat; orderIds: number[]; shipDate: string; itemName: string },
): LabelExportResult {
  const layout = LABEL_LAYOUTS[input.format];
  const data = loadPrintData(ctx, input.orderIds);
  const { sqlite } = ctx.database;
  const codMethods = new Set(
    sqlite.prepare('SELECT code FROM payment_methods WHERE is_cod = 1').pluck().all() as string[],
  );
  const codes = ctx.settings.get('shippingLabels') ?? {
    yamatoCustomerCode: '',
    yamatoFreightNo: '01',
    sagawaCustomerCode: '',
  };
  // A missing setting is one message, not the same problem blamed on every order.
  const missing = layout.missingSetting?.(codes);
  if (missing) throw new UserError(missing);
  const problems: LabelProblem[] = [];
  const warnings: LabelProblem[] = [];
  const rows: string[][] = [];
  for (const orders of groupParcels(data.orders)) {
    const first = orders[0]!;
    for (const o of orders) {
      if (o.status === 'shipped' || o.status === 'cancelled') {
        problems.push({
          orderNo: o.orderNo,
          field: '',
          message: `「${STATUS_LABELS[o.status]}」の注文です。送り状は作れません。`,
        });
      }
    }
    const cod = orders.some((o) => codMethods.has(o.paymentMethod));
    const parcel: Parcel = {
      orders,
      first,
      store: (first.storeId ? data.stores.get(first.storeId) : undefined) ?? data.store,
      shipDate: input.shipDate.replace(/-/g, '/'),
      cod,
      codAmount: cod ? orders.reduce((s, o) => s + o.total, 0) : 0,
      itemName: input.itemName || first.items[0]?.title || '',
      codes,
      ...parcelWish(layout, first),
    };
    const refusal = wishRefusal(layout, parcel, input.shipDate);
    if (refusal) problems.push({ orderNo: first.orderNo, field: '配送希望', message: refusal });
    rows.push(row(layout, parcel, problems));
    const postal = postalCodeWarning(first.shipTo);
    if (postal) warnings.push({ orderNo: first.orderNo, field: 'お届け先郵便番号', message: postal });
  }
  if (problems.length > 0) return { files: [], rows: rows.length, problems, warnings };
  const perFile = layout.maxRows ?? rows.length;
  const files: DownloadFile[] = [];
  const stamp = fileStamp(ctx.clock.now());
  for (let i = 0; i < rows.length; i += perFile) {
    const writer = new CsvWriter(
      layout.columns.map((c) => c.header),
      // Cells are already inert (row): an apostrophe guard would reach the printed label.
      { encoding: 'shift_jis', neutralizeFormulas: false, quoteAll: true },
    );
    for (const values of rows.slice(i, i + perFile)) writer.addRow(values, '');
    const part = rows.length > perFile ? `_${i / perFile + 1}` : '';
    files.push({
      fileName: `${FILE_NAMES[input.format]}_${stamp}${part}.csv`,
      mimeType: 'text/csv',
      base64: writer.toBuffer().toString('base64'),
    });
  }
  if (files.length === 0) throw new UserError(`${LABEL_FORMAT_INFO[input.format].label}に出力する注文がありません。`);
  return { files, rows: rows.length, problems, warnings };
}
