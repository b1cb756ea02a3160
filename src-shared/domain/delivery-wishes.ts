/**
 * 配送希望 (delivery wishes): the day, the time slot and the service a buyer asked for, as
 * the order keeps them, how they are read from a channel's wording, and which carrier
 * service can meet them. Pure: the importers, F12, the grid and the label files share it.
 *
 * An order keeps the date as YYYY-MM-DD ('' none), the slot as one of TIME_SLOTS ('' none)
 * and the method as the channel's own words (宅急便, ネコポス …), matched to a service here.
 */

/** Time slots a buyer may ask for, by the order's code. */
export const TIME_SLOTS = ['am', '12-14', '14-16', '16-18', '18-20', '19-21'] as const;
export type TimeSlot = (typeof TIME_SLOTS)[number];

export const TIME_SLOT_LABELS: Record<TimeSlot, string> = {
  am: '午前中',
  '12-14': '12時～14時',
  '14-16': '14時～16時',
  '16-18': '16時～18時',
  '18-20': '18時～20時',
  '19-21': '19時～21時',
};

/** The carrier services a 配送方法 names. */
export type DeliveryService =
  'takkyubin' | 'time' | 'compact' | 'nekopos' | 'dm' | 'sagawa' | 'yupack' | 'yupacket' | 'clickpost';

export const SERVICE_LABELS: Record<DeliveryService, string> = {
  takkyubin: '宅急便',
  time: '宅急便タイムサービス',
  compact: '宅急便コンパクト',
  nekopos: 'ネコポス',
  dm: 'DM便',
  sagawa: '飛脚宅配便',
  yupack: 'ゆうパック',
  yupacket: 'ゆうパケット',
  clickpost: 'クリックポスト',
};

interface ServiceOffer {
  date: boolean;
  /** The time slots it has (none: no slot at all). */
  slots: readonly TimeSlot[];
  /** 代金引換 (the carrier collects the goods' price). */
  cod: boolean;
  /** 着払い (the buyer pays the freight on delivery). */
  collect: boolean;
}

const YAMATO_SLOTS: readonly TimeSlot[] = ['am', '14-16', '16-18', '18-20', '19-21'];
const ALL_SLOTS: readonly TimeSlot[] = TIME_SLOTS;

/** What each service offers. */
const SERVICE_WISHES: Record<DeliveryService, ServiceOffer> = {
  // ヤマト運輸 dropped 12時～14時 in 2017.
  takkyubin: { date: true, slots: YAMATO_SLOTS, cod: true, collect: true },
  // タイムサービス is 午前10時まで by itself: a day, no slot of the buyer's.
  time: { date: true, slots: [], cod: false, collect: false },
  compact: { date: true, slots: YAMATO_SLOTS, cod: true, collect: false },
  nekopos: { date: false, slots: [], cod: false, collect: false },
  dm: { date: false, slots: [], cod: false, collect: false },
  sagawa: { date: true, slots: ALL_SLOTS, cod: true, collect: true },
  yupack: { date: true, slots: ALL_SLOTS, cod: true, collect: true },
  yupacket: { date: false, slots: [], cod: false, collect: false },
  clickpost: { date: false, slots: [], cod: false, collect: false },
};

/** Whether a 配送方法 asks for 着払い (宅急便（着払い）, ゆうパック 着払い). */
export const isFreightCollect = (method: string) => /着払/.test(method.normalize('NFKC'));

/**
 * The service a 配送方法 as written names (the channels' own words), or null for none named.
 * Order matters: クロネコゆうパケット is ネコポス, 宅急便コンパクト is not 宅急便.
 */
