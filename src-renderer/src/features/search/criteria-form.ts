import type { SearchCriteria } from '../../../../src-shared/api/orders.js';
import type { Channel } from '../../../../src-shared/domain/channels.js';
import type { MainStatus } from '../../../../src-shared/domain/status.js';

/** The search dialog's fields as typed: text stays text until the search runs. */
export interface CriteriaDraft {
  orderNo: string;
  channels: Channel[];
  orderedFrom: string;
  orderedTo: string;
  buyer: string;
  address: string;
  email: string;
  phone: string;
  item: string;
  trackingNo: string;
  paymentMethods: string[];
  statuses: MainStatus[];
  subStatusIds: number[];
  storeIds: string[];
  totalMin: string;
  totalMax: string;
  orderComment: boolean;
  staffComment: boolean;
  mailInquiry: boolean;
}

export const EMPTY_DRAFT: CriteriaDraft = {
  orderNo: '',
  channels: [],
  orderedFrom: '',
  orderedTo: '',
  buyer: '',
  address: '',
  email: '',
  phone: '',
  item: '',
  trackingNo: '',
  paymentMethods: [],
  statuses: [],
  subStatusIds: [],
  storeIds: [],
  totalMin: '',
  totalMax: '',
  orderComment: false,
  staffComment: false,
  mailInquiry: false,
};

export function draftOf(c: SearchCriteria | null): CriteriaDraft {
  if (!c) return EMPTY_DRAFT;
  return {
    ...EMPTY_DRAFT,
    ...Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)),
    totalMin: c.totalMin === undefined ? '' : String(c.totalMin),
    totalMax: c.totalMax === undefined ? '' : String(c.totalMax),
  } as CriteriaDraft;
}

/** Yen typed any way (１，０００ / ¥1,000 / 1000) as an integer; '' is no condition. */
function yen(label: string, text: string): number | undefined {
  const plain = text.normalize('NFKC').replace(/[,¥\s]/g, '');
  if (plain === '') return undefined;
  if (!/^\d+$/.test(plain)) throw new Error(`${label}は円単位の数字で入力してください（例: 3000）。`);
  return Number(plain);
}

/** The conditions to send: empty fields left out. Throws a Japanese message for bad amounts. */
export function criteriaOf(d: CriteriaDraft): SearchCriteria {
  const c: SearchCriteria = {};
  for (const key of [
    'orderNo',
    'buyer',
    'address',
    'email',
    'phone',
    'item',
    'trackingNo',
    'orderedFrom',
    'orderedTo',
  ] as const) {
    if (d[key].trim()) c[key] = d[key].trim();
  }
  for (const key of ['channels', 'paymentMethods', 'statuses', 'subStatusIds', 'storeIds'] as const) {
    if (d[key].length) (c as Record<string, unknown>)[key] = d[key];
  }
  const min = yen('金額（下限）', d.totalMin);
  const max = yen('金額（上限）', d.totalMax);
  if (min !== undefined) c.totalMin = min;
  if (max !== undefined) c.totalMax = max;
  for (const key of ['orderComment', 'staffComment', 'mailInquiry'] as const) if (d[key]) c[key] = true;
  return c;
}

export function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}
