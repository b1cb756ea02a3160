import type { Masters } from '../../../../src-shared/api/app.js';
import type { SearchCriteria } from '../../../../src-shared/api/orders.js';
import { CHANNEL_LABELS } from '../../../../src-shared/domain/channels.js';
import { formatYen } from '../../../../src-shared/domain/money.js';
import { STATUS_LABELS } from '../../../../src-shared/domain/status.js';

/** The conditions of a search in words, for the banner over its result ("購入者: 山田 / ..."). */
export function describeCriteria(c: SearchCriteria, masters: Masters): string[] {
  const out: string[] = [];
  const text = (label: string, value: string | undefined) => {
    if (value?.trim()) out.push(`${label}: ${value.trim()}`);
  };
  const names = (label: string, values: readonly string[] | undefined) => {
    if (values?.length) out.push(`${label}: ${values.join('・')}`);
  };
  text('注文番号', c.orderNo);
  names(
    'チャネル',
    c.channels?.map((ch) => CHANNEL_LABELS[ch]),
  );
  if (c.orderedFrom || c.orderedTo) out.push(`注文日: ${c.orderedFrom ?? ''}〜${c.orderedTo ?? ''}`);
  text('購入者', c.buyer);
  text('住所', c.address);
  text('メール', c.email);
  text('電話', c.phone);
  text('SKU・商品名', c.item);
  text('送り状番号', c.trackingNo);
  names(
    '決済方法',
    c.paymentMethods?.map((code) => masters.paymentMethods.find((p) => p.code === code)?.name ?? code),
  );
  names(
    'ステータス',
    c.statuses?.map((s) => STATUS_LABELS[s]),
  );
  names(
    'サブステータス',
    c.subStatusIds?.map((id) => masters.subStatuses.find((s) => s.id === id)?.name ?? String(id)),
  );
  names(
    '出荷店舗',
    c.storeIds?.map((id) => (id === '' ? '未指定' : (masters.stores.find((s) => s.id === id)?.name ?? id))),
  );
  if (c.totalMin !== undefined || c.totalMax !== undefined) {
    out.push(
      `金額: ${c.totalMin !== undefined ? formatYen(c.totalMin) : ''}〜${c.totalMax !== undefined ? formatYen(c.totalMax) : ''}`,
    );
  }
  if (c.orderComment) out.push('注文時コメントあり');
  if (c.staffComment) out.push('受注後コメントあり');
  if (c.mailInquiry) out.push('メール問合せあり');
  return out;
}
