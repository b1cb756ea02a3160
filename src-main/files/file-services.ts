import { randomUUID } from 'node:crypto';
import { UserError } from '../../src-shared/api/errors.js';
import type { TrackingPlan } from '../carriers/tracking-plan.js';
import type { OrderImportPlan } from '../imports/import-plan.js';
import { createPrinter, type Printer } from '../printing/printer.js';

/**
 * Parsed files waiting for the clerk's 取込 after the preview: parsing a 40 MB file twice
 * would double the wait, so the preview's result is kept here (a few, for a limited time).
 * The commit re-checks everything against the database inside its transaction.
 */
export class PendingFiles<T> {
  private readonly items = new Map<string, { value: T; at: number }>();
  constructor(
    private readonly keep = 4,
    private readonly ttlMs = 30 * 60_000,
  ) {}

  put(value: T): string {
    const id = randomUUID();
    this.items.set(id, { value, at: Date.now() });
    while (this.items.size > this.keep) this.items.delete(this.items.keys().next().value!);
    return id;
  }

  take(id: string): T {
    const value = this.get(id);
    this.items.delete(id);
    return value;
  }

  /** The kept value, left in place (a commit that may be refused and asked again). */
  get(id: string): T {
    const item = this.items.get(id);
    if (!item || Date.now() - item.at > this.ttlMs) {
      this.items.delete(id);
      throw new UserError(
        '確認画面の有効期限が切れました。もう一度ファイルを選んで読み込んでください。何も取り込んでいません。',
        'preview_expired',
      );
    }
    return item.value;
  }
}

/** Long-lived objects of the file features (E8, F1, carriers), one per open database. */
export interface FileServices {
  printer: Printer;
  /** Order-import previews (F1), by preview id. */
  orderImports: PendingFiles<OrderImportPlan>;
  /** Carrier issued-data previews (tracking numbers), by preview id. */
  trackingImports: PendingFiles<TrackingPlan>;
}

export function createFileServices(printer: Printer = createPrinter()): FileServices {
  return { printer, orderImports: new PendingFiles(), trackingImports: new PendingFiles() };
}
