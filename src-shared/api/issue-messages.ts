import type { z } from 'zod';
import { IMPORT_FIELD_LABELS } from './imports.js';

/**
 * The Japanese name of every field of the contract's inputs, as a clerk knows it: a refused
 * input names its field so (「検索条件の金額（まで）」, not 「criteria.totalMax」). A test walks
 * every schema of the contract and fails on a field missing here.
 */
export const FIELD_NAMES: Readonly<Record<string, string>> = {
  ...IMPORT_FIELD_LABELS,
  acceptPostalWarning: '郵便番号の警告を確認して保存',
  address: '住所',
  amountsUnknown: '金額未取得',
  lines: '移す数量',
  moveShippingFee: '配送料金を新しい注文へ移す',
  moveCodFee: '代引手数料を新しい注文へ移す',
  bankAccount: '振込先口座',
  copies: '部数',
  delivery_note: '納品書',
  outputs: '印刷先',
  paper: '用紙',
  picking: 'ピッキングリスト',
  registrationNumber: '登録番号',
  shipTo: '送付先',
  base64: 'ファイルの中身',
  path: 'ファイルの場所',
  body: '本文',
  bundleGroup: '同梱',
  buyer: '購入者名',
  carrier: '配送業者',
  channel: '販路',
  channels: '販路',
  clearPassword: 'パスワードの削除',
  code: '読取値',
  colId: '列',
  color: '色',
  column: '並べ替えの列',
  columns: '列',
  criteria: '検索条件',
  csvEncoding: 'CSV の文字コード',
  daily: '毎日のバックアップ',
  deliveryNotePrices: '納品書の金額',
  direction: '並べ替えの向き',
  documentsDir: 'PDF の保存先フォルダ',
  email: 'メールアドレス',
  encoding: '文字コード',
  entries: '送り状番号',
  fields: '項目の対応',
  file: 'ファイル',
  files: 'ファイル',
  filter: '絞り込み',
  flex: '列の幅の配分',
  format: '送り状ソフト',
  from: '送信日（から）',
  fromAddress: '送信元アドレス',
  fromName: '送信元の名前',
  hide: '列の表示',
  host: 'SMTP サーバー',
  htmlPart: 'HTML メール',
  id: '対象',
  ids: '並び順',
  item: '商品コード・商品名',
  itemName: '品名',
  jan: 'JANコード',
  jobId: '印刷履歴',
  keep: '残す世代数',
  key: '一覧',
  kind: '種類',
  limit: '件数',
  location: '棚番',
  logIds: '送信ログ',
  mailInquiry: 'メール問合せあり',
  mainStatus: 'メインステータス',
  mappingId: 'ファイルの形式',
  mode: '取込の種類',
  name: '名前',
  note: '本部へのメモ',
  offset: '表示位置',
  onHand: '在庫数',
  operation: '処理',
  operator: '担当者名',
  orderForm: 'オーダーフォーム未入力の催促までの日数',
  orderId: '注文',
  orderIds: '注文',
  orderedFrom: '注文日（から）',
  orderedTo: '注文日（まで）',
  orders: '件数',
  output: '出力先',
  paidOn: '入金日',
  password: 'パスワード',
  paymentMethods: '決済方法',
  pcId: 'PC名',
  phone: '電話番号',
  pin: 'PIN',
  port: 'ポート番号',
  previewId: '読込結果',
  printer: 'プリンタ',
  purpose: 'メールの種類',
  rating: '落札者評価',
  reason: '理由',
  required: '検品してから出荷確定する',
  result: '結果',
  retired: '使用終了',
  sagawaCustomerCode: 'e飛伝Ⅱ お客様コード',
  security: '暗号化',
  send: 'メールを送る',
  serverUrl: 'サーバーのアドレス',
  shipDate: '出荷予定日',
  shopName: '店舗名',
  signature: '署名',
  skipBad: '誤りのある行を除いて取り込む',
  skipHolidays: '土日祝を数えない',
  skus: '商品コード',
  sort: '並べ替え',
  sortIndex: '並べ替えの順',
  staffComment: '受注後コメント',
  staffId: 'スタッフ',
  statuses: 'メインステータス',
  storeId: '出荷店舗',
  storeIds: '出荷店舗',
  subStatusId: 'サブステータス',
  subStatusIds: 'サブステータス',
  subject: '件名',
  tab: 'タブ',
  target: '変更後のメインステータス',
  to: '宛先',
  token: 'PC の接続トークン',
  totalMax: '金額（まで）',
  totalMin: '金額（から）',
  trackingNo: '送り状番号',
  unitPrices: '単価',
  unpaid: '未入金の催促までの日数',
  user: 'ユーザー名',
  version: '注文の版',
  width: '列の幅',
  yamatoCustomerCode: 'B2クラウド ご請求先顧客コード',
  yamatoFreightNo: '運賃管理番号',
};

/** Where in the input an issue is, in words: 「検索条件の金額（まで）」, 「注文（3件目）」. */
export function describePath(path: readonly PropertyKey[]): string {
  let words = '';
  for (const part of path) {
    if (typeof part === 'number') words += `（${part + 1}件目）`;
    else {
      const name = FIELD_NAMES[String(part)] ?? '入力';
      words += words ? `の${name}` : name;
    }
  }
  return words;
}

type Issue = z.core.$ZodRawIssue;

function sizeText(issue: { origin?: string }, n: number | bigint, more: boolean): string {
  const bound = `${n.toLocaleString('ja-JP')}`;
  switch (issue.origin) {
    case 'string':
      return more ? `${bound}文字以上で入力してください。` : `${bound}文字以内で入力してください。`;
    case 'array':
    case 'set':
      return more ? `${bound}件以上選んでください。` : `${bound}件までです。`;
    default:
      return more ? `${bound}以上にしてください。` : `${bound}以下にしてください。`;
  }
}

/**
 * The message of an issue whose schema gave none, in Japanese and without zod's own English
 * words (string, int, "regex"): the field is named by the caller (describePath).
 */
export function issueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '入力してください。' : '形式が正しくありません。';
    case 'too_small':
      return Number(issue.minimum) === 1 && issue.origin === 'string'
        ? '入力してください。'
        : sizeText(issue, issue.minimum, true);
    case 'too_big':
      return sizeText(issue, issue.maximum, false);
    case 'invalid_value':
      return '選べる値から選んでください。';
    case 'invalid_format':
      return issue.format === 'email' ? 'メールアドレスの形式が正しくありません。' : '形式が正しくありません。';
    case 'not_multiple_of':
      return '値が正しくありません。';
    case 'unrecognized_keys':
      return '知らない項目が含まれています。';
    default:
      return '入力が正しくありません。';
  }
}

/** 「入力内容に誤りがあります。検索条件の金額（まで）: 0以上にしてください。 / …」 */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const lines = issues.slice(0, 5).map((issue) => {
    const where = describePath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  return `入力内容に誤りがあります。${lines.join(' / ')}`;
}
