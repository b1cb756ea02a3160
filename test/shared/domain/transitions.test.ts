import { describe, expect, it } from 'vitest';
import { MAIN_STATUSES, type MainStatus } from '../../../src-shared/domain/status.js';
import { OPERATIONS, transition, type Operation } from '../../../src-shared/domain/transitions.js';

/**
 * Every cell of the transition table (S2, E11), written out by hand from the manual so the
 * table in src-shared is checked against an independent statement, not against itself.
 * null = refused.
 */
type Row = Record<Operation, MainStatus | null>;
const needsConfirmation: Record<MainStatus, Row> = {
  new: {
    stock_ok: 'stock_confirmed',
    stock_shortage: 'out_of_stock',
    confirm_payment: null,
    register_tracking: null,
    confirm_shipment: null,
    cancel: 'cancelled',
    bulk_set_status: 'stock_confirmed',
  },
  stock_confirmed: {
    stock_ok: null,
    stock_shortage: null,
    confirm_payment: 'paid',
    register_tracking: null,
    confirm_shipment: null,
    cancel: 'cancelled',
    bulk_set_status: null,
  },
  out_of_stock: {
    stock_ok: 'stock_confirmed',
    stock_shortage: 'out_of_stock',
    confirm_payment: null,
    register_tracking: null,
    confirm_shipment: null,
    cancel: 'cancelled',
    bulk_set_status: null,
  },
  paid: {
    stock_ok: null,
    stock_shortage: null,
    confirm_payment: null,
    register_tracking: 'awaiting_shipment',
    confirm_shipment: null,
    cancel: 'cancelled',
    bulk_set_status: null,
  },
  awaiting_shipment: {
    stock_ok: null,
    stock_shortage: null,
    confirm_payment: null,
    register_tracking: 'awaiting_shipment',
    confirm_shipment: 'shipped',
    cancel: 'cancelled',
    bulk_set_status: null,
  },
  shipped: {
    stock_ok: null,
    stock_shortage: null,
    confirm_payment: null,
    register_tracking: null,
    confirm_shipment: null,
    cancel: null,
    bulk_set_status: null,
  },
  cancelled: {
    stock_ok: null,
    stock_shortage: null,
    confirm_payment: null,
    register_tracking: null,
    confirm_shipment: null,
    cancel: null,
    bulk_set_status: null,
  },
};

describe('transition table, payment needs confirmation (bank transfer)', () => {
  for (const from of MAIN_STATUSES) {
    for (const op of OPERATIONS) {
      const expected = needsConfirmation[from][op];
      it(`${from} × ${op} → ${expected ?? 'refused'}`, () => {
        const result = transition(from, op, { needsPaymentConfirmation: true, target: 'stock_confirmed' });
        if (expected === null) {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.reason).toMatch(/できません/);
        } else {
          expect(result).toEqual({ ok: true, to: expected });
        }
      });
    }
  }
});

describe('payment needing no confirmation (card, COD) skips 在庫確認済', () => {
  it('stock check of a 新規 order goes straight to 入金済', () => {
    expect(transition('new', 'stock_ok', { needsPaymentConfirmation: false })).toEqual({ ok: true, to: 'paid' });
  });
  it('stock check after a shortage also goes to 入金済', () => {
    expect(transition('out_of_stock', 'stock_ok', { needsPaymentConfirmation: false })).toEqual({
      ok: true,
      to: 'paid',
    });
  });
  it('E11 to 在庫確認済 lands in 入金済', () => {
    expect(
      transition('new', 'bulk_set_status', { needsPaymentConfirmation: false, target: 'stock_confirmed' }),
    ).toEqual({
      ok: true,
      to: 'paid',
    });
  });
});

describe('E11 メインステータス一括変更 targets', () => {
  for (const target of MAIN_STATUSES) {
    it(`新規 → ${target}`, () => {
      const result = transition('new', 'bulk_set_status', { needsPaymentConfirmation: true, target });
      if (target === 'new') expect(result.ok).toBe(false);
      else expect(result).toEqual({ ok: true, to: target });
    });
  }
  it('refuses without a target', () => {
    expect(transition('new', 'bulk_set_status', { needsPaymentConfirmation: true }).ok).toBe(false);
  });
  it('names the current status and the operation in the refusal', () => {
    const result = transition('shipped', 'cancel', { needsPaymentConfirmation: true });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('「出荷済」の注文には注文取消はできません') });
  });
});
