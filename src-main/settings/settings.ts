import { DEFAULT_DOCUMENT_OUTPUTS, type DocumentOutput, type PrintKind } from '../../src-shared/domain/print-kinds.js';
import type { MailPolicy } from '../../src-shared/domain/mail-policy.js';
import { DEFAULT_BACKUP_SETTINGS, type BackupSettings } from '../../src-shared/api/backup.js';
import type { MailSettings } from '../../src-shared/api/mail.js';

/** Mail settings as stored: the SMTP password only ever sealed by a SecretCipher. */
export type StoredMailSettings = Omit<MailSettings, 'hasPassword' | 'passwordProtection' | 'loginWarning'> & {
  passwordSealed: string;
};

/**
 * Settings kept outside the database (SPEC §6): electron-store in Electron, `conf` (the
 * library electron-store is built on) in browser mode and tests, behind this interface.
 */
export interface AppSettings {
  operator: string;
  /** The staff member picked as 担当者 (StaffRoster), or null: the operator is typed in 設定. */
  staffId: number | null;
  pcId: string;
  storeId: string | null;
  serverUrl: string;
  storeToken: string;
  printer: string;
  /** Printed PDFs' folder ('' = the documents folder) and 納品書 with or without prices (E8). */
  documents: { dir: string; deliveryNotePrices: boolean; registrationNumber?: string };
  /** Per document (ピッキングリスト, 納品書): printer ('' = `printer`), paper and copies. */
  documentOutputs: Record<PrintKind, DocumentOutput>;
  /** Codes the carriers' label files need (B2 billing code, e飛伝 customer code). */
  shippingLabels: { yamatoCustomerCode: string; yamatoFreightNo: string; sagawaCustomerCode: string };
  csvEncoding: 'shift_jis' | 'utf8bom';
  reminderDays: { unpaid: number; orderForm: number };
  /** 催促対象 counts only business days: 土日祝 are skipped (off = every calendar day counts). */
  reminderSkipHolidays: boolean;
  ui: Record<string, unknown>;
  mail: StoredMailSettings;
  /** メール方針: the channels' mail settings that differ from the default (mail-policy.ts). */
  mailPolicy: MailPolicy;
  backup: BackupSettings;
  /** Stores whose 出荷確定 waits for 検品 (「検品してから出荷確定する」). */
  packingStores: string[];
}

export interface Settings {
  get<K extends keyof AppSettings>(key: K): AppSettings[K];
  set<K extends keyof AppSettings>(key: K, value: AppSettings[K]): void;
}

export function defaultSettings(host: { user: string; hostname: string }): AppSettings {
  return {
    operator: host.user,
    staffId: null,
    pcId: host.hostname,
    storeId: null,
    serverUrl: '',
    storeToken: '',
    printer: '',
    documents: { dir: '', deliveryNotePrices: true, registrationNumber: '' },
    documentOutputs: DEFAULT_DOCUMENT_OUTPUTS,
    shippingLabels: { yamatoCustomerCode: '', yamatoFreightNo: '01', sagawaCustomerCode: '' },
    csvEncoding: 'shift_jis',
    reminderDays: { unpaid: 7, orderForm: 3 },
    reminderSkipHolidays: false,
    ui: {},
    mail: {
      host: '',
      port: 587,
      security: 'starttls',
      user: '',
      passwordSealed: '',
      fromAddress: '',
      fromName: '',
      encoding: 'utf8',
      htmlPart: false,
      shopName: '',
      signature: '',
      bankAccount: '',
    },
    mailPolicy: {},
    backup: DEFAULT_BACKUP_SETTINGS,
    packingStores: [],
  };
}

/** The part of conf / electron-store (same API, one built on the other) that Settings needs. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export function settingsFromStore(store: KeyValueStore): Settings {
  return {
    get: <K extends keyof AppSettings>(key: K) => store.get(key) as AppSettings[K],
    set: (key, value) => store.set(key, value),
  };
}