export function serviceOf(method: string): DeliveryService | null {
  const m = method.normalize('NFKC').replace(/\s+/g, '');
  if (m === '') return null;
  if (/ネコポス|クロネコゆうパケット/.test(m)) return 'nekopos';
  if (/コンパクト/.test(m)) return 'compact';
  if (/DM便|メール便|クロネコゆうメール/i.test(m)) return 'dm';
  if (/クリックポスト/.test(m)) return 'clickpost';
  if (/ゆうパケット/.test(m)) return 'yupacket';
  if (/ゆうパック/.test(m)) return 'yupack';
  if (/佐川|飛脚/.test(m)) return 'sagawa';
  if (/タイムサービス|宅急便タイム/.test(m)) return 'time';
  if (/宅急便|ヤマト|クロネコ|宅配便/.test(m)) return 'takkyubin';
  return null;
}

/** YYYY-MM-DD from a channel's date (20240510, 2024/05/10, 2024-05-10T…), '' when none, null when unreadable. */
export function parseWishDate(raw: string): string | null {
  const text = raw.normalize('NFKC').trim();
  if (text === '' || /^(指定なし|なし|希望なし|0+)$/.test(text)) return '';
  const match = /^(\d{4})[-/年]?(\d{1,2})[-/月]?(\d{1,2})日?(?:[T\s].*)?$/.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A slot from its start and end hour (8 and 12 is 午前中), or null when no slot is that. */
export function slotOfHours(start: number, end: number): TimeSlot | null {
  if (start >= 8 && start <= 9 && end === 12) return 'am';
  const slot = `${start}-${end}`;
  return (TIME_SLOTS as readonly string[]).includes(slot) ? (slot as TimeSlot) : null;
}

/** A slot from a channel's words (午前中, 14:00-16:00, 14時～16時, 1416), '' none, null unreadable. */
export function parseTimeSlot(raw: string): TimeSlot | '' | null {
  const text = raw.normalize('NFKC').replace(/\s+/g, '');
  if (text === '' || /^(指定なし|なし|希望なし|0+)$/.test(text)) return '';
  if (/午前/.test(text) || text === '0812' || text === '01') return 'am';
  if ((TIME_SLOTS as readonly string[]).includes(text)) return text as TimeSlot;
  const match = /^(\d{1,2})(?::00|時)?[-~〜～](\d{1,2})(?::00|時)?$/.exec(text) ?? /^(\d{2})(\d{2})$/.exec(text);
  return match ? slotOfHours(Number(match[1]), Number(match[2])) : null;
}

const JST_MS = 9 * 3600_000;

/**
 * A delivery window given as two instants (Amazon's scheduled delivery) as the Japan-time
 * day and slot text: '' slot when the window is the whole day, the hours (14-16) otherwise.
 * Null when the instants are unreadable.
 */
export function jstWindow(startIso: string, endIso: string): { date: string; slot: string } | null {
  const start = Date.parse(startIso);
  if (Number.isNaN(start)) return null;
  const startJst = new Date(start + JST_MS);
  const date = startJst.toISOString().slice(0, 10);
  const end = endIso === '' ? NaN : Date.parse(endIso);
  if (Number.isNaN(end)) return { date, slot: '' };
  // A window of half a day or more (several days, as ordersV0.json's example) names no slot.
  if (end - start >= 12 * 3600_000 || end <= start) return { date, slot: '' };
  const from = startJst.getUTCHours();
  const to = new Date(end + JST_MS).getUTCHours() || 24;
  return { date, slot: `${from}-${to}` };
}

export interface DeliveryWish {
  /** YYYY-MM-DD or '' */
  date: string;
  /** a TimeSlot or '' */
  timeSlot: string;
  method: string;
}

const slashDate = (iso: string) => iso.replace(/-/g, '/');

/**
 * Why a carrier service cannot meet the wish, or null when it can. `shipDate` is the day
 * the parcel leaves (YYYY-MM-DD): a wished day before it is past.
 */
export function refuseWish(
  wish: DeliveryWish,
  service: DeliveryService,
  shipDate: string,
  cod: boolean,
): string | null {
  const offer = SERVICE_WISHES[service];
  const name = SERVICE_LABELS[service];
  if (cod && !offer.cod) return `${name}は代金引換で送れません。配送方法を変えてください。`;
  if (isFreightCollect(wish.method)) {
    if (cod) return '着払いと代金引換は一緒に指定できません。配送方法か支払方法を確認してください。';
    if (!offer.collect) return `${name}は着払いで送れません。配送方法を変えてください。`;
  }
  if (wish.date !== '') {
    if (!offer.date) return `${name}はお届け日を指定できません（配送希望日 ${slashDate(wish.date)}）。`;
    if (wish.date < shipDate)
      return `配送希望日 ${slashDate(wish.date)} は出荷日 ${slashDate(shipDate)} より前です。お客様に確認してください。`;
  }
  if (wish.timeSlot !== '') {
    const label = TIME_SLOT_LABELS[wish.timeSlot as TimeSlot] ?? wish.timeSlot;
    if (offer.slots.length === 0) return `${name}は配達時間帯を指定できません（配送時間帯 ${label}）。`;
    if (!offer.slots.includes(wish.timeSlot as TimeSlot))
      return `${name}に「${label}」の配達時間帯はありません。お客様に確認してください。`;
  }
  return null;
}

/**
 * ヤマト運輸 B2クラウド 送り状種類 for a service and payment: 0 発払い, 2 コレクト, 3 DM便,
 * 4 タイム, 5 着払い, 7 ネコポス, 8 宅急便コンパクト, 9 宅急便コンパクトコレクト. `collect`
 * is 着払い (refuseWish keeps it to 宅急便 without 代引).
 */
export function yamatoInvoiceType(service: DeliveryService, cod: boolean, collect = false): string {
  if (service === 'nekopos') return '7';
  if (service === 'dm') return '3';
  if (service === 'time') return '4';
  if (service === 'compact') return cod ? '9' : '8';
  if (collect) return '5';
  return cod ? '2' : '0';
}

/** B2クラウド 配達時間帯 of タイムサービス (午前10時まで). */
export const YAMATO_TIME_SERVICE_SLOT = '0010';

/** B2クラウド 配達時間帯 codes. */
export const YAMATO_SLOT_CODES: Partial<Record<TimeSlot, string>> = {
  am: '0812',
  '14-16': '1416',
  '16-18': '1618',
  '18-20': '1820',
  '19-21': '1921',
};

/** 佐川急便 e飛伝Ⅱ 配達指定時間帯 codes (assumed from the operators' guides, README). */
export const SAGAWA_SLOT_CODES: Partial<Record<TimeSlot, string>> = {
  am: '01',
  '12-14': '12',
  '14-16': '14',
  '16-18': '16',
  '18-20': '18',
  '19-21': '19',
};

/**
 * 日本郵便 ゆうパックプリントR 配達時間帯 codes (00 指定なし; assumed from the operators'
 * guides, README).
 */
export const JAPANPOST_SLOT_CODES: Partial<Record<TimeSlot, string>> = {
  am: '51',
  '12-14': '52',
  '14-16': '53',
  '16-18': '54',
  '18-20': '55',
  '19-21': '57',
};

/** The services each label file can carry. */
export const CARRIER_SERVICES = {
  yamato: ['takkyubin', 'compact', 'nekopos', 'dm', 'time'],
  sagawa: ['sagawa'],
  japanpost: ['yupack', 'yupacket'],
  clickpost: ['clickpost'],
} as const satisfies Record<string, readonly DeliveryService[]>;

/** The wish as one line for a list or the picking list (12/24 午前中 ネコポス). */
export function describeWish(wish: DeliveryWish): string {
  const date = wish.date ? `${Number(wish.date.slice(5, 7))}/${Number(wish.date.slice(8, 10))}` : '';
  const slot = TIME_SLOT_LABELS[wish.timeSlot as TimeSlot] ?? wish.timeSlot;
  return [date, slot, wish.method].filter((s) => s !== '').join(' ');
}
