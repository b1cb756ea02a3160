import type { Order } from '../../src-shared/domain/order.js';
import { UserError } from '../../src-shared/api/errors.js';
import { PII_PURGED_TEXT } from '../../src-shared/domain/privacy.js';
import type { PrintParts } from './print-parts.js';

export interface StoreInfoRow {
  id: string;
  name: string;
  postalCode: string;
  address: string;
  phone: string;
}

export interface PrintOrder extends Order {
  paymentName: string;
}

export interface PrintData {
  orders: PrintOrder[];
  /** The shipping store whose name heads the documents (the PC's store, else the orders'). */
  store: StoreInfoRow | null;
  stores: Map<string, StoreInfoRow>;
}

/**
 * Loads the checked orders for a document, in the order given, with payment names and
 * picking locations: the 棚番 the store keeps in 在庫一覧 (where the item really is), else
 * the one the order line came with.
 */
export function loadPrintData(
  ctx: Pick<PrintParts, 'sqlite' | 'orders' | 'actor'>,
  orderIds: readonly number[],
): PrintData {
  const { sqlite } = ctx;
  const stores = new Map(
    (
      sqlite.prepare('SELECT id, name, postal_code AS postalCode, address, phone FROM stores').all() as StoreInfoRow[]
    ).map((s) => [s.id, s]),
  );
  const payments = new Map(
    (sqlite.prepare('SELECT code, name FROM payment_methods').all() as { code: string; name: string }[]).map((p) => [
      p.code,
      p.name,
    ]),
  );
  const stockLocation = sqlite
    .prepare("SELECT location FROM stock WHERE sku = ? AND store_id = ? AND location <> ''")
    .pluck();
  const orders: PrintOrder[] = [];
  const missing: number[] = [];
  const found = ctx.orders.getMany([...new Set(orderIds)]);
  for (const id of new Set(orderIds)) {
    const order = found.get(id);
    if (!order) {
      missing.push(id);
      continue;
    }
    const items = order.items.map((item) => {
      const shelf = order.storeId ? (stockLocation.get(item.sku, order.storeId) as string | undefined) : undefined;
      return shelf ? { ...item, location: shelf } : item;
    });
    orders.push({ ...order, items, paymentName: payments.get(order.paymentMethod) ?? order.paymentMethod });
  }
  // Bundled orders (同梱) go into one parcel: keep them next to each other.
  orders.sort(
    (a, b) =>
      (a.bundleGroup ?? '\uffff').localeCompare(b.bundleGroup ?? '\uffff') ||
      a.orderedAt.localeCompare(b.orderedAt) ||
      a.id - b.id,
  );
  if (missing.length > 0) {
    throw new UserError(
      `選択した注文のうち ${missing.length} 件が見つかりません。一覧を最新にしてから選び直してください。何も印刷していません。`,
      'not_found',
    );
  }
  const pcStore = ctx.actor().storeId;
  const storeId = pcStore ?? orders.find((o) => o.storeId)?.storeId ?? null;
  return { orders, store: storeId ? (stores.get(storeId) ?? null) : null, stores };
}

export function shipToLines(order: Order): string[] {
  // Deleted personal data (S3) says so, not a 〒 and a 様 with nothing between.
  if (order.piiPurgedAt) return [PII_PURGED_TEXT];
  const { shipTo } = order;
  return [
    `〒${shipTo.postalCode}　${shipTo.prefecture}${shipTo.address1}`,
    shipTo.address2,
    `${shipTo.name} 様${shipTo.phone ? `　TEL ${shipTo.phone}` : ''}`,
  ].filter((l) => l.trim() !== '');
}
