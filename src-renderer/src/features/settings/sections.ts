import { BackupSection } from '../backup/BackupSection.js';
import { mailSettingsSections } from '../mail/sections.js';
import { GeneralSection } from './GeneralSection.js';
import { FilesSettingsSection } from '../printing/FilesSettingsSection.js';
import { SyncSection } from '../sync/SyncSection.js';
import { FleetSection } from '../fleet/FleetSection.js';
import { PackingSettingsSection } from '../packing/PackingSettingsSection.js';
import type { SettingsSection } from './settings-section.js';

/** The settings dialog's pages in order; each domain adds its own, one line each. */
export const SETTINGS_SECTIONS: SettingsSection[] = [
  { id: 'general', label: '基本', Component: GeneralSection },
  { id: 'backup', label: 'バックアップ', Component: BackupSection },
  ...mailSettingsSections,
  { id: 'sync', label: '同期', Component: SyncSection },
  { id: 'fleet', label: '更新・ログ', Component: FleetSection },
  { id: 'files', label: '印刷・CSV', Component: FilesSettingsSection },
  { id: 'packing', label: '検品', Component: PackingSettingsSection },
];
