import { z } from 'zod';
import { mailTemplateBody, mailTemplateSubject } from '../api/mail.js';
import { subStatusColor, subStatusName } from '../api/sub-status.js';
import { lineText } from '../api/text.js';
import { MAIL_KINDS } from '../domain/mail.js';
import { MAIN_STATUSES } from '../domain/status.js';

/** SQLite keeps booleans as 0/1; either form is accepted. */
const flag = z.union([z.literal(0), z.literal(1), z.boolean()]);
const sortOrder = z.number().int().min(-1_000_000).max(1_000_000);
const instant = z.iso.datetime({ offset: true });

/**
 * A master row as the store database's table holds it (column name → value), checked with
 * the limits the PC's own screens apply. The central server refuses an upload holding a bad
 * row; a PC skips a bad row it pulls (and says so) instead of failing the page.
 */
export const MASTER_ROW_SCHEMAS = {
  payment_methods: z.object({
    code: lineText().min(1).max(60),
    name: lineText().min(1).max(60),
    needs_confirmation: flag,
    is_cod: flag,
    sort_order: sortOrder,
  }),
  sub_statuses: z.object({
    id: z.number().int().positive(),
    main_status: z.enum(MAIN_STATUSES),
    name: subStatusName,
    color: subStatusColor,
    sort_order: sortOrder,
    retired_at: instant.nullable(),
  }),
  mail_templates: z.object({
    kind: z.enum(MAIL_KINDS),
    subject: mailTemplateSubject,
    body: mailTemplateBody,
    updated_at: instant,
    updated_by: lineText().max(100),
  }),
  stores: z.object({
    id: lineText().regex(/^[A-Za-z0-9_-]{1,40}$/),
    name: lineText().min(1).max(100),
    postal_code: lineText().max(20),
    address: lineText().max(300),
    phone: lineText().max(40),
    is_head_office: flag,
    sort_order: sortOrder,
  }),
  /** The people of a store who pick themselves at its PCs (edited in the console's 店舗). */
  staff: z.object({
    id: z.number().int().positive(),
    store_id: lineText().regex(/^[A-Za-z0-9_-]{1,40}$/),
    name: lineText().min(1).max(100),
    is_manager: flag,
    pin_hash: lineText().max(200).nullable(),
    retired: flag,
  }),
} as const;

export type MasterKind = keyof typeof MASTER_ROW_SCHEMAS;

/** Each kind's key column: a row's key is this column's value as text. */
const MASTER_KEYS: Record<MasterKind, string> = {
  payment_methods: 'code',
  sub_statuses: 'id',
  mail_templates: 'kind',
  stores: 'id',
  staff: 'id',
};

export function isMasterKind(kind: string): kind is MasterKind {
  return Object.prototype.hasOwnProperty.call(MASTER_ROW_SCHEMAS, kind);
}

/**
 * Checks one master row: its data against its kind's schema and its key against the data.
 * Returns the row's data as the schema reads it (unknown columns dropped), or why not.
 */
export function checkMasterRow(
  kind: string,
  key: string,
  data: unknown,
): { ok: true; data: Record<string, unknown> } | { ok: false; reason: string } {
  if (!isMasterKind(kind)) return { ok: false, reason: `不明なマスタの種類です（${kind.slice(0, 40)}）。` };
  const parsed = MASTER_ROW_SCHEMAS[kind].safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') ?? ''} ${issue?.message ?? '形式の誤り'}`.trim() };
  }
  const own = String((parsed.data as Record<string, unknown>)[MASTER_KEYS[kind]]);
  if (own !== key) return { ok: false, reason: `キー（${key.slice(0, 40)}）が内容と合いません。` };
  return { ok: true, data: parsed.data as Record<string, unknown> };
}
